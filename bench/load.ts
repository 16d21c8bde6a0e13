/** Load steps (autocannon over loopback), sign-in for a session cookie, and raw `pg` baselines. */
import autocannon, { type Request } from 'autocannon';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';

export type Load = {
  /** Successful requests per second. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
  connections: number;
  seconds: number;
};

export type Step = {
  origin: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Varies each request (e.g. a different thread per POST). */
  vary?: (n: number) => { path?: string; body?: string };
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
};

let serverPid: number | null = null;

/** The server process whose CPU use `drain` watches between steps. */
export function watchServer(pid: number | null): void {
  serverPid = pid;
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/**
 * Waits until the server is idle: a client that gives up does not stop a render in progress,
 * so a slow step's abandoned requests would otherwise eat into the next step.
 */
export async function drain(maxSeconds = 90): Promise<void> {
  if (!serverPid) return;
  const end = Date.now() + maxSeconds * 1000;
  let last = cpuTicks(serverPid);
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuTicks(serverPid);
    if (now - last < 10) return; // under 20 % of one core over 0.5 s (100 ticks/s)
    last = now;
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * For slow endpoints (seconds per request): closed-loop `fetch` workers that let a request in
 * flight at the deadline finish (up to 30 s), so every sample is a complete response.
 */
async function slowLoad(step: Step, connections: number, seconds: number): Promise<Load> {
  const end = Date.now() + seconds * 1000;
  const times: number[] = [];
  let failed = 0;
  let n = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const v = step.vary?.((n += 1)) ?? {};
        const started = performance.now();
        const res = await fetch(`${step.origin}${v.path ?? step.path}`, {
          method: step.method ?? 'GET',
          headers: step.headers,
          body: v.body ?? step.body,
          signal: AbortSignal.timeout(end - Date.now() + 30_000),
        }).catch(() => null);
        await res?.arrayBuffer().catch(() => null);
        if (res?.ok) times.push(performance.now() - started);
        else failed += 1;
      }
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    rps: times.length / elapsed,
    p50: pct(times, 0.5),
    p99: pct(times, 0.99),
    requests: times.length,
    failed,
    connections,
    seconds: elapsed,
  };
}

/**
 * Runs a probe request, a warm-up and the measured step, then waits for the server to go idle.
 * Endpoints slower than 1 s per request use `slowLoad`, others autocannon. Fails when more than
 * 1 % of responses are not 2xx.
 */
export async function load(step: Step): Promise<Load> {
  const connections = step.connections ?? 10;
  const seconds = Math.min(step.seconds ?? 5, 10);
  const method = step.method ?? 'GET';
  const probe = performance.now();
  const res = await fetch(`${step.origin}${step.path}`, {
    method,
    headers: step.headers,
    body: step.body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${step.path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  const slow = performance.now() - probe > 1000;
  let result: Load;
  if (slow) {
    result = await slowLoad(step, connections, seconds);
  } else {
    let n = 0;
    const request: Request = {
      method,
      path: step.path,
      ...(step.headers ? { headers: step.headers } : {}),
      ...(step.body ? { body: step.body } : {}),
    };
    // autocannon calls setupRequest whenever the key is present.
    if (step.vary) request.setupRequest = (req) => ({ ...req, ...step.vary!((n += 1)) });
    const run = (duration: number) =>
      autocannon({ url: step.origin, connections, duration, timeout: 30, requests: [request] });
    if ((step.warmupSeconds ?? 2) > 0) {
      await run(step.warmupSeconds ?? 2);
      await drain();
    }
    const r = await run(seconds);
    result = {
      rps: r['2xx'] / r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r['2xx'],
      failed: r.non2xx + r.errors + r.timeouts,
      connections,
      seconds: r.duration,
    };
  }
  await drain();
  const total = result.requests + result.failed;
  if (result.requests === 0 || result.failed > 0.01 * total)
    throw new Error(`${method} ${step.path}: ${result.failed} failed of ${total}`);
  return result;
}

/** Signs in with next-auth's credentials provider; returns the Cookie header for the session. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  take(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  take(res);
  const session = [...jar.keys()].find((k) => k.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return `${session}=${jar.get(session)}`;
}

/** One timed request; returns milliseconds, status and body size. */
export async function timed(url: string, headers: Record<string, string>) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - t0, status: res.status, bytes };
}

/**
 * One timed download as a browser asks for it (gzip accepted), timed until the last byte is
 * received and NOT decompressed while timing: decompressing 70 MB in the bench process would
 * take CPU from the server being measured on the same two cores (fetch() always decompresses).
 * The body is decompressed afterwards, to report its real size and check it is whole.
 */
export function timedDownload(
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: number; bytes: number; wireBytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers: { ...headers, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const ms = performance.now() - t0;
        const body = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        try {
          const bytes = encoding === 'gzip' ? gunzipSync(body).byteLength : body.byteLength;
          resolve({ ms, status: res.statusCode ?? 0, bytes, wireBytes: body.byteLength, encoding });
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    req.on('error', reject);
  });
}

/** Baseline (e): raw `pg` INSERTs and primary-key SELECTs from Node, 10 workers on a pool of 10. */
export async function rawPg(url: string, seconds = 3) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const measure = async (query: (i: number) => Promise<unknown>) => {
      const end = Date.now() + seconds * 1000;
      const times: number[] = [];
      let i = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (Date.now() < end) {
            const t0 = performance.now();
            await query((i += 1));
            times.push(performance.now() - t0);
          }
        }),
      );
      times.sort((a, b) => a - b);
      return { rps: times.length / seconds, p50: times[Math.floor(times.length / 2)] ?? 0 };
    };
    await pool.query(`INSERT INTO bench_baseline (v) VALUES ('seed')`);
    const insert = await measure((i) =>
      pool.query('INSERT INTO bench_baseline (v) VALUES ($1)', [`raw${i}`]),
    );
    const select = await measure((i) =>
      pool.query('SELECT id, v FROM bench_baseline WHERE id = $1', [1 + (i % 1000)]),
    );
    return { insert, select };
  } finally {
    await pool.end();
  }
}
