import { describe, expect, it } from 'vitest';
import { browserAvailable, useSampleBrowser } from './browser';

const TITLE = 'Aplikasi Sapa Warga terpadu (uji e2e)';

// A host publishes a practice; another body finds it, adopts it and carries the replication
// through MoU, adaptation and going live — all in the browser.
describe.skipIf(!browserAvailable)('practice replication journey in Chromium', () => {
  const { pageAs: as } = useSampleBrowser();
  let practiceUrl: string;
  let adoptionUrl: string;
  let followingBefore: number;

  it('the host’s mentor publishes a practice', async () => {
    const page = await as('mentor.sumedang@livinglab.test');
    await page.goto('/practices');
    await page.getByTestId('publish-practice').click();
    await page.waitForURL(/\/practices\/new$/);
    await page.getByRole('textbox', { name: 'Judul' }).fill(TITLE);
    await page
      .getByRole('textbox', { name: 'Ringkasan' })
      .fill('Satu aplikasi pengaduan dan layanan warga yang terhubung dengan perangkat daerah.');
    // A new practice is described on the current evaluation year's framework (the 2026 digital-
    // government index): a citizens' service app raises its digital service portal (17).
    await page.getByRole('textbox', { name: 'Indikator 1' }).click();
    await page.getByRole('option', { name: /^17\. / }).click();
    await page.getByRole('checkbox', { name: 'Praktik ini memiliki kode sumber terbuka' }).check();
    await page.getByRole('textbox', { name: 'Alamat repositori' }).fill('https://example.org/sapa-warga');
    await page.getByRole('textbox', { name: 'Lisensi' }).fill('MIT');
    await page.getByTestId('save-practice').click();
    await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    practiceUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('practice-title').textContent()).toBe(TITLE);
    await page.getByText('Praktik diterbitkan di katalog').waitFor();
    await page.context().close();
  });

  it('a signed-out visitor opens the catalogue and finds it', async () => {
    const page = await as(null);
    await page.goto('/practices');
    await page.getByTestId('practice-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/practices');
    await page.getByRole('searchbox', { name: 'Cari' }).fill('Sapa Warga');
    await expect.poll(() => page.getByTestId('practice-card').count()).toBe(1);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(practiceUrl);
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('adopt-practice').count()).toBe(0);
    await page.context().close();
  });

  it('Garut’s admin finds it in the catalogue and adopts it', async () => {
    const page = await as('admin.garut@livinglab.test');
    await page.goto('/practices');
    await page.getByRole('searchbox', { name: 'Cari' }).fill('Sapa Warga');
    await expect.poll(() => page.getByTestId('practice-card').count()).toBe(1);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(practiceUrl);
    await page.getByTestId('adopt-practice').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('create-items').uncheck();
    await dialog.getByTestId('confirm-adopt').click();
    await page.waitForURL(/\/adoptions\/[0-9a-f-]{36}$/);
    adoptionUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('stage-badge').first().textContent()).toBe('Berminat');
    await page.context().close();
  });

  /** The national supervisor's headline: bodies following the host's path ("N dari M …"). */
  async function followingPath(): Promise<number> {
    const page = await as('nasional@livinglab.test');
    await page.goto('/funnel');
    const tile = page.getByTestId('tile-followingPath');
    await tile.waitFor();
    const text = (await tile.textContent()) ?? '';
    await page.context().close();
    return Number(/(\d+) dari \d+ instansi kohort/.exec(text)?.[1]);
  }

  it('the replication moves to agreed with the signed MoU, then adapting and live', async () => {
    followingBefore = await followingPath();
    expect(followingBefore).toBeGreaterThanOrEqual(0);
    const page = await as('admin.garut@livinglab.test');
    await page.goto(adoptionUrl);

    await page.getByTestId('move-agreed').click();
    const agreed = page.getByRole('dialog');
    await agreed.getByRole('textbox', { name: 'Nomor MoU' }).fill('MoU/017/DISKOMINFO/2026');
    await agreed.getByLabel(/Tanggal penandatanganan/).fill('2026-11-25');
    await agreed.locator('input[type=file]').setInputFiles({
      name: 'mou-sumedang-garut.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await agreed.getByTestId('move-file').waitFor();
    await agreed.getByTestId('save-move').click();
    await expect.poll(() => page.getByTestId('stage-badge').first().textContent()).toBe('Sepakat (MoU/PKS)');

    await page.getByTestId('move-adapting').click();
    await page.getByRole('dialog').getByTestId('save-move').click();
    await expect.poll(() => page.getByTestId('stage-badge').first().textContent()).toBe('Adaptasi');

    await page.getByTestId('move-live').click();
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: 'Alamat layanan yang berjalan' })
      .fill('https://sapawarga.garutkab.example/');
    await page.getByRole('dialog').getByTestId('save-move').click();
    await expect.poll(() => page.getByTestId('stage-badge').first().textContent()).toBe('Berjalan');
    await page.context().close();
  });

  it('the adoption timeline shows each step, dated and with what it recorded', async () => {
    const page = await as('admin.garut@livinglab.test');
    await page.goto(adoptionUrl);
    const timeline = page.getByTestId('adoption-timeline');
    await timeline.waitFor();
    for (const stage of ['interested', 'agreed', 'adapting', 'live']) {
      expect(await timeline.getByTestId(`step-${stage}`).count()).toBe(1);
    }
    const agreed = await timeline.getByTestId('step-agreed').textContent();
    expect(agreed).toContain('MoU/017/DISKOMINFO/2026');
    expect(agreed).toContain('Admin Diskominfo Garut');
    expect(await timeline.getByTestId('step-agreed').getByTestId('timeline-file').textContent()).toBe(
      'mou-sumedang-garut.pdf',
    );
    expect(await timeline.getByTestId('step-live').textContent()).toContain(
      'https://sapawarga.garutkab.example/',
    );
    await page.context().close();
  });

  it('the host’s mentor opens the signed MoU from the timeline', async () => {
    const page = await as('mentor.sumedang@livinglab.test');
    await page.goto(adoptionUrl);
    const link = page.getByTestId('step-agreed').getByTestId('timeline-file');
    const href = await link.getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain('mou-sumedang-garut.pdf');
    await page.context().close();
  });

  it('the national headline moves: Garut now follows the host’s path', async () => {
    expect(await followingPath()).toBe(followingBefore + 1);
    const page = await as('nasional@livinglab.test');
    await page.goto('/funnel');
    await page.getByTestId('tile-followingPath').click();
    const garut = page.getByTestId('drill-rows').locator('tr', { hasText: 'Kabupaten Garut' });
    await expect.poll(() => garut.textContent()).toContain('praktik replikasi berjalan');
    await page.context().close();
  });
});
