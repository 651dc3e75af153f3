// Drill: ≥ 10,000 malformed requests generated from the OpenAPI document (drills/fuzz-cases.ts)
// against a started app (PGlite, sample data), as signed-in sample users with CSRF and, one time
// in ten, anonymously. Passes when no answer is 5xx, every error answer has the usual error body,
// and the process is still alive. Deterministic: FUZZ_SEED (default 9) and FUZZ_REQUESTS.
import { memoryMiB } from '../bench/lib';
import { type FuzzRequest, fuzzCase, operations, prng } from './fuzz-cases';
import { alive, check, figure, finish, freshDataDir, type Session, signIn, startApp } from './lib';

const seed = Number(process.env.FUZZ_SEED ?? 9);
const total = Number(process.env.FUZZ_REQUESTS ?? 10_400);
const concurrency = 8;

const data = freshDataDir();
const app = await startApp({ DATA_DIR: data.dir });
try {
  const doc = await (await fetch(`${app.base}/api/openapi.json`)).json();
  const ops = operations(doc);
  figure('operations in the OpenAPI document', ops.length);

  const accounts = [
    'admin@livinglab.test',
    'operator.garut@livinglab.test',
    'mentor.sumedang@livinglab.test',
  ];
  const sessions = new Map<string, Promise<Session>>(accounts.map((a) => [a, signIn(app.base, a)]));
  const known = await harvest(app.base, await sessions.get(accounts[0]!)!);

  const rng = prng(seed);
  const cases: { req: FuzzRequest; account: string }[] = [];
  for (let i = 0; i < total; i++) {
    cases.push({ req: fuzzCase(ops[i % ops.length]!, rng, known), account: rng.pick(accounts) });
  }

  const byStatus = new Map<number, number>();
  const covered = new Set<string>();
  const reached = new Set<string>();
  const serverErrors: string[] = [];
  const oddBodies: string[] = [];
  const timeByOp = new Map<string, { ms: number; n: number }>();
  let unanswered = 0;
  let relogins = 0;
  const rssBefore = memoryMiB(app.child.pid!).rss;
  const started = performance.now();

  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const { req, account } = cases[next++]!;
      const headers = { ...req.headers };
      if (!req.anonymous) {
        const s = await sessions.get(account)!;
        headers.cookie ??= s.cookie;
        headers['x-csrf-token'] ??= s.csrf;
      }
      const key = `${req.method} ${req.op.path}`;
      covered.add(key);
      let res: Response;
      const t0 = performance.now();
      try {
        res = await fetch(`${app.base}${req.url}`, {
          method: req.method,
          headers,
          body: typeof req.body === 'string' || req.body === undefined ? req.body : new Uint8Array(req.body),
          signal: AbortSignal.timeout(20_000),
        });
      } catch (err) {
        unanswered += 1;
        if (unanswered <= 5) console.log(`no answer: ${key} (${req.kind}) ${req.url.slice(0, 120)}: ${err}`);
        continue;
      }
      const text = await res.text();
      const spent = timeByOp.get(key) ?? { ms: 0, n: 0 };
      timeByOp.set(key, { ms: spent.ms + performance.now() - t0, n: spent.n + 1 });
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      // Past the door: the request was parsed and judged by the route itself.
      if (![400, 401, 403, 413, 415].includes(res.status)) reached.add(key);
      if (res.status >= 500)
        serverErrors.push(
          `${res.status} ${key} (${req.kind}) ${req.url.slice(0, 160)} ${text.slice(0, 200)}`,
        );
      if (res.status >= 400 && !hasErrorBody(text))
        oddBodies.push(`${res.status} ${key} ${req.url.slice(0, 80)} ${text.slice(0, 120)}`);
      // Should a fuzzed write end a session anyway, sign in again (once per lost session; the
      // login route allows 20 a minute, so a failed sign-in keeps the old one).
      if (res.status === 401 && !req.anonymous) {
        const lost = sessions.get(account)!;
        if ((await lost).cookie === headers.cookie) {
          relogins += 1;
          sessions.set(
            account,
            signIn(app.base, account).catch(() => lost),
          );
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;

  const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]);
  for (const [status, n] of statuses) figure(`answers ${status}`, n);
  figure('requests', total);
  figure('operations covered', `${covered.size} of ${ops.length}`);
  figure('operations reached past validation/authorisation at least once', reached.size);
  figure('seconds', seconds.toFixed(1));
  figure('requests per second', Math.round(total / seconds));
  figure('re-sign-ins after a fuzzed logout', relogins);
  figure(
    'server RSS MiB before → after',
    `${rssBefore} → ${alive(app) ? memoryMiB(app.child.pid!).rss : 'dead'}`,
  );
  for (const line of serverErrors.slice(0, 15)) console.log(`5xx: ${line}`);
  for (const line of oddBodies.slice(0, 5)) console.log(`odd error body: ${line}`);
  const slowest = [...timeByOp.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5);
  for (const [op, { ms, n }] of slowest)
    console.log(`most time: ${op}: ${Math.round(ms)} ms over ${n} requests`);
  check(total >= 10_000, `at least 10,000 requests (${total})`);
  check(serverErrors.length === 0, `no answer ≥ 500 (${serverErrors.length})`);
  check(unanswered === 0, `every request answered (${unanswered} not)`);
  check(
    oddBodies.length === 0,
    `every error answer has the usual { error: { code, message } } body (${oddBodies.length} not)`,
  );
  check(covered.size === ops.length, 'every operation of the document was called');
  check(alive(app), 'the server process is alive');
  const health = await fetch(`${app.base}/api/health`).catch(() => null);
  check(health?.status === 200, 'the server still answers /api/health with 200');
} finally {
  await app.stop();
  data.remove();
}
finish();

function hasErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === 'string' && typeof body.error.message === 'string';
  } catch {
    return false;
  }
}

/** Real values for path parameters and ids, so many cases get past "not found" into the routes. */
async function harvest(base: string, s: Session): Promise<Record<string, string[]>> {
  const get = async (url: string) => {
    const res = await fetch(`${base}/api/v1${url}`, { headers: { cookie: s.cookie } });
    return res.ok ? ((await res.json()) as { data?: unknown }).data : undefined;
  };
  const ids = (v: unknown) =>
    (Array.isArray(v) ? v : ((v as { items?: unknown[] } | undefined)?.items ?? []))
      .map((x) => (x as { id?: unknown }).id)
      .filter((x): x is string => typeof x === 'string');
  const pools = await Promise.all(
    [
      '/orgs/32.05/plans',
      '/orgs/32.05/assessments',
      '/visits',
      '/practices',
      '/programmes',
      '/orgs/32.05/evidence',
    ].map(async (u) => ids(await get(u))),
  );
  const frameworks = ids(await get('/frameworks'));
  const codes = ['32.05', '32.11', '35.10', 'KEMENDAGRI'];
  return {
    id: pools.flat(),
    code: codes,
    hostCode: codes,
    visitorCode: codes,
    ref: ['32', '32.05'],
    framework: frameworks,
    frameworkId: frameworks,
    fileId: pools[5] ?? [],
    indicator: ['1', '7', '47'],
    year: ['2024', '2025'],
  };
}
