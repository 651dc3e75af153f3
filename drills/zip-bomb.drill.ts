// Drill: spreadsheet zip bombs against both imports (issue 9 item 2). Builds real .xlsx bombs —
// valid workbooks whose sheet XML inflates to 256 MiB — with streaming deflate, so the drill
// itself stays small in memory, uploads each to the plan import and the official-results import,
// and expects 413 (or 400), the process alive, and its memory barely moved.
import zlib from 'node:zlib';
import { memoryMiB } from '../bench/lib';
import { assembleZip } from '../tests/support/zip';
import { alive, api, check, figure, finish, freshDataDir, signIn, startApp } from './lib';

const MiB = 1024 * 1024;

// `declared`: the uncompressed size written in the headers (a lie, when it differs from `size`).
type Entry = { name: string; deflated: Buffer; crc: number; size: number; declared?: number };

/** Deflates `chunks()` as it goes: only the compressed bytes are ever held. */
async function deflateStream(name: string, chunks: () => Generator<Buffer>): Promise<Entry> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks()) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { name, deflated: Buffer.concat(out), crc, size };
}

function small(name: string, text: string): Promise<Entry> {
  return deflateStream(name, function* () {
    yield Buffer.from(text);
  });
}

// The archive itself is written by the tests' zip writer (one home for the format).
const zip = (entries: Entry[]) =>
  assembleZip(
    entries.map((e) => ({
      name: e.name,
      body: e.deflated,
      method: 8,
      crc: e.crc,
      size: e.declared ?? e.size,
    })),
  );

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A valid one-sheet workbook whose sheet XML is `head`, `fill` × `times` MiB, `tail`; with `lie`,
 * its headers claim the sheet is 1 KiB, so only inflating it can tell.
 */
async function bomb(
  head: string,
  fill: string,
  times: number,
  tail: string,
  lie = false,
): Promise<{ file: Buffer; inflated: number }> {
  const block = Buffer.from(fill.repeat(Math.ceil(MiB / fill.length)));
  const sheet = await deflateStream('xl/worksheets/sheet1.xml', function* () {
    yield Buffer.from(head);
    for (let i = 0; i < times; i++) yield block;
    yield Buffer.from(tail);
  });
  if (lie) sheet.declared = 1024;
  const entries = [
    await small(
      '[Content_Types].xml',
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    await small(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    await small(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Rencana" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    await small(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
  ];
  return { file: zip(entries), inflated: sheet.size };
}

async function upload(base: string, s: { cookie: string; csrf: string }, url: string, file: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'rencana.xlsx');
  const res = await fetch(`${base}/api/v1${url}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; details?: { limit?: string } };
  } | null;
  return { status: res.status, code: body?.error?.code, limit: body?.error?.details?.limit };
}

const sheetOpen = `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>`;
const bombs = {
  // 256 MiB of whitespace between elements: legal XML, the byte cap must stop it.
  whitespace: await bomb(sheetOpen, ' ', 256, '</sheetData></worksheet>'),
  // 256 MiB of real rows: the row limit stops it long before the byte cap.
  rows: await bomb(sheetOpen, '<row><c t="n"><v>1</v></c></row>', 256, '</sheetData></worksheet>'),
  'lying whitespace': await bomb(sheetOpen, ' ', 256, '</sheetData></worksheet>', true),
  'lying rows': await bomb(
    sheetOpen,
    '<row><c t="n"><v>1</v></c></row>',
    256,
    '</sheetData></worksheet>',
    true,
  ),
};
for (const [name, b] of Object.entries(bombs)) {
  figure(
    `${name} bomb: file KiB → sheet XML MiB`,
    `${Math.round(b.file.length / 1024)} → ${Math.round(b.inflated / MiB)}`,
  );
}
check(bombs.whitespace.inflated >= 250 * MiB, 'the bomb inflates to at least 250 MiB');

const data = freshDataDir();
const app = await startApp({ DATA_DIR: data.dir });
try {
  const operator = await signIn(app.base, 'operator.garut@livinglab.test');
  const national = await signIn(app.base, 'nasional@livinglab.test');
  const plan = await api(app.base, operator, 'POST', '/api/v1/orgs/32.05/plans', { period: '2031' });
  const planId = (plan.json as { data?: { id?: string } }).data?.id;
  check(plan.status === 201 && typeof planId === 'string', `a draft plan to import into (${plan.status})`);
  const pid = app.child.pid!;
  const before = memoryMiB(pid);
  let worst = 0;
  for (const [name, b] of Object.entries(bombs)) {
    for (const [target, session, url] of [
      ['plan import', operator, `/plans/${planId}/import`],
      ['results import', national, '/official-results/import?framework=spbe-2020'],
    ] as const) {
      const started = performance.now();
      const r = await upload(app.base, session, url, b.file);
      const ms = Math.round(performance.now() - started);
      figure(`${name} bomb → ${target}`, `${r.status} ${r.code ?? ''} ${r.limit ?? ''} in ${ms} ms`);
      check(
        r.status === 413 || r.status === 400,
        `${name} bomb on the ${target} is refused with 413/400 (${r.status})`,
      );
      check(alive(app), `the process is alive after the ${name} bomb on the ${target}`);
      worst = Math.max(worst, memoryMiB(pid).rss - before.rss);
    }
  }
  const after = memoryMiB(pid);
  figure('server RSS MiB before → after', `${before.rss} → ${after.rss}`);
  figure('server RSS growth MiB (worst after a bomb)', worst);
  figure('server peak RSS MiB before → after', `${before.peak} → ${after.peak}`);
  check(
    after.peak - before.peak < 150,
    `peak memory grew by less than 150 MiB (${after.peak - before.peak})`,
  );
  const health = await fetch(`${app.base}/api/health`);
  check(health.status === 200, 'the server still answers /api/health with 200');
} finally {
  await app.stop();
  data.remove();
}
finish();
