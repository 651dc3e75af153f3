import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useSampleBrowser } from './browser';

// The review journey of a self-assessment, as the people involved do it in the browser.
describe.skipIf(!browserAvailable)('self-assessment journey in Chromium', () => {
  const { pageAs: as } = useSampleBrowser();
  let assessmentId: string;

  async function csrf(page: Page) {
    const cookies = await page.context().cookies();
    return cookies.find((c) => c.name === 'll_csrf')!.value;
  }

  async function openIndicator(page: Page, n: number) {
    const card = page.getByTestId(`indicator-${n}`);
    await card.getByRole('button').first().click();
    return card;
  }

  it('operator fills levels with evidence; the body admin submits', async () => {
    const page = await as('operator.garut@livinglab.test');
    const list = await (await page.request.get('/api/v1/orgs/32.05/assessments')).json();
    assessmentId = list.data.find((a: { year: number }) => a.year === 2025).id;
    await page.goto(`/assessments/${assessmentId}`);
    await page.getByTestId('index-panel').waitFor();
    expect(await page.getByTestId('index-completeness').textContent()).toContain('30 dari 47');

    const card = await openIndicator(page, 31);
    await card.getByText('3', { exact: true }).first().click();
    await expect.poll(() => card.getByTestId('save-state').textContent()).toBe('Tersimpan.');
    await card.getByLabel('Alasan / penjelasan').fill('Kebijakan internal sudah ditetapkan dengan Perbup.');
    await card.locator('input[type=file]').setInputFiles({
      name: 'perbup-spbe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await card.getByTestId('evidence-link').filter({ hasText: 'perbup-spbe.pdf' }).waitFor();
    await expect.poll(() => page.getByTestId('index-completeness').textContent()).toContain('31 dari 47');

    // The rest of the levels through the API, as a second operator tab would.
    const detail = await (await page.request.get(`/api/v1/assessments/${assessmentId}`)).json();
    const token = await csrf(page);
    for (const item of detail.data.items.filter((i: { level: number | null }) => i.level === null)) {
      const res = await page.request.put(`/api/v1/assessments/${assessmentId}/items/${item.indicator}`, {
        headers: { 'x-csrf-token': token },
        data: {
          level: 3,
          version: item.version,
          serviceName: item.indicator >= 45 ? `Layanan perizinan ${item.indicator}` : undefined,
        },
      });
      expect(res.status()).toBe(200);
    }
    await page.context().close();

    const admin = await as('admin.garut@livinglab.test');
    await admin.goto(`/assessments/${assessmentId}`);
    await admin.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
    await admin.getByRole('button', { name: 'Ya, lanjutkan' }).click();
    await expect.poll(() => admin.getByTestId('assessment-status').first().textContent()).toBe('Dikirim');
    await admin.context().close();
  });

  it('the mentor returns one indicator with a comment', async () => {
    const page = await as('mentor.sumedang@livinglab.test');
    await page.goto(`/assessments/${assessmentId}`);
    await page.getByRole('button', { name: 'Mulai peninjauan' }).click();
    await expect
      .poll(() => page.getByTestId('assessment-status').first().textContent())
      .toBe('Sedang ditinjau');
    await page.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Indikator yang dikembalikan').click();
    await page.getByRole('option', { name: /^31\./ }).click();
    await dialog
      .getByRole('textbox', { name: /^31\./ })
      .fill('Lampirkan salinan Perbup yang sudah diundangkan.');
    await dialog.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').first().textContent()).toBe('Dikembalikan');
    await page.context().close();
  });

  it('the operator fixes only the reopened indicator; the body admin resubmits', async () => {
    const page = await as('operator.garut@livinglab.test');
    await page.goto(`/assessments/${assessmentId}`);
    const card = await openIndicator(page, 31);
    await card.getByTestId('comment').filter({ hasText: 'Lampirkan salinan Perbup' }).waitFor();
    await card.getByText('4', { exact: true }).first().click();
    await expect.poll(() => card.getByTestId('save-state').textContent()).toBe('Tersimpan.');
    // Indicators that were not returned stay locked.
    const other = await openIndicator(page, 1);
    expect(await other.getByRole('radio').first().isDisabled()).toBe(true);
    await page.context().close();

    const admin = await as('admin.garut@livinglab.test');
    await admin.goto(`/assessments/${assessmentId}`);
    await admin.getByRole('button', { name: 'Kirim ulang' }).click();
    await admin.getByRole('button', { name: 'Ya, lanjutkan' }).click();
    await expect
      .poll(() => admin.getByTestId('assessment-status').first().textContent())
      .toBe('Dikirim ulang');
    await admin.context().close();
  });

  it('the mentor sees what changed and accepts; the index appears on the body page', async () => {
    const page = await as('mentor.sumedang@livinglab.test');
    await page.goto(`/assessments/${assessmentId}`);
    await page.getByRole('button', { name: 'Mulai peninjauan' }).click();
    await page.getByTestId('indicator-31').getByText('Berubah sejak putaran lalu (sebelumnya 3)').waitFor();
    await page.getByRole('button', { name: 'Terima' }).click();
    await page.getByRole('button', { name: 'Ya, lanjutkan' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').first().textContent()).toBe('Diterima');
    const index = await page.getByTestId('index-value').textContent();
    expect(index).toMatch(/^\d\.\d\d$/);

    await page.goto('/orgs/32.05');
    await expect.poll(() => page.getByTestId('self-index').textContent()).toBe(index);
    expect(await page.getByTestId('spbe-card').getByText('Diterima').isVisible()).toBe(true);
    await page.context().close();
  });

  it('on its first Pemdi 2026 assessment the operator sees the SPBE work and reuses its evidence', async () => {
    const page = await as('operator.garut@livinglab.test');
    const res = await page.request.post('/api/v1/orgs/32.05/assessments', {
      headers: { 'x-csrf-token': await csrf(page) },
      data: { year: 2026, frameworkId: 'pemdi-2026' },
    });
    expect(res.status()).toBe(201);
    await page.goto(`/assessments/${(await res.json()).data.id}`);
    // Pemdi 9 (audit) relates to SPBE 31, where the accepted 2025 assessment holds the Perbup.
    const card = await openIndicator(page, 9);
    const section = card.getByTestId('crosswalk');
    // The section loads once it is on screen.
    await section.scrollIntoViewIfNeeded();
    await section.getByText('Penilaian mandiri SPBE 2025 (Diterima)').waitFor();
    await section.getByRole('button', { name: 'Gunakan bukti perbup-spbe.pdf untuk indikator ini' }).click();
    await section.getByText('Sudah digunakan').first().waitFor();
    await card.getByTestId('evidence-link').filter({ hasText: 'perbup-spbe.pdf' }).waitFor();
    await page.context().close();
  });
});
