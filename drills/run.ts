// npm run drills — the reliability drills (issue 9), each drills/<name>.drill.ts in its own
// process against real server processes on PGlite and PostgreSQL. Prints each drill's checks
// and figures and a final "N passed, N failed" (one per drill).
//
//   npm run drills                    every drill
//   npm run drills -- fuzz zip-bomb   only these
//   npm run drills -- --json F        also write a vitest-like report (CI sums it with the suite)
//   npm run drills -- --markdown      also rewrite the "Last drill run" part of docs/RELIABILITY.md
//
// PostgreSQL comes from DRILL_DATABASE_URL (default: the local server); each drill makes and drops
// its own databases. A drill that cannot run (no PostgreSQL) fails: nothing is skipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const markdown = args.includes('--markdown');
const names = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const timeoutMs = Number(process.env.DRILL_TIMEOUT_SECONDS ?? 300) * 1000;

const all = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.drill.ts'))
  .map((f) => f.replace(/\.drill\.ts$/, ''))
  .sort();
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`unknown drill(s): ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(2);
}
const chosen = names.length ? names : all;

type Outcome = { name: string; ok: boolean; seconds: number; figures: [string, string][]; failed: string[] };

function runOne(name: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, `${name}.drill.ts`)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const figures: [string, string][] = [];
    const failed: string[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        console.log(`[${name}] ${line}`);
        const f = line.match(/^figure: (.+?) = (.*)$/);
        if (f) figures.push([f[1]!, f[2]!]);
        if (line.startsWith('FAIL ')) failed.push(line.slice(5));
      }
    });
    // A drill that hangs is a failure, and its server processes go with it (own process group).
    const timer = setTimeout(() => {
      failed.push(`timed out after ${timeoutMs / 1000} s`);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      resolve({ name, ok: code === 0 && failed.length === 0, seconds, figures, failed });
    });
  });
}

const outcomes: Outcome[] = [];
for (const name of chosen) {
  console.log(`\n=== drill ${name}`);
  const outcome = await runOne(name);
  outcomes.push(outcome);
  console.log(`=== drill ${name}: ${outcome.ok ? 'passed' : 'FAILED'} in ${outcome.seconds} s`);
}

const passed = outcomes.filter((o) => o.ok).length;
const failedCount = outcomes.length - passed;
if (jsonFile) {
  fs.writeFileSync(
    jsonFile,
    JSON.stringify({
      numPassedTests: passed,
      numFailedTests: failedCount,
      numPendingTests: 0,
      drills: outcomes,
    }),
  );
}
if (markdown) writeMarkdown(outcomes);
console.log(`\n${passed} passed, ${failedCount} failed`);
process.exit(failedCount === 0 ? 0 : 1);

function writeMarkdown(list: Outcome[]) {
  const file = path.join(here, '..', 'docs', 'RELIABILITY.md');
  const start = '<!-- drills:start -->';
  const end = '<!-- drills:end -->';
  const lines = [
    start,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run drills\` on this machine.`,
    '',
    '| Drill | Result | Seconds | Figures |',
    '| --- | --- | --- | --- |',
    ...list.map(
      (o) =>
        `| ${o.name} | ${o.ok ? 'passed' : `FAILED: ${o.failed.join('; ')}`} | ${o.seconds} | ${o.figures
          .map(([k, v]) => `${k}: ${v}`)
          .join('<br>')} |`,
    ),
    end,
  ];
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Reliability\n\n';
  const block = lines.join('\n');
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n## Last drill run\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
