import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, SAMPLE_PASSWORD as PASSWORD, useSampleBrowser } from './browser';

describe.skipIf(!browserAvailable)('foundation journeys in Chromium', () => {
  const { newContext } = useSampleBrowser();
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    await context?.close();
    context = await newContext();
    page = await context.newPage();
  });

  async function loginViaApi(email: string) {
    const res = await page.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
    expect(res.status()).toBe(200);
  }

  it('sends an unauthenticated visitor to the login page, then back where they wanted to go', async () => {
    await page.goto('/orgs/32.05');
    await page.waitForURL(/\/login\?next=/);
    await expect.poll(() => page.getByTestId('sample-accounts').isVisible()).toBe(true);
    await page.getByLabel('Email').fill('operator.garut@livinglab.test');
    await page.locator('input[autocomplete=current-password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL('**/orgs/32.05');
    await expect.poll(() => page.getByTestId('org-name').textContent()).toBe('Kabupaten Garut');
  });

  it('opens the home page at / and survives a reload, signed out and signed in', async () => {
    const first = await page.goto('/');
    expect(first?.status()).toBe(200);
    expect(first?.headers()['content-type']).toContain('text/html');
    // A visitor who is not signed in gets the public portal (not the login), and from it the
    // public practice catalogue; the login page points there too.
    await page.getByTestId('portal-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('portal-catalogue').click();
    await page.waitForURL(/\/practices$/);
    await page.goto('/login');
    await page.getByTestId('public-catalogue-link').click();
    await page.waitForURL(/\/practices$/);
    await loginViaApi('operator.garut@livinglab.test');
    await page.goto('/');
    await page.getByTestId('home-page').waitFor();
    const again = await page.reload();
    expect(again?.status()).toBe(200);
    expect(again?.headers()['content-type']).toContain('text/html');
    await page.getByTestId('home-page').waitFor();
    expect(await page.content()).not.toContain('VALIDATION_FAILED');
  });

  it('shows a wrong password as a clear error', async () => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('operator.garut@livinglab.test');
    await page.locator('input[autocomplete=current-password]').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah' }).waitFor();
  });

  it("lets an operator see only their own body's private pages", async () => {
    await loginViaApi('operator.garut@livinglab.test');
    await page.goto('/orgs/32.05');
    await page.getByTestId('org-users').waitFor();
    expect(await page.getByTestId('org-users').textContent()).toContain('admin.garut@livinglab.test');
    // Another body: public facts only, no user list.
    await page.goto('/orgs/32.11');
    await page.getByTestId('users-hidden').waitFor();
    expect(await page.getByTestId('org-users').count()).toBe(0);
    expect(await page.getByText('Tuan rumah (host) praktik baik').isVisible()).toBe(true);
    // Admin pages are not there for an operator.
    await page.goto('/admin/users');
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByRole('link', { name: 'Log audit' }).count()).toBe(0);
  });

  it("shows the Jawa Barat supervisor the province's kab/kota and their users", async () => {
    await loginViaApi('jabar@livinglab.test');
    await page.goto('/orgs?province=32');
    await page.getByTestId('org-table').waitFor();
    await expect.poll(() => page.getByText('28 data').count()).toBe(1);
    await page.getByRole('link', { name: 'Kabupaten Garut' }).click();
    await page.waitForURL('**/orgs/32.05');
    await page.getByTestId('org-users').waitFor();
    await page.goto('/orgs/33.74');
    await page.getByTestId('users-hidden').waitFor();
  });

  it('switches the interface to English and back', async () => {
    await loginViaApi('admin@livinglab.test');
    await page.goto('/orgs');
    await page.getByRole('heading', { name: 'Direktori instansi' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Body directory' }).waitFor();
    await expect
      .poll(async () => (await (await page.request.get('/api/v1/me')).json()).data.user.locale)
      .toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Body directory' }).waitFor();
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Direktori instansi' }).waitFor();
  });

  it('lets a body admin invite a user who accepts from the emailed link', async () => {
    await loginViaApi('admin.garut@livinglab.test');
    await page.goto('/orgs/32.05');
    await page.getByTestId('org-users').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('kabid.garut@example.test');
    await page.getByRole('button', { name: 'Undang pengguna' }).click();
    await page.getByText('Undangan tertunda').waitFor();

    // Without SMTP the email sits in the outbox, where the platform admin can read it.
    const admin = await newContext();
    const adminPage = await admin.newPage();
    await adminPage.request.post('/api/v1/auth/login', {
      data: { email: 'admin@livinglab.test', password: PASSWORD },
    });
    const outbox = await (await adminPage.request.get('/api/v1/outbox')).json();
    const mail = outbox.data.find((m: { to: string }) => m.to === 'kabid.garut@example.test');
    const link = (mail.text as string).match(/https?:\/\/\S+\/invitation\?token=\S+/)![0];
    await admin.close();

    const invitee = await newContext();
    const p = await invitee.newPage();
    await p.goto(new URL(link).pathname + new URL(link).search);
    await p.getByLabel('Nama lengkap').fill('Kabid Aptika Garut');
    await p.locator('input[autocomplete=new-password]').nth(0).fill('kabid-garut-2026');
    await p.locator('input[autocomplete=new-password]').nth(1).fill('kabid-garut-2026');
    await p.getByRole('button', { name: 'Terima undangan' }).click();
    await p.getByText('Undangan diterima').waitFor();
    const login = await p.request.post('/api/v1/auth/login', {
      data: { email: 'kabid.garut@example.test', password: 'kabid-garut-2026' },
    });
    expect(login.status()).toBe(200);
    await invitee.close();
  });
});
