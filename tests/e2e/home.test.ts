import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useSampleBrowser } from './browser';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over the home page's content: no critical or serious violation. */
async function expectAccessible(page: Page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            el: Element,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document.querySelector('[data-testid=home-page]')!);
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 80)).join(' | ')}`);
  });
  expect(violations).toEqual([]);
}

// The home page as each role uses it: the right to-dos appear, and following each one lands on the
// page where it is done. The to-dos are made through the API first, as the people involved would.
describe.skipIf(!browserAvailable)('home page journeys in Chromium', () => {
  const { pageAs: as } = useSampleBrowser();
  const state = { assessment: '', plan: '', overdueItem: '', bareItem: '' };

  const csrf = async (page: Page) =>
    (await page.context().cookies()).find((c) => c.name === 'll_csrf')!.value;
  /** A JSON call as the page's user; fails the journey on anything but success. */
  const call = async (page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: object) => {
    const res = await page.request.fetch(`/api/v1${url}`, {
      method,
      headers: method === 'GET' ? {} : { 'x-csrf-token': await csrf(page) },
      data,
    });
    expect(res.status(), `${method} ${url}: ${(await res.text()).slice(0, 200)}`).toBeLessThan(300);
    return res.json();
  };
  const home = async (page: Page) => {
    await page.goto('/');
    await page.getByTestId('home-page').waitFor();
    // The sections arrive with GET /home.
    await page.locator('section[data-org]').first().waitFor();
  };
  const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  it('the mentor is told of Garut’s submission and its home page leads to the review', async () => {
    // Garut completes its sample 2025 draft and its admin submits it.
    const op = await as('operator.garut@livinglab.test');
    const list = await call(op, 'GET', '/orgs/32.05/assessments');
    state.assessment = list.data.find((a: { year: number }) => a.year === 2025).id;
    const detail = await call(op, 'GET', `/assessments/${state.assessment}`);
    for (const item of detail.data.items.filter((i: { level: number | null }) => i.level === null)) {
      await call(op, 'PUT', `/assessments/${state.assessment}/items/${item.indicator}`, {
        level: 2,
        version: item.version,
        serviceName: item.indicator >= 45 ? `Layanan perizinan ${item.indicator}` : undefined,
      });
    }
    await op.context().close();
    const admin = await as('admin.garut@livinglab.test');
    // Before: the sample visit to Sumedang waits for its follow-up, with its deadline.
    await home(admin);
    const obligation = admin.getByTestId('home-body_admin').getByTestId('home-obligation');
    expect(await obligation.textContent()).toContain('Kabupaten Sumedang');
    await obligation.getByRole('link').click();
    await admin.waitForURL(/\/visits\/[0-9a-f-]+$/);
    await call(admin, 'POST', `/assessments/${state.assessment}/transitions/submit`);
    await admin.context().close();

    const page = await as('mentor.sumedang@livinglab.test');
    const notices = await call(page, 'GET', '/notifications');
    expect(notices.data.map((n: { link: string }) => n.link)).toContain(`/assessments/${state.assessment}`);
    await home(page);
    await expectAccessible(page);
    const reviews = page.getByTestId('home-mentor').getByTestId('home-reviews');
    await reviews.getByRole('link', { name: 'Kabupaten Garut · penilaian 2025 · putaran 1' }).click();
    await page.waitForURL(`**/assessments/${state.assessment}`);
    await page.getByRole('button', { name: 'Mulai peninjauan' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).count())
      .toBe(1);
    // The assistance request of the sample data waits for an answer on the host's followers page.
    await home(page);
    await page.getByTestId('home-assistance').getByRole('link').first().click();
    await page.waitForURL('**/orgs/32.11/followers');
    await call(page, 'POST', `/assessments/${state.assessment}/transitions/return`, {
      comments: [{ indicator: 5, body: 'Lengkapi SK tim SPBE yang ditandatangani' }],
    });
    await page.context().close();
  });

  it('the operator opens the returned indicator from the home page, ready to rework', async () => {
    const page = await as('operator.garut@livinglab.test');
    await home(page);
    await expectAccessible(page);
    const returned = page.getByTestId('home-operator').getByTestId('home-returned');
    expect(await returned.textContent()).toContain('Lengkapi SK tim SPBE yang ditandatangani');
    await returned.getByRole('link', { name: 'Indikator 5 · penilaian 2025' }).click();
    await page.waitForURL(`**/assessments/${state.assessment}?indicator=5`);
    const indicator = page.getByTestId('indicator-5');
    await expect.poll(() => indicator.textContent()).toContain('Lengkapi SK tim SPBE yang ditandatangani');
    expect(await indicator.textContent()).toContain('Dibuka kembali');
    await page.context().close();
  });

  it('the body admin sees what waits on the body and lands where each is done', async () => {
    const op = await as('operator.garut@livinglab.test');
    state.plan = (await call(op, 'POST', '/orgs/32.05/plans', { period: '2026' })).data.id;
    const me = (await call(op, 'GET', '/me')).data.user.id;
    const add = async (body: object) => (await call(op, 'POST', `/plans/${state.plan}/items`, body)).data.id;
    state.overdueItem = await add({
      title: 'Tetapkan SK tim SPBE',
      assigneeId: me,
      dueDate: daysFromNow(-3),
    });
    state.bareItem = await add({ title: 'Butir tanpa pemilik' });
    await op.context().close();

    const page = await as('admin.garut@livinglab.test');
    await home(page);
    await expectAccessible(page);
    const section = page.getByTestId('home-body_admin');
    await section.getByTestId('home-to-submit').getByRole('link').first().click();
    await page.waitForURL(`**/assessments/${state.assessment}`);
    await page.getByRole('button', { name: 'Kirim ulang' }).waitFor();
    await home(page);
    // The submission met the sample visit's follow-up obligation: no deadline is left open.
    expect(await section.getByTestId('home-obligation').textContent()).toContain('Tidak ada kewajiban');
    await section.getByTestId('home-plan-gaps').getByRole('link', { name: 'Butir tanpa pemilik' }).click();
    await page.waitForURL(`**/plans/${state.plan}?item=${state.bareItem}`);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Judul kegiatan').inputValue()).toBe('Butir tanpa pemilik');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ajukan untuk disetujui' }).click();
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Menunggu persetujuan');
    await page.context().close();
  });

  it('the leader, on a phone, approves the plan and signs the commitment from the home page', async () => {
    const page = await as('bupati.garut@livinglab.test');
    await page.setViewportSize({ width: 375, height: 800 });
    await home(page);
    await expectAccessible(page);
    const section = page.getByTestId('home-leader');
    expect(await section.getByTestId('home-report').getAttribute('href')).toBe(
      '/api/v1/orgs/32.05/report.pdf?lang=id',
    );
    expect(await section.getByTestId('home-escalations').textContent()).toContain('Tetapkan SK tim SPBE');
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await section
      .getByTestId('home-approvals')
      .getByRole('link', { name: 'Rencana aksi 2026 · 2 kegiatan' })
      .click();
    await page.waitForURL(`**/plans/${state.plan}`);
    // The item left without an owner is named before approving; the leader approves knowingly.
    await page.getByTestId('incomplete-items').waitFor();
    await page.getByTestId('approve-plan').click();
    await page.getByRole('button', { name: 'Tetap setujui' }).click();
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Disetujui');
    await home(page);
    expect(await section.getByTestId('home-approvals').getByTestId('empty').isVisible()).toBe(true);
    await section.getByTestId('sign-link').click();
    await page.waitForURL('**/commitments');
    await page.getByTestId('sign-form').waitFor();
    await page.context().close();
  });

  it('the operator follows an overdue item of theirs to its form', async () => {
    const page = await as('operator.garut@livinglab.test');
    await home(page);
    const assigned = page.getByTestId('home-operator').getByTestId('home-assigned');
    expect(await assigned.textContent()).toContain('1 terlambat');
    await assigned.getByRole('link', { name: 'Tetapkan SK tim SPBE' }).click();
    await page.waitForURL(`**/plans/${state.plan}?item=${state.overdueItem}`);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Judul kegiatan').inputValue()).toBe('Tetapkan SK tim SPBE');
    await page.context().close();
  });
});
