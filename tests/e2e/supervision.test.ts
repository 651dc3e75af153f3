import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useSampleBrowser } from './browser';

// The supervisors' cockpits in Chromium: the province supervisor (West Java) and the national
// supervisor see the country on a map, switch it between follow-up and index, read the same data
// as a table, drill down, and try the group simulation.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page, selector: string) {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (c: string) => Promise<{ violations: never[] }> } }).axe;
    const r = await axe.run(sel);
    return (r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

const csrf = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'll_csrf')!.value;

/** The map's canvas once its boundaries are drawn, as pixels (to see that a change redrew it). */
async function mapPixels(page: Page, scope: string) {
  const canvas = page.locator(`${scope} [data-testid=map-canvas][data-ready=true] canvas`).first();
  await canvas.waitFor();
  return (await canvas.screenshot()).toString('base64');
}

describe.skipIf(!browserAvailable)('supervision journeys in Chromium', () => {
  const { pageAs: as } = useSampleBrowser();

  it('Garut submits its baseline and its leader approves a plan with level targets (set-up)', async () => {
    const op = await as('operator.garut@livinglab.test');
    const list = await (await op.request.get('/api/v1/orgs/32.05/assessments')).json();
    const id = list.data.find((a: { year: number }) => a.year === 2025).id;
    const detail = await (await op.request.get(`/api/v1/assessments/${id}`)).json();
    const opToken = await csrf(op);
    for (const item of detail.data.items.filter((i: { level: number | null }) => i.level === null)) {
      const r = await op.request.put(`/api/v1/assessments/${id}/items/${item.indicator}`, {
        headers: { 'x-csrf-token': opToken },
        data: {
          level: 2,
          version: item.version,
          serviceName: item.indicator >= 45 ? `Layanan ${item.indicator}` : undefined,
        },
      });
      expect(r.status()).toBe(200);
    }
    await op.context().close();
    const admin = await as('admin.garut@livinglab.test');
    const headers = { 'x-csrf-token': await csrf(admin) };
    expect(
      (await admin.request.post(`/api/v1/assessments/${id}/transitions/submit`, { headers })).status(),
    ).toBe(200);
    const plan = await (
      await admin.request.post('/api/v1/orgs/32.05/plans', { headers, data: { period: '2027-S1' } })
    ).json();
    const item = await admin.request.post(`/api/v1/plans/${plan.data.id}/items`, {
      headers,
      data: {
        title: 'Integrasi layanan publik dan arsitektur SPBE',
        targets: [
          { indicator: 42, level: 5 },
          { indicator: 11, level: 5 },
        ],
        ownerUnit: 'Diskominfo',
        dueDate: '2027-06-30',
      },
    });
    expect(item.status()).toBe(201);
    expect(
      (await admin.request.post(`/api/v1/plans/${plan.data.id}/transitions/submit`, { headers })).status(),
    ).toBe(200);
    await admin.context().close();
    const leader = await as('bupati.garut@livinglab.test');
    const approve = await leader.request.post(`/api/v1/plans/${plan.data.id}/transitions/approve`, {
      headers: { 'x-csrf-token': await csrf(leader) },
    });
    expect(approve.status()).toBe(200);
    await leader.context().close();
  });

  it('the West Java supervisor sees its kab/kota on a map, as a table, and simulates a group', async () => {
    const page = await as('jabar@livinglab.test');
    await page.goto('/');
    const cockpit = page.getByTestId('province-cockpit');
    await cockpit.waitFor();
    const map = cockpit.getByTestId('choropleth');
    const before = await mapPixels(page, '[data-testid=province-cockpit]');
    expect(await map.getAttribute('data-mode')).toBe('milestone');
    expect(await map.getByTestId('map-legend').textContent()).toContain('Tuan rumah');
    await expect.poll(() => map.textContent()).toContain('Batas wilayah: cahyadsn/wilayah_boundaries (MIT)');

    // The toggle: by index (click), and back by keyboard.
    await map.getByTestId('map-mode').getByText('Indeks').click();
    await expect.poll(() => map.getAttribute('data-mode')).toBe('index');
    expect(await map.getByTestId('map-legend').textContent()).toContain('Memuaskan');
    await expect.poll(() => mapPixels(page, '[data-testid=province-cockpit]')).not.toBe(before);
    await map.getByRole('radio', { name: 'Indeks' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => map.getAttribute('data-mode')).toBe('milestone');

    // The same data as a table: every kab/kota of the province.
    await map.getByText('Tampilkan data peta sebagai tabel (27 wilayah)').click();
    const rows = map.getByTestId('map-table').locator('tbody tr');
    expect(await rows.count()).toBe(27);
    expect(await rows.filter({ hasText: 'Kabupaten Sumedang' }).textContent()).toContain('Tuan rumah');
    expect(await rows.filter({ hasText: 'Kabupaten Tasikmalaya' }).textContent()).toContain(
      '2,84 (resmi 2025)',
    );

    // Stalled bodies and the league table, each linking to the body's page.
    expect(await cockpit.getByTestId('stalled-bodies').textContent()).toContain('Kabupaten Kuningan');
    const league = cockpit.getByTestId('league-table');
    expect(await league.locator('tbody tr').first().textContent()).toContain('Kabupaten Sumedang');
    await league.getByTestId('league-sort').getByText('Tindak lanjut').click();
    await expect
      .poll(() => league.locator('tbody tr').first().textContent())
      .toContain('Kabupaten Tasikmalaya');

    // The group simulation: choosing Garut (its plan raises two indicators) lifts the average.
    const sim = cockpit.getByTestId('group-simulation');
    const now = await sim.getByTestId('sim-now').textContent();
    expect(await sim.getByTestId('sim-then').textContent()).toBe(now);
    await sim.getByRole('checkbox', { name: 'Kabupaten Garut' }).check();
    await expect.poll(() => sim.getByTestId('sim-then').textContent()).not.toBe(now);
    const toNumber = (s: string | null) => Number(s!.replace(',', '.'));
    expect(toNumber(await sim.getByTestId('sim-then').textContent())).toBeGreaterThan(toNumber(now));
    expect(await sim.getByTestId('sim-now').textContent()).toBe(now);

    expect(await seriousViolations(page, '[data-testid=province-cockpit]')).toEqual([]);
    await rows.filter({ hasText: 'Kabupaten Ciamis' }).getByRole('link').click();
    await page.waitForURL(/\/orgs\/32\.07$/);
    await page.context().close();
  });

  it('the national supervisor drills down from the provinces to a province’s kab/kota', async () => {
    const page = await as('nasional@livinglab.test');
    await page.goto('/');
    const cockpit = page.getByTestId('national-cockpit');
    await cockpit.waitFor();
    const mapBox = cockpit.getByTestId('national-map');
    await mapPixels(page, '[data-testid=national-map]');
    expect(await mapBox.getAttribute('data-layer')).toBe('provinces');
    expect(await cockpit.getByTestId('province-table').locator('tbody tr').count()).toBe(38);

    // Clicking West Java on the map: its centre (107.6 E, 6.9 S) inside the drawn bounds.
    const topo = JSON.parse(fs.readFileSync('src/web/assets/geo/provinces.topo.json', 'utf8'));
    const [sx, sy] = topo.transform.scale as number[];
    const [x0, y0] = topo.transform.translate as number[];
    const x1 = x0! + sx! * 5999;
    const y1 = y0! + sy! * 5999;
    const canvas = mapBox.locator('[data-testid=map-canvas]');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const k = Math.min((box.width - 8) / (x1 - x0!), (box.height - 8) / (y1 - y0!));
    const left = box.x + (box.width - k * (x1 - x0!)) / 2;
    const top = box.y + (box.height - k * (y1 - y0!)) / 2;
    await page.mouse.click(left + k * (107.6 - x0!), top + k * (y1 - -6.9));
    await expect.poll(() => mapBox.getAttribute('data-layer')).toBe('32');
    await mapPixels(page, '[data-testid=national-map]');
    const map = mapBox.getByTestId('choropleth');
    expect(await map.getByRole('heading').textContent()).toContain('Jawa Barat');
    await map.getByText('Tampilkan data peta sebagai tabel (27 wilayah)').click();
    expect(await map.getByTestId('map-table').locator('tbody tr').count()).toBe(27);

    // Back, and the same drill-down from the keyboard-reachable table.
    await map.getByRole('button', { name: 'Kembali ke peta nasional' }).click();
    await expect.poll(() => mapBox.getAttribute('data-layer')).toBe('provinces');
    await cockpit
      .getByTestId('province-table')
      .getByRole('button', { name: 'Lihat kab/kota: Banten' })
      .click();
    await expect.poll(() => mapBox.getAttribute('data-layer')).toBe('36');
    await mapBox.getByRole('button', { name: 'Kembali ke peta nasional' }).click();

    // All 514 kab/kota on one layer.
    await mapBox.getByTestId('map-layer').getByText('Kab/kota').click();
    await expect.poll(() => mapBox.getAttribute('data-layer')).toBe('regencies');
    await mapPixels(page, '[data-testid=national-map]');
    await mapBox.getByText('Tampilkan data peta sebagai tabel (514 wilayah)').waitFor();

    // The per-province table sorts; the trend is drawn.
    const table = cockpit.getByTestId('province-table');
    await table.getByRole('button', { name: 'Urutkan menurut Rata-rata indeks terakhir' }).click();
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('Jawa Timur');
    await cockpit.getByTestId('index-trend').locator('svg').first().waitFor();

    expect(await seriousViolations(page, '[data-testid=national-cockpit]')).toEqual([]);
    await page.context().close();
  });

  it('fits a phone: the province cockpit at 375 px', async () => {
    const page = await as('jabar@livinglab.test');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/');
    await mapPixels(page, '[data-testid=province-cockpit]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });
});
