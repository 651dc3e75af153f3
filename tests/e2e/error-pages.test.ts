import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useSampleBrowser } from './browser';

// Every failure shows the app's own page, in the user's language, with the way out: not found,
// too many requests (a countdown from Retry-After), a server error (its request id), a part of the
// app that failed to load (reload). Never a blank page, never React Router's developer screen.
// Failures the sample server does not produce on demand are answered in the browser (page.route).
describe.skipIf(!browserAvailable)('error pages in Chromium', () => {
  const { pageAs } = useSampleBrowser();
  const operator = 'operator.garut@livinglab.test';

  async function expectNoDeveloperScreen(page: Page) {
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/Hey developer|Unexpected Application Error/);
    expect(text.trim()).not.toBe('');
  }

  it('shows the app’s not-found page for an unknown address, signed in or not', async () => {
    const page = await pageAs(operator);
    await page.goto('/no/such/page');
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).isVisible()).toBe(true);
    // Inside the signed-in shell: the menu is still there.
    expect(await page.getByTestId('current-user').isVisible()).toBe(true);
    await expectNoDeveloperScreen(page);
    await page.context().close();

    const visitor = await pageAs(null);
    await visitor.goto('/no/such/page');
    await visitor.getByTestId('not-found').waitFor();
    expect(new URL(visitor.url()).pathname).toBe('/no/such/page');
    await expectNoDeveloperScreen(visitor);
    await visitor.context().close();
  });

  it('says a verification id that cannot exist is not found, not that the data was invalid', async () => {
    const page = await pageAs(null);
    for (const id of ['abc', '00000000-0000-4000-8000-000000000000']) {
      await page.goto(`/verify/${id}`);
      await page.getByTestId('not-found').waitFor();
      const text = await page.getByTestId('not-found').textContent();
      expect(text).toContain('Tanda tangan dengan ID ini tidak ditemukan');
      expect(text).not.toContain('tidak valid');
    }
    await page.context().close();
  });

  it('counts down a 429’s Retry-After, then lets the user retry', async () => {
    const page = await pageAs(operator);
    let refuse = true;
    await page.route('**/api/v1/me', (route) =>
      refuse
        ? route.fulfill({
            status: 429,
            headers: { 'retry-after': '3', 'x-request-id': 'req-429-e2e' },
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'RATE_LIMITED',
                message: 'Terlalu banyak permintaan.',
                requestId: 'req-429-e2e',
              },
            }),
          })
        : route.fallback(),
    );
    await page.goto('/');
    const countdown = page.getByTestId('retry-countdown');
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(
      /^Terlalu banyak permintaan, coba lagi dalam [1-3] detik\.$/,
    );
    const retry = page.getByRole('button', { name: /^Coba lagi/ });
    expect(await retry.isDisabled()).toBe(true);
    await expectNoDeveloperScreen(page);
    // The wait is over: the button works, and the page loads once the server answers again.
    await expect.poll(() => retry.isEnabled()).toBe(true);
    expect(await countdown.textContent()).toBe(
      'Terlalu banyak permintaan. Anda dapat mencoba lagi sekarang.',
    );
    refuse = false;
    await retry.click();
    await page.getByTestId('home-page').waitFor();
    await page.context().close();
  });

  it('tells a visitor once when the open data refuses both the figures and the provinces', async () => {
    const page = await pageAs(null);
    let refuse = true;
    await page.route('**/api/v1/public/**', (route) =>
      refuse
        ? route.fulfill({
            status: 429,
            headers: { 'retry-after': '1' },
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Terlalu banyak permintaan.' } }),
          })
        : route.fallback(),
    );
    await page.goto('/');
    await page.getByTestId('retry-countdown').first().waitFor();
    expect(await page.getByTestId('retry-countdown').count()).toBe(1);
    // Its retry brings back both once the server answers again.
    refuse = false;
    const retry = page.getByRole('button', { name: /^Coba lagi/ });
    await expect.poll(() => retry.isEnabled()).toBe(true);
    await retry.click();
    await page.getByTestId('national-figures').waitFor();
    await expect.poll(() => page.getByTestId('province-table').locator('tbody tr').count()).toBe(38);
    await page.context().close();
  });

  it('says it in English for a reader who chose English', async () => {
    const page = await pageAs(operator);
    await page.addInitScript(() => localStorage.setItem('livinglab.locale', 'en'));
    await page.route('**/api/v1/me', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '30' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many requests.' } }),
      }),
    );
    await page.goto('/orgs');
    await page.getByTestId('retry-countdown').waitFor();
    expect(await page.getByTestId('retry-countdown').textContent()).toMatch(
      /^Too many requests, try again in (30|29|28) seconds\.$/,
    );
    await page.context().close();
  });

  it('shows a server error with its request id and a retry, whoever answered', async () => {
    const page = await pageAs(operator);
    // The app's own 500 (the id in the body) on the page's main record…
    await page.route('**/api/v1/orgs/32.05', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada server.', requestId: 'req-500-e2e' },
        }),
      }),
    );
    await page.goto('/orgs/32.05');
    await page.getByTestId('request-id').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('request-id').textContent()).toContain('req-500-e2e');
    expect(await page.getByRole('button', { name: 'Coba lagi' }).isVisible()).toBe(true);
    await expectNoDeveloperScreen(page);
    await page.unroute('**/api/v1/orgs/32.05');

    // …and a proxy's HTML error page in front of the server (the id from the header).
    await page.route('**/api/v1/me', (route) =>
      route.fulfill({
        status: 502,
        headers: { 'x-request-id': 'req-502-e2e' },
        contentType: 'text/html',
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      }),
    );
    await page.goto('/orgs');
    await page.getByTestId('error-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('error-page').textContent()).toContain('Terjadi kesalahan pada server');
    expect(await page.getByTestId('request-id').textContent()).toContain('req-502-e2e');
    await expectNoDeveloperScreen(page);
    await page.unroute('**/api/v1/me');
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByTestId('org-table').waitFor();
    await page.context().close();
  });

  it('says when the server cannot be reached', async () => {
    const page = await pageAs(operator);
    await page.route('**/api/v1/me', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await page.getByTestId('error-network').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('error-network').textContent()).toContain('Tidak dapat menghubungi server');
    await page.context().close();
  });

  it('asks for a reload when a part of the app cannot be loaded (a deploy replaced it)', async () => {
    // A page's own chunk: the error shows inside the shell.
    const page = await pageAs(operator);
    await page.route(/\/assets\/directory-page-[\w-]+\.js$/, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
    );
    await page.goto('/orgs');
    await page.getByTestId('error-chunk').waitFor();
    expect(await page.getByTestId('current-user').isVisible()).toBe(true);
    await expectNoDeveloperScreen(page);
    // Reloading fetches the page again (here the file is back): the page shows.
    await page.unroute(/\/assets\/directory-page-[\w-]+\.js$/);
    await page.getByRole('button', { name: 'Muat ulang halaman' }).click();
    await page.getByTestId('org-table').waitFor();
    await page.context().close();

    // The shell itself (a layout's failure): the router's error page, in the public frame.
    const shell = await pageAs(operator);
    await shell.route(/\/assets\/app-shell-[\w-]+\.js$/, (route) => route.abort('failed'));
    await shell.goto('/orgs');
    await shell.getByTestId('error-chunk').waitFor();
    expect(await shell.getByText('Halaman perlu dimuat ulang').isVisible()).toBe(true);
    await expectNoDeveloperScreen(shell);
    await shell.context().close();
  });
});
