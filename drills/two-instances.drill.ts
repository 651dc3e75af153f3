// Two instances on one PostgreSQL database, as behind a load balancer (issue 9, "Several
// instances"). The read cache is on with a long TTL (60 s), so only invalidation across instances
// (LISTEN/NOTIFY, platform/cache-sync.ts) can make B see what A changed:
// - a session logged out on A is refused (401) on B on the very next request;
// - a role removed on A is refused on B at once;
// - a body changed on A shows in B's directory within 1 s (the propagation time is printed).
import {
  api,
  check,
  figure,
  finish,
  freshDataDir,
  freshPgDatabase,
  type Session,
  signIn,
  startApp,
} from './lib';

const ROUNDS = 10;
const db = await freshPgDatabase('ll_drill_two');
const dataA = freshDataDir();
const dataB = freshDataDir();
const env = { DATABASE_URL: db.url, READ_CACHE_SECONDS: '60' };
// One after the other: the second start finds the migrations and sample data in place.
const a = await startApp({ ...env, DATA_DIR: dataA.dir });
const b = await startApp({ ...env, DATA_DIR: dataB.dir });

try {
  // Logout: sign in on A, warm B's cache, log out on A, ask B at once.
  let refusedAtOnce = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const s = await signIn(a.base, 'operator.garut@livinglab.test');
    const warm = await api(b.base, s, 'GET', '/api/v1/me');
    const again = await api(b.base, s, 'GET', '/api/v1/me'); // now from B's cache
    const out = await api(a.base, s, 'POST', '/api/v1/auth/logout');
    const next = await api(b.base, s, 'GET', '/api/v1/me');
    if (warm.status === 200 && again.status === 200 && out.status === 200 && next.status === 401)
      refusedAtOnce += 1;
  }
  figure('logouts on A refused on B on the next request', `${refusedAtOnce}/${ROUNDS}`);
  check(refusedAtOnce === ROUNDS, 'every logout on A is refused on B on the very next request');

  // Role removal: the Garut body admin reads its invitations on B; the platform admin removes the
  // role on A; B refuses the next read.
  const admin = await signIn(a.base, 'admin@livinglab.test');
  const bodyAdmin: Session = await signIn(b.base, 'admin.garut@livinglab.test');
  const before = await api(b.base, bodyAdmin, 'GET', '/api/v1/orgs/32.05/invitations');
  await api(b.base, bodyAdmin, 'GET', '/api/v1/orgs/32.05/invitations');
  const users = (await api(a.base, admin, 'GET', '/api/v1/orgs/32.05/users')).json as {
    data: { membershipId: string; email: string }[];
  };
  const m = users.data.find((u) => u.email === 'admin.garut@livinglab.test');
  const removed = await api(a.base, admin, 'DELETE', `/api/v1/orgs/32.05/memberships/${m?.membershipId}`);
  const after = await api(b.base, bodyAdmin, 'GET', '/api/v1/orgs/32.05/invitations');
  figure(
    'role removal on A, next answer on B',
    `${before.status} before, ${removed.status} removal, ${after.status} after`,
  );
  check(
    before.status === 200 && removed.status === 200 && (after.status === 403 || after.status === 404),
    'a role removed on A is refused on B at once',
  );

  // Propagation of a directory change: toggle a body's membership on A, poll B's directory.
  const isMember = async () =>
    ((await api(b.base, admin, 'GET', '/api/v1/orgs?q=32.06')).json as { data: { isMember: boolean }[] })
      .data[0]?.isMember;
  const times: number[] = [];
  let firstRead = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const current = await isMember();
    await api(b.base, admin, 'GET', '/api/v1/orgs?q=32.06'); // cached on B
    const started = performance.now();
    const patched = await api(a.base, admin, 'PATCH', '/api/v1/orgs/32.06', { isMember: !current });
    if (patched.status !== 200) throw new Error(`patch ${patched.status}`);
    const answered = performance.now();
    let reads = 1;
    while ((await isMember()) === current && performance.now() - started < 5_000) reads += 1;
    times.push(Math.round(performance.now() - answered));
    if (reads === 1) firstRead += 1;
  }
  times.sort((x, y) => x - y);
  figure(
    'directory change on A seen on B after A answered (ms), median / worst',
    `${times[ROUNDS >> 1]} / ${times.at(-1)}`,
  );
  figure('directory change seen by the first read on B after A answered', `${firstRead}/${ROUNDS}`);
  check(times.at(-1)! <= 1_000, 'a change made on A is visible on B within 1 s');
} finally {
  await Promise.all([a.stop(), b.stop()]);
  dataA.remove();
  dataB.remove();
  await db.drop();
}
finish();
