import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSampleBrowser } from './browser';

// The public portal in Chromium: a visitor who never signs in reads the national figures, opens
// a body's public page and the practice catalogue; a signed-in user still gets the home page.

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it stands: the rules that fail at critical or serious impact. Evaluated
 * through the DevTools protocol, since the app's Content-Security-Policy refuses injected scripts.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('public portal journey in Chromium', () => {
  const { pageAs: as, newContext } = useSampleBrowser();

  it('a signed-out visitor opens /, sees the national figures and each province, without signing in', async () => {
    const page = await as(null);
    await page.goto('/');
    await page.getByTestId('portal-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const summary = (await (await page.request.get('/api/v1/public/summary')).json()).data;
    expect(summary.cohort).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('figure-cohort').getByTestId('figure-value').textContent())
      .toBe(String(summary.cohort));
    const followed = await page.getByTestId('figure-followedUp').textContent();
    expect(followed).toContain(`${summary.headline.followedUp.count} dari ${summary.cohort} instansi`);
    await expect.poll(() => page.getByTestId('province-table').locator('tbody tr').count()).toBe(38);
    await page.getByTestId('open-data').getByRole('link', { name: 'Ringkasan nasional (CSV)' }).waitFor();
    // The provinces are drawn on the map, coloured by follow-up, with no supervisor-only switch.
    const map = page.getByTestId('choropleth');
    await map.locator('[data-testid=map-canvas][data-ready=true] canvas').first().waitFor();
    expect(await map.getByTestId('map-mode').count()).toBe(0);
    expect(await map.textContent()).toContain('cahyadsn/wilayah_boundaries');
    expect(await page.getByTestId('portal-sign-in').getAttribute('href')).toBe('/login');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the visitor goes from a province to a body’s public page and verifies its signature', async () => {
    const page = await as(null);
    await page.goto('/');
    await page.getByTestId('province-table').getByRole('link', { name: 'Jawa Barat' }).click();
    await page.waitForURL(/\/public\/bodies\?province=32$/);
    await page.getByTestId('public-bodies').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('public-bodies-search').fill('Tasikmalaya');
    await page.getByRole('link', { name: 'Kabupaten Tasikmalaya' }).click();
    await page.waitForURL(/\/public\/bodies\/32\.06$/);
    await page.getByTestId('public-body-page').waitFor();
    await expect.poll(() => page.getByTestId('public-official').textContent()).toContain('2.84');
    expect(await page.getByTestId('public-milestones').textContent()).toContain('Menindaklanjuti');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('verify-link').first().click();
    await page.waitForURL(/\/verify\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('sah');
    await page.context().close();
  });

  it('the visitor opens the host’s page, its practices and the catalogue', async () => {
    const page = await as(null);
    await page.goto('/public/bodies/32.11');
    await page.getByTestId('public-hosted').getByRole('link').first().waitFor();
    expect(await page.getByTestId('public-body-page').textContent()).toContain('4.51');
    await page.getByTestId('public-nav').getByRole('link', { name: 'Beranda' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('portal-catalogue').click();
    await page.waitForURL(/\/practices$/);
    await page.getByTestId('practice-list').waitFor();
    await page.getByTestId('sign-in').waitFor();
    await page.context().close();
  });

  it('an unknown body says so instead of an error', async () => {
    const page = await as(null);
    await page.goto('/public/bodies/99.99');
    await page.getByText('Instansi dengan kode ini tidak ada dalam direktori.').waitFor();
    await page.context().close();
  });

  it('fits a 375 px phone without sideways scrolling of the page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    for (const url of ['/', '/public/bodies', '/public/bodies/32.06']) {
      await page.goto(url);
      await page
        .locator(
          '[data-testid="portal-page"], [data-testid="public-bodies"], [data-testid="public-body-page"]',
        )
        .first()
        .waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('a signed-in user at / still gets the home page, not the portal', async () => {
    const page = await as('bupati.garut@livinglab.test');
    await page.goto('/');
    await page.getByTestId('home-page').waitFor();
    expect(await page.getByTestId('portal-page').count()).toBe(0);
    await page.getByTestId('current-user').waitFor();
    // The public pages open inside the app's shell, with a way to the body's work page.
    await page.goto('/public/bodies/32.05');
    await page.getByTestId('public-body-page').waitFor();
    await page.getByRole('link', { name: 'Buka halaman kerja instansi' }).waitFor();
    await page.context().close();
  });
});
