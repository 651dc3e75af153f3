import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCALE_STORAGE_KEY, type Locale } from '../../src/web/i18n/locale-store';
import { describeViolations, seriousViolations, truncatedBadges } from './a11y';
import { browserAvailable, SAMPLE_PASSWORD, useSampleBrowser } from './browser';
import { untranslated } from './translations';

// Every main page, as the role that uses it, checked by axe-core (0 critical, 0 serious) and for
// text that is not in the reader's language or is a raw key: in Bahasa Indonesia on a desktop, and
// in English on a 375 px phone, where no badge may be cut off either. The records the pages need
// (a signature, a plan with items, emailed links) are made first through the API.

const OPERATOR = 'operator.garut@livinglab.test';
const BODY_ADMIN = 'admin.garut@livinglab.test';
const LEADER = 'bupati.garut@livinglab.test';
const MENTOR = 'mentor.sumedang@livinglab.test';
const PROVINCE = 'jabar@livinglab.test';
const NATIONAL = 'nasional@livinglab.test';
const PLATFORM_ADMIN = 'admin@livinglab.test';

type Ids = {
  assessment: string;
  visit: string;
  plan: string;
  practice: string;
  hostPractice: string;
  adoption: string;
  signature: string;
  resetLink: string;
  invitationLink: string;
};

/** The pages each role is checked on (as null: signed out); paths made once the records exist. */
const roles: { who: string; as: string | null; paths: (ids: Ids) => string[] }[] = [
  {
    who: 'a visitor',
    as: null,
    paths: (ids) => [
      '/',
      '/public/bodies',
      '/public/bodies/32.11',
      '/login',
      '/forgot-password',
      ids.resetLink,
      ids.invitationLink,
      `/verify/${ids.signature}`,
      '/practices',
      `/practices/${ids.practice}`,
    ],
  },
  {
    who: 'the operator',
    as: OPERATOR,
    paths: (ids) => [
      '/',
      `/assessments/${ids.assessment}`,
      '/orgs/32.05/simulator',
      `/plans/${ids.plan}`,
      '/account',
    ],
  },
  {
    who: 'the body admin',
    as: BODY_ADMIN,
    paths: (ids) => [
      '/',
      `/plans/${ids.plan}?missing=owner`,
      '/orgs',
      '/orgs/32.05',
      '/orgs/32.05/assessments',
      '/orgs/32.05/compare',
      '/orgs/32.05/plans',
      '/orgs/32.05/adoptions',
      `/adoptions/${ids.adoption}`,
      '/practices',
      `/practices/${ids.practice}`,
      '/no-such-page',
    ],
  },
  { who: 'the leader', as: LEADER, paths: (ids) => ['/', '/commitments', `/plans/${ids.plan}`] },
  {
    who: 'the host’s mentor',
    as: MENTOR,
    paths: (ids) => [
      '/',
      '/visits',
      `/visits/${ids.visit}`,
      '/orgs/32.11/followers',
      '/practices/new',
      `/practices/${ids.hostPractice}/edit`,
    ],
  },
  {
    who: 'the province supervisor',
    as: PROVINCE,
    paths: () => ['/', '/funnel', '/orgs?province=32', '/orgs/32.05'],
  },
  {
    who: 'the national supervisor',
    as: NATIONAL,
    // The host's page carries its journey with official results (their rating in the reader's language).
    paths: () => ['/', '/funnel', '/official-results', '/orgs/32.11'],
  },
  {
    who: 'the platform admin',
    as: PLATFORM_ADMIN,
    paths: () => [
      '/admin/frameworks',
      '/admin/users',
      '/audit',
      '/admin/outbox',
      '/programmes',
      '/official-results',
    ],
  },
];

describe.skipIf(!browserAvailable)('accessibility and language of every main page in Chromium', () => {
  const { newContext, pageAs } = useSampleBrowser();
  let ids: Ids;

  const csrf = async (page: Page) =>
    (await page.context().cookies()).find((c) => c.name === 'll_csrf')!.value;

  async function call(page: Page, method: 'POST' | 'PUT', url: string, data: unknown = {}) {
    const res = await page.request.fetch(url, {
      method,
      data,
      headers: { 'x-csrf-token': await csrf(page) },
    });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  }

  /** The link in the email to `to` that leads to `pathname` (emails are sent in the background). */
  async function emailedLink(admin: Page, to: string, pathname: string): Promise<string> {
    return vi.waitFor(
      async () => {
        const outbox = await (await admin.request.get('/api/v1/outbox')).json();
        const mail = outbox.data.find(
          (m: { to: string; text: string }) => m.to === to && m.text.includes(pathname),
        );
        const url = new URL(mail.text.match(/https?:\/\/\S+/)[0]);
        return url.pathname + url.search;
      },
      { timeout: 20_000, interval: 200 },
    );
  }

  beforeAll(async () => {
    const admin = await pageAs(BODY_ADMIN);
    const assessments = await (await admin.request.get('/api/v1/orgs/32.05/assessments')).json();
    const adoptions = await (await admin.request.get('/api/v1/orgs/32.05/adoptions')).json();
    const practices = await (await admin.request.get('/api/v1/practices')).json();
    // A plan with items in several states, so the plan pages show their badges.
    const plan = (await call(admin, 'POST', '/api/v1/orgs/32.05/plans', { period: '2026' })).data.id;
    const items = [
      { title: 'Menetapkan Peraturan Bupati tentang Arsitektur SPBE', status: 'in_progress', progress: 40 },
      {
        title: 'Menyusun peta rencana SPBE lima tahunan',
        status: 'blocked',
        blockedReason: 'Menunggu anggaran perubahan',
      },
      { title: 'Audit keamanan aplikasi layanan publik', status: 'planned' },
    ];
    for (const [n, item] of items.entries()) {
      await call(admin, 'POST', `/api/v1/plans/${plan}/items`, {
        ...item,
        targets: [{ indicator: 11 + n, level: 3 }],
        ownerUnit: 'Dinas Komunikasi dan Informatika',
        dueDate: '2026-12-31',
      });
    }
    await call(admin, 'POST', '/api/v1/orgs/32.05/invitations', {
      email: 'kasi.garut@example.test',
      role: 'operator',
    });
    await admin.context().close();

    const leader = await pageAs(LEADER);
    const texts = await (await leader.request.get('/api/v1/commitments')).json();
    const signature = (
      await call(leader, 'POST', '/api/v1/orgs/32.05/commitment-signatures', {
        signerName: 'Bupati Garut (contoh)',
        signerPosition: 'Bupati Garut',
        textVersion: texts.data.find((t: { isCurrent: boolean }) => t.isCurrent).version,
      })
    ).data.id;
    await leader.context().close();

    const anonymous = await (await newContext()).newPage();
    await anonymous.request.post('/api/v1/auth/forgot-password', { data: { email: OPERATOR } });
    await anonymous.context().close();

    const mentor = await pageAs(MENTOR);
    const visits = await (await mentor.request.get('/api/v1/visits')).json();
    await mentor.context().close();

    const platformAdmin = await pageAs(PLATFORM_ADMIN);
    ids = {
      assessment: assessments.data[0].id,
      visit: visits.data[0].id,
      plan,
      practice: practices.data[0].id,
      hostPractice: practices.data.find((p: { host: { code: string } }) => p.host.code === '32.11').id,
      adoption: adoptions.data[0].id,
      signature,
      resetLink: await emailedLink(platformAdmin, OPERATOR, '/reset-password'),
      invitationLink: await emailedLink(platformAdmin, 'kasi.garut@example.test', '/invitation'),
    };
    await platformAdmin.context().close();
  });

  async function open(email: string | null, locale: Locale, width: number): Promise<Page> {
    const context = await newContext();
    await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: LOCALE_STORAGE_KEY,
      value: locale,
    });
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    if (email) {
      const res = await page.request.post('/api/v1/auth/login', {
        data: { email, password: SAMPLE_PASSWORD },
      });
      expect(res.status()).toBe(200);
    }
    return page;
  }

  /** Every problem on every page of one role, collected so one run lists them all. */
  async function check(email: string | null, paths: string[], locale: Locale, width: number) {
    const page = await open(email, locale, width);
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      const where = `${email ?? 'signed out'} ${path} (${locale}, ${width} px)`;
      const violations = await seriousViolations(page);
      if (violations.length) problems.push(describeViolations(where, violations));
      // The page must really be there: a typo in a path would otherwise check the not-found page.
      if (path !== '/no-such-page' && (await page.getByTestId('not-found').count())) {
        problems.push(`${where}: shows "not found"`);
      }
      for (const t of await untranslated(page, locale)) problems.push(`${where}: ${t}`);
      if (width <= 375) {
        for (const b of await truncatedBadges(page)) problems.push(`${where}: badge cut off: ${b}`);
      }
    }
    await page.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  }

  for (const [locale, width] of [
    ['id', 1280],
    ['en', 375],
  ] as const) {
    describe(`in ${locale === 'id' ? 'Bahasa Indonesia on a desktop' : 'English on a 375 px phone'}`, () => {
      for (const role of roles) {
        it(`pages of ${role.who}`, { timeout: 240_000 }, () =>
          check(role.as, role.paths(ids), locale, width),
        );
      }
    });
  }

  it('the notification list, open, is accessible too', async () => {
    const page = await open(BODY_ADMIN, 'id', 1280);
    await page.goto('/');
    await page.getByTestId('notification-bell').click();
    await page.getByRole('dialog').waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations('notification list', violations)).toEqual([]);
    await page.context().close();
  });
});
