/**
 * Graceful shutdown on SIGTERM: the in-flight request finishes, event streams end with a
 * `retry:` line, new connections are refused, the database connections close, the embedded
 * PostgreSQL stops, and the process exits 0 within the bound.
 *
 * `next start` needs a production build, which `npm test` does not make. So, like
 * embedded-crash.test.ts, the first two tests use a stand-in for the Next server: a plain Node
 * HTTP server that serves the real route handlers and runs instrumentation.ts's register(),
 * started by a driver that does what `npm start` does when it stops (scripts/lib/supervise.ts)
 * with an embedded PostgreSQL in a temporary folder. The last test runs the real `npm start`
 * (on DATABASE_URL's server) where a production build of the current sources exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '@/lib/db/embedded';
import { buildIsCurrent, sourceFingerprint } from '@/scripts/lib/build-fingerprint';
import { createScratchDatabase, query } from '../helpers/db';
import { sessionCookie } from '../helpers/http';

const root = process.cwd();
const secret = process.env.NEXTAUTH_SECRET!;

// The stand-in for `next start`: real route handlers behind node:http, the way Next calls them
// (a NextRequest with a streamed body, an abort signal tied to the connection), and register().
const STAND_IN = `
import http from 'node:http';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
// tsx compiles these files to CommonJS: their exports may sit under \`default\`.
const load = async (p) => {
  const m = await import(pathToFileURL(process.cwd() + '/' + p).href);
  return { ...m.default, ...m };
};
const { NextRequest } = await load('node_modules/next/server.js');
const events = await load('app/api/v1/documents/[id]/events/route.ts');
const inbox = await load('app/api/v1/inbox/read/route.ts');
await (await load('instrumentation.ts')).register();
const routes = [
  [/^\\/api\\/v1\\/documents\\/([^/]+)\\/events$/, 'GET', events.GET, (m) => ({ id: m[1] })],
  [/^\\/api\\/v1\\/inbox\\/read$/, 'POST', inbox.POST, () => ({})],
];
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://' + req.headers.host);
  const route = routes.find(([re, method]) => method === req.method && re.test(url.pathname));
  if (!route) return res.writeHead(404).end();
  const abort = new AbortController();
  res.once('close', () => abort.abort());
  const body = req.method === 'GET' ? {} : { body: Readable.toWeb(req), duplex: 'half' };
  const request = new NextRequest(url, { method: req.method, headers: req.headers, signal: abort.signal, ...body });
  const params = Promise.resolve(route[3](url.pathname.match(route[0])));
  const response = await route[2](request, { params });
  res.statusCode = response.status; // headers set one by one, as Next's sendResponse does
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  if (!response.body) return res.end();
  const reader = response.body.getReader();
  res.once('close', () => reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true }));
    if (done || res.writableEnded) break;
    res.write(value);
  }
  if (!res.writableEnded) res.end();
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
`;

// `npm start` in small: the embedded PostgreSQL, migrations and the demo, the server as a child
// process, and scripts/lib/supervise.ts for the way down.
const DRIVER = `
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
// tsx compiles these files to CommonJS: their exports may sit under \`default\`.
const load = async (p) => {
  const m = await import(pathToFileURL(process.cwd() + '/' + p).href);
  return { ...m.default, ...m };
};
const [dataDir, port, stopTimeoutMs] = process.argv.slice(1);
const { startEmbeddedDatabase } = await load('lib/db/embedded.ts');
const { applyMigrations } = await load('lib/db/migrations.ts');
const { connectDb } = await load('lib/db/client.ts');
const { seedDemo } = await load('lib/seed/demo.ts');
const { superviseShutdown } = await load('scripts/lib/supervise.ts');
const embedded = await startEmbeddedDatabase({ dataDir });
await applyMigrations(embedded.url);
const client = connectDb(embedded.url);
await seedDemo(client);
await client.$disconnect();
let child;
const shutdown = superviseShutdown({
  server: () => child,
  embedded: () => embedded,
  stopTimeoutMs: Number(stopTimeoutMs),
  log: (line) => console.log('driver: ' + line),
});
child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', process.env.STAND_IN], {
  env: { ...process.env, DATABASE_URL: embedded.url, PORT: port, NEXT_RUNTIME: 'nodejs', NEXT_MANUAL_SIG_HANDLE: 'true' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
child.on('exit', (code) => void shutdown(code ?? 1));
console.log('database ' + embedded.url);
`;

type Proc = {
  proc: ChildProcess;
  output: () => string;
  line: (re: RegExp) => Promise<RegExpMatchArray>;
  exit: Promise<{ code: number | null; at: number }>;
};

function start(args: string[], env: NodeJS.ProcessEnv): Proc {
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) {
      const m = out.match(w.re);
      if (m) w.resolve(m);
      else waiters.push(w);
    }
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    proc.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const line = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const m = out.match(re);
      if (m) return resolve(m);
      waiters.push({ re, resolve });
      void exit.then(() => setTimeout(() => reject(new Error(`exited before ${re}:\n${out}`)), 50));
    });
  return { proc, output: () => out, line, exit };
}

/** Opens the document's event stream; resolves once the server said "connected". */
function openEvents(port: number, documentId: string, cookie: string) {
  let data = '';
  let connected!: () => void;
  const ready = new Promise<void>((r) => (connected = r));
  const ended = new Promise<string>((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/documents/${documentId}/events`,
        headers: { cookie },
      },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`events: HTTP ${res.statusCode}`));
        res.on('data', (d: Buffer) => {
          data += d.toString();
          if (data.includes(': connected')) connected();
        });
        res.on('end', () => resolve(data));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
  return { ready, ended };
}

/** A POST whose body arrives slowly: in flight until finish() sends the rest. */
function slowPost(port: number, cookie: string) {
  const body = '{"all": true}';
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/v1/inbox/read',
    headers: { cookie, 'content-type': 'application/json', 'content-length': body.length },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 5));
  return { response, finish: () => req.end(body.slice(5)) };
}

function connectError(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many connections are LISTENing, waiting up to 3 s for the count to become `want`. */
async function listeners(url: string, want: number): Promise<number> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const [row] = await query<{ n: string }>(
      url,
      `SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
    );
    const n = Number(row!.n);
    if (n === want || Date.now() > deadline) return n;
    await sleep(50);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function demoIds(
  url: string,
): Promise<{ user: { id: string; email: string; name: string }; documentId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: users } = await client.query<{ id: string; email: string; name: string }>(
      `SELECT id, email, name FROM "User" WHERE email = 'alice@example.com'`,
    );
    const { rows: docs } = await client.query<{ id: string }>(
      `SELECT d.id FROM "Document" d JOIN "Workspace" w ON w.id = d."workspaceId" WHERE w.slug = 'demo'`,
    );
    return { user: users[0]!, documentId: docs[0]!.id };
  } finally {
    await client.end();
  }
}

describe('graceful shutdown', () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'closeread-shutdown-')), 'pg');
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const runDriver = async (stopTimeoutMs: number) => {
    const port = await freePort();
    const driver = start(
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        DRIVER,
        dataDir,
        String(port),
        String(stopTimeoutMs),
      ],
      { ...process.env, STAND_IN, NEXTAUTH_SECRET: secret, DATABASE_URL: '' },
    );
    const [, url] = await driver.line(/database (\S+)/);
    await driver.line(/listening/);
    const ids = await demoIds(url!);
    const postgresPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return { driver, url: url!, port, cookie: await sessionCookie(ids.user), ...ids, postgresPid };
  };

  afterEach(async () => {
    // Never leave a PostgreSQL behind, whatever failed.
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0 && alive(pid)) process.kill(pid, 'SIGINT');
    }
  });

  it('finishes the in-flight request, ends event streams, refuses new connections, stops PostgreSQL and exits 0', async () => {
    const app = await runDriver(10_000);
    const events = openEvents(app.port, app.documentId, app.cookie);
    await events.ready;
    expect(await listeners(app.url, 1)).toBe(1); // the app's LISTEN connection
    const post = slowPost(app.port, app.cookie);
    await sleep(300); // the server has the request (its headers and half its body)

    const sentAt = Date.now();
    app.driver.proc.kill('SIGTERM');
    // The stream ends, telling the browser when to come back.
    const stream = await events.ended;
    expect(stream).toMatch(/retry: \d+\n: the server is stopping/);
    expect(await listeners(app.url, 0)).toBe(0); // closed at once, requests still running
    // The listening socket is closed: new connections are refused.
    expect(await connectError(app.port)).toBe('ECONNREFUSED');
    // The request that was in flight still completes, with the database reachable.
    post.finish();
    const done = await post.response;
    expect(done).toEqual({ status: 200, body: '{"marked":0}' });

    const { code, at } = await app.driver.exit;
    expect(code).toBe(0);
    expect(at - sentAt).toBeLessThan(10_000);
    const out = app.driver.output();
    expect(out).toMatch(/SIGTERM: finishing 2 open request\(s\)/);
    // Connections were closed after the last request, then PostgreSQL stopped.
    expect(out.indexOf('closed the database connections')).toBeGreaterThan(-1);
    expect(out.indexOf('driver: stopped the embedded PostgreSQL')).toBeGreaterThan(
      out.indexOf('closed the database connections'),
    );
    expect(alive(app.postgresPid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false); // a clean shutdown removes it
  }, 60_000);

  it('kills a server that does not finish within the bound, then still stops PostgreSQL and exits 0', async () => {
    const app = await runDriver(1_500);
    const post = slowPost(app.port, app.cookie); // never finished: the drain cannot complete
    post.response.catch(() => {});
    await sleep(300);
    const sentAt = Date.now();
    app.driver.proc.kill('SIGTERM');
    const { code, at } = await app.driver.exit;
    expect(code).toBe(0);
    expect(at - sentAt).toBeGreaterThanOrEqual(1_400);
    expect(at - sentAt).toBeLessThan(6_000);
    expect(app.driver.output()).toMatch(/did not stop within 1\.5 s; killing it/);
    expect(alive(app.postgresPid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
  }, 60_000);

  const built =
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    buildIsCurrent(root, sourceFingerprint(root));
  (built ? it : it.skip)(
    'npm start with the real Next server (runs only where `npm run build` of these sources exists)',
    async () => {
      const scratch = await createScratchDatabase();
      try {
        const port = await freePort();
        const app = start(['--import', 'tsx', 'scripts/start.ts'], {
          ...process.env,
          DATABASE_URL: scratch.url,
          PORT: String(port),
          NEXTAUTH_SECRET: secret,
          NEXTAUTH_URL: `http://localhost:${port}`,
          NODE_ENV: 'production',
        });
        await app.line(/Closeread is running/);
        const ids = await demoIds(scratch.url);
        const cookie = await sessionCookie(ids.user);
        const events = openEvents(port, ids.documentId, cookie);
        await events.ready;
        const post = slowPost(port, cookie);
        await sleep(300);
        const sentAt = Date.now();
        app.proc.kill('SIGTERM');
        expect(await events.ended).toMatch(/retry: \d+\n: the server is stopping/);
        expect(await connectError(port)).toBe('ECONNREFUSED');
        post.finish();
        expect(await post.response).toEqual({ status: 200, body: '{"marked":0}' });
        const { code, at } = await app.exit;
        expect(code).toBe(0);
        expect(at - sentAt).toBeLessThan(10_000);
        expect(app.output()).toMatch(/closed the database connections/);
      } finally {
        await scratch.drop();
      }
    },
    120_000,
  );
});
