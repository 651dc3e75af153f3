// kill -9 under write load (issue 9, "Drills kept in the repo"): several clients create bodies
// as fast as they are answered, each recording the codes acknowledged with 201; the server is
// killed with SIGKILL mid-load and started again on the same database; every acknowledged
// write must be there. Once on PGlite (DATA_DIR) and once on PostgreSQL (DATABASE_URL).
import { randomBytes } from 'node:crypto';
import { alive, api, check, figure, finish, freshDataDir, freshPgDatabase, signIn, startApp } from './lib';

const CLIENTS = 6;
const LOAD_MS = 3_000;

async function writeUntilKilled(env: Record<string, string>, engine: string) {
  let t0 = performance.now();
  const app = await startApp(env);
  figure(`${engine}: first start (s)`, ((performance.now() - t0) / 1000).toFixed(1));
  const admin = await signIn(app.base, 'admin@livinglab.test');
  const run = randomBytes(3).toString('hex').toUpperCase();
  const acknowledged: string[] = [];
  let refused = 0;
  let stop = false;
  const client = async (c: number) => {
    for (let n = 0; !stop; n += 1) {
      const code = `K9-${run}-${c}-${n}`;
      try {
        const res = await api(app.base, admin, 'POST', '/api/v1/orgs', {
          code,
          name: `Drill ${code}`,
          type: 'agency',
        });
        if (res.status === 201) acknowledged.push(code);
        else refused += 1;
      } catch {
        return; // the connection died with the process: this write was never acknowledged
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  await new Promise((r) => setTimeout(r, LOAD_MS));
  await app.kill9();
  stop = true;
  await Promise.all(clients);
  figure(`${engine}: writes acknowledged before kill -9`, acknowledged.length);
  check(refused === 0, `${engine}: no write was refused before the kill (${refused})`);

  t0 = performance.now();
  const restarted = await startApp(env);
  figure(`${engine}: restart after kill -9 (s)`, ((performance.now() - t0) / 1000).toFixed(1));
  let missing = 0;
  for (let i = 0; i < acknowledged.length; i += 16) {
    const batch = acknowledged.slice(i, i + 16);
    const found = await Promise.all(
      batch.map((code) => api(restarted.base, admin, 'GET', `/api/v1/orgs/${code}`)),
    );
    missing += found.filter((r) => r.status !== 200).length;
  }
  // The session was in the database too: it survives the kill like the writes.
  figure(`${engine}: acknowledged writes missing after restart`, missing);
  check(acknowledged.length > 0, `${engine}: the load made acknowledged writes`);
  check(missing === 0, `${engine}: every acknowledged write is present after restart`);
  check(alive(restarted), `${engine}: the restarted server is running`);
  await restarted.stop();
}

const data = freshDataDir();
try {
  await writeUntilKilled({ DATA_DIR: data.dir }, 'PGlite');
} finally {
  data.remove();
}

const pgDb = await freshPgDatabase('ll_drill_k9');
const pgData = freshDataDir();
try {
  await writeUntilKilled({ DATABASE_URL: pgDb.url, DATA_DIR: pgData.dir }, 'PostgreSQL');
} finally {
  pgData.remove();
  await pgDb.drop();
}
finish();
