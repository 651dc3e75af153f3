import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import autocannon from 'autocannon';

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor200(url: string, timeoutMs = 120_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    const res = await fetch(url).catch(() => null);
    if (res?.status === 200) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`no 200 from ${url}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type Proc = { child: ChildProcess; port: number; stop: () => Promise<void> };

/** Starts a Node process in its own OS process so the load generator never shares its CPU time. */
export function startNode(args: string[], env: Record<string, string>, port: number): Proc {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident and peak memory (MiB) of a process, from /proc. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export function progress(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export async function load(
  url: string,
  opts: { connections?: number; duration?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url, connections: opts.connections ?? 50, duration, headers: opts.headers, pipelining: 1 });
  progress(`load ${url}`);
  await run(2); // warm-up: JIT, connection pools, caches
  const r = await run(opts.duration ?? 10);
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

export async function sampleLogin(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'livinglab-sample' }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * One JSON write with a session (cookie + CSRF) over a keep-alive agent: the save loops' request,
 * built per call because each carries the version of the previous answer (autocannon reuses one).
 * A network error resolves as status 0 so a loop can count it.
 */
export function putJson(
  agent: http.Agent,
  base: string,
  path: string,
  session: { cookie: string; csrf: string },
  payload: unknown,
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  const body = JSON.stringify(payload);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'PUT',
        path,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}
