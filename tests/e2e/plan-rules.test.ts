import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSampleBrowser } from './browser';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Critical and serious accessibility problems (axe-core) inside one part of the page. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  // Evaluated, not added as a script tag: the app's CSP refuses inline scripts, as it should.
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: { run: (s: string) => Promise<{ violations: { id: string; impact: string }[] }> };
      }
    ).axe;
    const r = await axe.run(sel);
    return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id);
  }, selector);
}

// The rules around a plan, as the leader meets them: approving knowingly when items lack an owner
// or a due date, the optimiser's yearly pace, and the one-page report to take to a meeting.
describe('plan rules in Chromium', () => {
  const { pageAs: as } = useSampleBrowser();
  let planUrl: string;

  it('the body admin submits a plan whose items lack an owner or a due date', async () => {
    const admin = await as('admin.garut@livinglab.test');
    const csrf = (await admin.context().cookies()).find((c) => c.name === 'll_csrf')!.value;
    const post = async (url: string, data?: object) => {
      const res = await admin.request.post(url, { headers: { 'x-csrf-token': csrf }, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const plan = (await post('/api/v1/orgs/32.05/plans', { period: '2027' })).data.id;
    planUrl = `/plans/${plan}`;
    await post(`/api/v1/plans/${plan}/items`, {
      title: 'Susun Perbup Arsitektur SPBE',
      ownerUnit: 'Diskominfo',
      dueDate: '2027-03-31',
    });
    await post(`/api/v1/plans/${plan}/items`, { title: 'Bentuk tim koordinasi SPBE' });
    await post(`/api/v1/plans/${plan}/items`, { title: 'Audit infrastruktur TIK', ownerUnit: 'Inspektorat' });
    await post(`/api/v1/plans/${plan}/transitions/submit`);
    await admin.context().close();
  });

  it('the leader sees what is incomplete, lists those items and approves knowingly', async () => {
    const page = await as('bupati.garut@livinglab.test');
    await page.goto(planUrl);
    const alert = page.getByTestId('incomplete-items');
    await expect.poll(() => alert.textContent()).toContain('1 kegiatan belum memiliki penanggung jawab');
    expect(await alert.textContent()).toContain('2 kegiatan belum memiliki tenggat');
    expect(await axeProblems(page, '[data-testid="incomplete-items"]')).toEqual([]);
    // The count is a filter: exactly those items, and the address says so (a link can open it).
    await alert.getByRole('button', { name: 'Tampilkan kegiatan ini' }).first().click();
    await expect.poll(() => page.getByTestId('plan-items').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('plan-items').textContent()).toContain('Bentuk tim koordinasi SPBE');
    expect(new URL(page.url()).searchParams.get('missing')).toBe('owner');
    await alert.getByRole('button', { name: 'Tampilkan semua kegiatan' }).click();
    await expect.poll(() => page.getByTestId('plan-items').locator('tbody tr').count()).toBe(3);
    // The confirmation names the counts; confirming is the acknowledgement.
    await page.getByTestId('approve-plan').click();
    await expect
      .poll(() => page.getByTestId('approve-question').textContent())
      .toContain('1 tanpa penanggung jawab dan 2 tanpa tenggat');
    await page.getByRole('button', { name: 'Tetap setujui' }).click();
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Disetujui');
    await page.context().close();
  });

  it('the leader downloads the one-page report from the body page; an operator is not offered it', async () => {
    const page = await as('bupati.garut@livinglab.test');
    await page.goto('/orgs/32.05');
    const button = page.getByTestId('download-report');
    await button.waitFor();
    expect(await axeProblems(page, '[data-testid="download-report"]')).toEqual([]);
    for (const [link, lang] of [
      [button, 'id'],
      [page.getByTestId('download-report-other'), 'en'],
    ] as const) {
      const href = await link.getAttribute('href');
      expect(href).toBe(`/api/v1/orgs/32.05/report.pdf?lang=${lang}`);
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="rapor-spbe-32\.05-/);
    }
    const download = page.waitForEvent('download');
    await button.click();
    expect((await download).suggestedFilename()).toMatch(/^rapor-spbe-32\.05-\d{4}-\d{2}-\d{2}\.pdf$/);
    await page.context().close();

    const operator = await as('operator.garut@livinglab.test');
    await operator.goto('/orgs/32.05');
    await operator.getByTestId('org-name').waitFor();
    await operator.getByTestId('replication-card').waitFor();
    expect(await operator.getByTestId('download-report').count()).toBe(0);
    await operator.context().close();
  });

  it('the simulator spreads a big rise over the years at the pace chosen', async () => {
    const page = await as('operator.garut@livinglab.test');
    await page.goto('/orgs/32.05/simulator');
    await page.getByRole('textbox', { name: 'Target indeks atau predikat' }).fill('4');
    await page.getByTestId('find-plan').click();
    await page.getByTestId('plan-years').waitFor();
    // One level a year (the default): reaching 4 takes several years, each with its own steps.
    expect(await page.getByTestId('plan-year').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('plan-years').textContent()).toContain('Tahun ke-2');
    await page.getByTestId('max-step').selectOption('4');
    await page.getByTestId('find-plan').click();
    await expect.poll(() => page.getByTestId('plan-year').count()).toBe(1);
    await page.context().close();
  });
});
