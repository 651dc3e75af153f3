import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useSampleBrowser } from './browser';

// Follow-through after a study visit, as the people involved do it in the browser.
describe.skipIf(!browserAvailable)('follow-through journey in Chromium', () => {
  const { pageAs: as } = useSampleBrowser();
  let planUrl: string;

  const csrf = async (page: Page) =>
    (await page.context().cookies()).find((c) => c.name === 'll_csrf')!.value;

  it('the host’s mentor records a visit of Garut', async () => {
    const page = await as('mentor.sumedang@livinglab.test');
    await page.goto('/visits');
    await page.getByTestId('record-visit').click();
    await page.getByRole('textbox', { name: 'Instansi pengunjung' }).fill('garut');
    await page.getByRole('option', { name: /Kabupaten Garut/ }).click();
    await page.getByLabel('Tanggal mulai').fill('2026-11-20');
    await page.getByLabel('Tanggal selesai').fill('2026-11-21');
    await page.getByRole('button', { name: 'Tambah anggota delegasi' }).click();
    await page.getByLabel('Nama', { exact: true }).fill('Drs. Asep, Sekda');
    await page.getByTestId('save-visit').click();
    await page.waitForURL(/\/visits\/[0-9a-f-]+$/);
    await expect.poll(() => page.getByTestId('obligation').textContent()).toContain('berjalan');
    // Garut is Sumedang's mentee already (its access was confirmed before).
    expect(await page.getByTestId('mentor-access-status').textContent()).toBe('disetujui');
    await page.context().close();
  });

  it('the leader signs the commitment', async () => {
    const page = await as('bupati.garut@livinglab.test');
    await page.goto('/commitments');
    await page.getByLabel('Jabatan').fill('Bupati Garut');
    await page.getByRole('checkbox').check();
    await page.getByTestId('sign-button').click();
    await expect
      .poll(() => page.getByTestId('signature-table').getByTestId('signature-status').first().textContent())
      .toBe('SAH');
    await page.context().close();
  });

  it('the operator turns the optimiser’s plan into action items', async () => {
    const page = await as('operator.garut@livinglab.test');
    await page.goto('/orgs/32.05/simulator');
    await page.getByRole('textbox', { name: 'Target indeks atau predikat' }).fill('2.3');
    await page.getByTestId('find-plan').click();
    await page.getByTestId('plan-summary').waitFor();
    await page.getByTestId('plan-to-items').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]+$/);
    planUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('plan-items').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the baseline is submitted and the leader approves the plan', async () => {
    // The baseline: the operator completes the sample draft through the API, the admin submits.
    const op = await as('operator.garut@livinglab.test');
    const list = await (await op.request.get('/api/v1/orgs/32.05/assessments')).json();
    const id = list.data.find((a: { year: number }) => a.year === 2025).id;
    const detail = await (await op.request.get(`/api/v1/assessments/${id}`)).json();
    const token = await csrf(op);
    for (const item of detail.data.items.filter((i: { level: number | null }) => i.level === null)) {
      await op.request.put(`/api/v1/assessments/${id}/items/${item.indicator}`, {
        headers: { 'x-csrf-token': token },
        data: {
          level: 2,
          version: item.version,
          serviceName: item.indicator >= 45 ? `Layanan perizinan ${item.indicator}` : undefined,
        },
      });
    }
    await op.context().close();
    const admin = await as('admin.garut@livinglab.test');
    expect(
      (
        await admin.request.post(`/api/v1/assessments/${id}/transitions/submit`, {
          headers: { 'x-csrf-token': await csrf(admin) },
        })
      ).status(),
    ).toBe(200);
    await admin.goto(planUrl);
    await admin.getByRole('button', { name: 'Ajukan untuk disetujui' }).click();
    await expect.poll(() => admin.getByTestId('plan-status').textContent()).toBe('Menunggu persetujuan');
    await admin.context().close();

    const leader = await as('bupati.garut@livinglab.test');
    await leader.goto(planUrl);
    await leader.getByTestId('approve-plan').click();
    // The optimiser's items have no owner yet: the leader approves knowingly.
    await leader.getByRole('button', { name: 'Tetap setujui' }).click();
    await expect.poll(() => leader.getByTestId('plan-status').textContent()).toBe('Disetujui');
    await leader.context().close();
  });

  it('an item is marked done with evidence', async () => {
    const page = await as('operator.garut@livinglab.test');
    await page.goto(planUrl);
    await page.getByTestId('plan-items').locator('tbody tr').first().getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'sk-tim-spbe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByText('Berkas diunggah').waitFor();
    await dialog.getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Selesai' }).click();
    await dialog.getByTestId('save-item').click();
    await expect.poll(() => page.getByTestId('item-status').filter({ hasText: 'Selesai' }).count()).toBe(1);
    await page.context().close();
  });

  it('the Jawa Barat supervisor’s follow-up page counts Garut as acting, with the reason', async () => {
    const page = await as('jabar@livinglab.test');
    await page.goto('/funnel');
    await page.getByRole('heading', { name: 'Tahapan tindak lanjut' }).waitFor();
    await page.getByTestId('stage-acting').getByRole('button').click();
    const garut = page.getByTestId('drill-rows').locator('tr', { hasText: 'Kabupaten Garut' });
    await expect.poll(() => garut.textContent()).toContain('aksi selesai dengan bukti');
    // Tasikmalaya (sample cohort) acted too; the count is exactly what the drill-down lists.
    const count = await page.getByTestId('stage-acting').getByTestId('stage-count').textContent();
    expect(await page.getByTestId('drill-row').count()).toBe(Number(count));
    await page.context().close();
  });

  it('a visit the host records of a new body waits for that body’s (or its supervisor’s) approval', async () => {
    const mentor = await as('mentor.sumedang@livinglab.test');
    const res = await mentor.request.post('/api/v1/visits', {
      headers: { 'x-csrf-token': await csrf(mentor) },
      data: { hostCode: '32.11', visitorCode: '32.09', startDate: '2026-11-25', endDate: '2026-11-25' },
    });
    expect((await res.json()).data.mentorAccess).toBe('pending');
    await mentor.context().close();

    const page = await as('jabar@livinglab.test');
    await page.goto('/orgs/32.09');
    await page.getByTestId('pending-mentor-access').getByRole('link', { name: 'Tinjau' }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]+$/);
    await expect
      .poll(() => page.getByTestId('mentor-access-status').textContent())
      .toBe('menunggu persetujuan');
    await page.getByTestId('confirm-access').click();
    // Opening a body's data is confirmed once more in a dialog.
    await page.getByRole('dialog').getByRole('button', { name: 'Setujui akses' }).click();
    await page.getByText('Akses pendamping disetujui').waitFor();
    expect(await page.getByTestId('mentor-access-status').textContent()).toBe('disetujui');
    await page.context().close();
  });
});
