// Malformed requests generated from the OpenAPI document, for drills/fuzz.drill.ts. Each case
// starts from a plausible request (values that fit the schema, real ids where we have them) and
// breaks one thing: a type, a missing or extra field, a huge string, a NUL, a lone surrogate, a
// bad id or query value, broken JSON, a wrong content type, broken multipart. Deterministic: the
// same seed gives the same requests.

import { badIds, badQuery, jsonTexts, multipart, nasty, wrongTypes } from './fuzz-values';

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  $ref?: string;
  additionalProperties?: boolean | Schema;
};

export type Operation = {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: Schema; required: boolean }[];
  body?: Schema;
  multipart: boolean;
};

export type FuzzRequest = {
  op: Operation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  kind: string;
  anonymous: boolean;
};

/** mulberry32: a small seeded PRNG, so a failing run can be replayed exactly. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof prng>;

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
};

/** The operations of the document; a $ref to a schema that is not there counts as "anything". */
export function operations(doc: Doc): Operation[] {
  const resolve = (s: Schema | undefined, depth = 0): Schema => {
    if (!s || depth > 8) return {};
    if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''], depth + 1);
    return s;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as {
        parameters?: Operation['params'];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        description?: string;
      };
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
        body: content['application/json'] ? resolve(content['application/json'].schema) : undefined,
        multipart: /multipart/i.test(op.description ?? '') || Boolean(content['multipart/form-data']),
      });
    }
  }
  return ops;
}

const uuid = '7f1f5a6e-3c1d-4b5e-9a2b-1c2d3e4f5a6b';

/** A value that fits the schema (as far as a generator without the rules behind it can). */
export function valid(s: Schema, rng: Rng, known: Record<string, string[]>, name = '', depth = 0): unknown {
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return rng.pick(s.enum);
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length)
    return valid(rng.pick(alt.filter((x) => x.type !== 'null')) ?? {}, rng, known, name, depth + 1);
  if (s.allOf?.length) return valid(s.allOf[0]!, rng, known, name, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = valid(v, rng, known, k, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 0, rng.int(3)) }, () =>
        valid(s.items ?? {}, rng, known, name, depth + 1),
      );
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 5, 1 + rng.int(5)));
    case 'boolean':
      return rng.next() < 0.5;
    case 'string': {
      const pool = known[name];
      if (pool?.length) return rng.pick(pool);
      if (s.format === 'uuid') return uuid;
      if (s.format === 'email') return `fuzz${rng.int(1e6)}@livinglab.test`;
      if (s.format === 'date') return '2026-06-15';
      if (s.format === 'date-time') return '2026-06-15T08:00:00.000Z';
      return 'Uji fuzz'.padEnd(Math.max(s.minLength ?? 1, 8), 'x').slice(0, s.maxLength ?? 40);
    }
    default:
      return 'x';
  }
}

/** A JSON text with a lone surrogate escape where a string was (JSON.stringify would not write one). */
function withLoneSurrogate(json: string, rng: Rng): string {
  const at = [...json.matchAll(/":"/g)].map((m) => (m.index ?? 0) + 3);
  if (!at.length) return json.replace(/^\{/, '{"x":"\\ud800",');
  const i = rng.pick(at);
  return `${json.slice(0, i)}\\ud800${json.slice(i)}`;
}

function mutateObject(v: unknown, rng: Rng, mutate: (x: unknown) => unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return mutate(v);
  const keys = Object.keys(v);
  if (!keys.length) return { [rng.pick(['x', 'id', '__proto__', 'constructor'])]: mutate(undefined) };
  const k = rng.pick(keys);
  const inner = (v as Record<string, unknown>)[k];
  const deeper = inner && typeof inner === 'object' && !Array.isArray(inner) && rng.next() < 0.4;
  return { ...v, [k]: deeper ? mutateObject(inner, rng, mutate) : mutate(inner) };
}

/** The `n`-th case for `op`: one request with one thing wrong. */
export function fuzzCase(op: Operation, rng: Rng, known: Record<string, string[]>): FuzzRequest {
  const pathValues: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'path'))
    pathValues[p.name] = String(valid(p.schema, rng, known, p.name));
  const query: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'query')) {
    if (p.required || rng.next() < 0.3) query[p.name] = String(valid(p.schema, rng, known, p.name));
  }
  let body: unknown = op.body ? valid(op.body, rng, known) : undefined;
  let raw: string | Buffer | undefined;
  let contentType = op.body ? 'application/json' : undefined;
  const extraHeaders: Record<string, string> = {};
  // fetch sends no body with GET: those are fuzzed through the address only.
  const kinds =
    op.method === 'GET'
      ? ['nul', 'surrogate', 'badId', 'badQuery', 'header']
      : [
          'header',
          'type',
          'missing',
          'extra',
          'huge',
          'nul',
          'surrogate',
          'badId',
          'badQuery',
          'json',
          'contentType',
          'deep',
        ];
  if (op.multipart) kinds.push('multipart', 'multipart', 'multipart');
  const kind = rng.pick(kinds);
  const pathParams = Object.keys(pathValues);
  const queryParams = op.params.filter((x) => x.in === 'query').map((x) => x.name);
  switch (kind) {
    case 'type':
      body = mutateObject(body ?? {}, rng, () => rng.pick(wrongTypes));
      break;
    case 'missing':
      if (body && typeof body === 'object' && !Array.isArray(body)) {
        const keys = Object.keys(body);
        if (keys.length) delete (body as Record<string, unknown>)[rng.pick(keys)];
      } else body = undefined;
      break;
    case 'extra':
      body = {
        ...(body as object),
        [rng.pick(['isAdmin', 'role', 'orgId', 'id', '__proto__', 'x'.repeat(300)])]: rng.pick(wrongTypes),
      };
      break;
    case 'huge':
      body = mutateObject(body ?? {}, rng, () => 'A'.repeat(rng.pick([10_000, 200_000, 900_000])));
      break;
    case 'nul':
    case 'surrogate': {
      const text = kind === 'nul' ? 'a\u0000b' : '\ud800';
      if (queryParams.length && rng.next() < 0.3) query[rng.pick(queryParams)] = text;
      else if (body !== undefined) body = mutateObject(body, rng, () => rng.pick(nasty));
      else if (pathParams.length) pathValues[rng.pick(pathParams)] = kind === 'nul' ? '%00' : '%ED%A0%80';
      if (kind === 'surrogate' && body !== undefined) raw = withLoneSurrogate(JSON.stringify(body), rng);
      break;
    }
    case 'badId':
      if (pathParams.length) pathValues[rng.pick(pathParams)] = rng.pick(badIds);
      else query[rng.pick(['id', 'code', 'ref'])] = rng.pick(badIds);
      break;
    case 'badQuery':
      for (const name of queryParams.length ? [rng.pick(queryParams)] : ['q', 'page'])
        query[name] = rng.pick(badQuery);
      break;
    case 'json':
      contentType = 'application/json';
      raw = rng.pick(jsonTexts);
      break;
    case 'contentType':
      contentType = rng.pick([
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        '',
      ]);
      raw = body === undefined ? 'a=1' : JSON.stringify(body);
      break;
    case 'deep':
      body = mutateObject(body ?? {}, rng, () => JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`));
      break;
    case 'header':
      // Latin-1 bytes, garbage and length in the headers the server reads (it sets its own
      // cookie and CSRF token only when the case has none).
      extraHeaders[
        rng.pick(['x-csrf-token', 'accept-language', 'x-request-id', 'cookie', 'x-forwarded-for'])
      ] = rng.pick([
        '\u00e9\u00ff',
        'a'.repeat(6000),
        ';;=;',
        'll_session=%ZZ%E9',
        '*;q=abc,,,',
        '',
        '1.2.3.4, ::1, x',
      ]);
      break;
    case 'multipart': {
      const m = multipart(rng);
      contentType = m.contentType;
      raw = m.body;
      break;
    }
  }
  if (raw === undefined && body !== undefined) raw = JSON.stringify(body);
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = pathValues[name] ?? 'x';
    return /%[0-9A-F]{2}/i.test(v) ? v : encodeURIComponent(v);
  });
  const qs = Object.entries(query).map(
    ([k, v]) =>
      `${k}=${/^%|%[0-9A-F]{2}/i.test(v) ? v : encodeURIComponent(v.replace(/\p{Cs}/gu, '\uFFFD'))}`,
  );
  if (qs.length) url += `?${qs.join('&')}`;
  // encodeURIComponent throws on a lone surrogate: a surrogate in the address goes as its bytes.
  url = url.replace(/%EF%BF%BD/g, '%ED%A0%80');
  const headers: Record<string, string> = { ...extraHeaders };
  if (contentType) headers['content-type'] = contentType;
  // Calls that would end the drill's own session are made without one.
  const anonymous = rng.next() < 0.1 || /\/auth\/(logout|change-password)$/.test(op.path);
  return {
    op,
    method: op.method,
    url,
    headers,
    body: op.method === 'GET' ? undefined : raw,
    kind,
    anonymous,
  };
}
