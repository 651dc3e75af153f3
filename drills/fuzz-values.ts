// The broken values of the fuzz drill (drills/fuzz-cases.ts picks among them): strings that
// storage or headers cannot take, wrong JSON types, bad ids and query values, broken JSON texts
// and broken multipart bodies.
import type { prng } from './fuzz-cases';

type Rng = ReturnType<typeof prng>;

export const nasty = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202Eexe.pdf',
  '%00',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '=1+1;@SUM(A1)',
  '🦀'.repeat(50),
  ' ',
  '',
  'é'.repeat(300),
];
export const wrongTypes = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -9007199254740992,
  [],
  {},
  [[[]]],
  'x',
  '99999999999999999999',
];
export const badIds = [
  'not-a-uuid',
  '0',
  '-1',
  '99999999999',
  '%00',
  '%ED%A0%80',
  '%C3%A9',
  '..',
  '%2F..%2F',
  'a'.repeat(2000),
  '%E2%80%AE',
  '1e9',
  '32.05%00',
  '%FF',
];
export const badQuery = [
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  'a'.repeat(5000),
  '-1',
  '1.5',
  'true',
  '[]',
  '{}',
  '%22%3B%20filename%3D%22evil.html',
  'NaN',
  '9999999999999999999999',
];

export function multipart(rng: Rng): { contentType: string; body: Buffer } {
  const b = 'fuzzBoundary';
  const part = (name: string, file: string, data: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\nContent-Type: application/octet-stream\r\n\r\n${data}`;
  const cases: [string, string][] = [
    ['multipart/form-data', 'no boundary'],
    [`multipart/form-data; boundary=${b}`, 'garbage without any boundary'],
    [`multipart/form-data; boundary=${b}`, part('file', 'a.pdf', '%PDF-1.4 cut short')],
    [`multipart/form-data; boundary=${b}`, `${part('other', 'a.pdf', 'x')}\r\n--${b}--\r\n`],
    [
      `multipart/form-data; boundary=${b}`,
      `${part('file', 'x\u202Egnp.html', 'PK\u0003\u0004broken zip')}\r\n--${b}--\r\n`,
    ],
    [
      `multipart/form-data; boundary=${b}`,
      `${part('file', 'a.csv', 'kode;tahun\n\u0000;\ud800\n')}\r\n--${b}--\r\n`,
    ],
    [`multipart/form-data; boundary=${b}`, `--${b}\r\nContent-Disposition: garbage\r\n\r\nx\r\n--${b}--\r\n`],
    [`multipart/form-data; boundary=${b}`, `--${b}\r\n${'X-Long: y\r\n'.repeat(2000)}\r\nx\r\n--${b}--\r\n`],
    [`multipart/form-data; boundary=${b}`, `${part('file', 'empty.pdf', '')}\r\n--${b}--\r\n`],
    [`multipart/form-data; boundary="${'b'.repeat(200)}"`, 'x'],
  ];
  const [contentType, body] = rng.pick(cases);
  return { contentType, body: Buffer.from(body) };
}

export const jsonTexts = [
  '{',
  '{"a":}',
  '[1,2',
  'null',
  '"x"',
  '{"a":1}garbage',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
  '{"__proto__":{"isAdmin":true}}',
  '\u0000',
  '{"a":1e999}',
  '',
];
