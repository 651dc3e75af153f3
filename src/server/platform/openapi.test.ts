import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

// The served description must be a contract a client can be generated from: valid OpenAPI 3.1,
// every $ref resolvable, and openapi-typescript's output compiling against real use. Offline:
// the document comes from app.inject and nothing is fetched.

type Operation = {
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  'x-rate-limit'?: { perMinute: number; key: string; shared?: string } | null;
  description?: string;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

let t: TestApp;
let doc: Doc;
let body: string;
let tmp: string;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '600', PUBLIC_RATE_LIMIT_PER_MINUTE: '90' });
  const res = await t.app.inject({ url: '/api/openapi.json' });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  body = res.body;
  doc = JSON.parse(body);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-openapi-'));
});
afterAll(async () => {
  await t?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function operations() {
  return Object.entries(doc.paths).flatMap(([url, item]) =>
    Object.entries(item).map(([method, op]) => ({ url, method, op })),
  );
}

describe('the API description', () => {
  it('validates as OpenAPI 3.1 with every $ref resolved', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(body));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // Throws on a reference to a component that does not exist (the old schema0).
    expect(() => validator.resolveRefs()).not.toThrow();
    expect(doc.components.schemas).toHaveProperty('FrameworkGroup');
    expect(doc.components.schemas).toHaveProperty('ApiError');
  });

  it('states auth, errors and the rate limit of every operation', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(100);
    for (const { url, method, op } of ops) {
      const where = `${method.toUpperCase()} ${url}`;
      expect(op.security, where).toBeDefined();
      expect(op.responses['500'], where).toBeDefined();
      expect(op, where).toHaveProperty('x-rate-limit');
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || url === '/api/health') continue;
        expect(response.content?.['application/json']?.schema, `${where} ${status}`).toEqual({
          $ref: '#/components/schemas/ApiError',
        });
      }
    }
    const op = (url: string, method: string) => doc.paths[url]?.[method] as Operation;

    // Public read: no credentials, the framework calculator's own budget.
    const frameworks = op('/api/v1/frameworks', 'get');
    expect(frameworks.security).toEqual([]);
    expect(frameworks['x-rate-limit']).toEqual({ perMinute: 120, key: 'session-or-address' });
    expect(Object.keys(frameworks.responses)).toEqual(['200', '429', '500', '503']);
    expect(frameworks.description).toContain('120 requests per minute');

    // Signed-in write: session and CSRF header together, the configured global budget.
    const createOrg = op('/api/v1/orgs', 'post');
    expect(createOrg.security).toEqual([{ session: [], csrf: [] }]);
    expect(createOrg['x-rate-limit']).toEqual({ perMinute: 600, key: 'session-or-address' });
    expect(Object.keys(createOrg.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '413', '415', '429', '500']),
    );
    expect(createOrg.responses['409']?.description).toContain('VERSION_CONFLICT');

    // Signed-in read: the session alone; a path id that matches nothing is 404.
    const framework = op('/api/v1/frameworks/{id}', 'get');
    expect(framework.responses['404']).toBeDefined();
    expect(op('/api/v1/me', 'get').security).toEqual([{ session: [] }]);

    // Sign-in declares its 401 (wrong credentials) although it is public.
    const login = op('/api/v1/auth/login', 'post');
    expect(login.security).toEqual([]);
    expect(login.responses['401']?.description).toContain('INVALID_CREDENTIALS');
    expect(login['x-rate-limit']?.perMinute).toBe(20);

    // The open data share one budget, set by PUBLIC_RATE_LIMIT_PER_MINUTE.
    expect(op('/api/v1/public/summary', 'get')['x-rate-limit']).toEqual({
      perMinute: 90,
      key: 'session-or-address',
      shared: 'open-data',
    });
    expect(op('/api/v1/public/summary', 'get').responses['429']).toBeDefined();
  });

  it('generates a typed client with openapi-typescript that compiles', async () => {
    const ast = await openapiTS(JSON.parse(body) as OpenAPI3);
    const source = astToString(ast);
    expect(source).toContain('"/api/v1/frameworks/{id}"');
    expect(source).toContain('FrameworkGroup');
    fs.writeFileSync(path.join(tmp, 'api.ts'), source);
    // A client's use of the generated types: the recursive group, an error code, a request body.
    fs.writeFileSync(
      path.join(tmp, 'usage.ts'),
      `import type { components, paths } from './api';
type Framework = paths['/api/v1/frameworks/{id}']['get']['responses'][200]['content']['application/json']['data'];
type Group = components['schemas']['FrameworkGroup'];
const leaf: Group = { code: 'A1', name: { id: 'Aspek', en: 'Aspect' }, kind: 'aspect', weight: 100, indicators: [1] };
const root: Framework['groups'][number] = { code: 'D1', name: { id: 'Domain', en: 'Domain' }, kind: 'domain', weight: 100, groups: [leaf] };
const code: components['schemas']['ApiError']['error']['code'] = 'NOT_FOUND';
type LoginFailed = paths['/api/v1/auth/login']['post']['responses'][401]['content']['application/json'];
const failed: LoginFailed = { error: { code: 'INVALID_CREDENTIALS', message: 'Email atau kata sandi salah.' } };
type Login = NonNullable<paths['/api/v1/auth/login']['post']['requestBody']>['content']['application/json'];
const login: Pick<Login, 'email'> = { email: 'a@example.test' };
// @ts-expect-error a code outside the catalogue is not an API error code
const unknown: components['schemas']['ApiError']['error']['code'] = 'NO_SUCH_CODE';
// @ts-expect-error a group needs its weight
const partial: Group = { code: 'X', name: { id: 'X', en: 'X' }, kind: 'domain' };
export { code, failed, login, partial, root, unknown };
`,
    );
    const program = ts.createProgram([path.join(tmp, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
