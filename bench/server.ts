/** The production server under test: build if needed, start on a free port, find, measure, stop. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sourceFingerprint } from '../scripts/lib/build-fingerprint';
import { serverNodeOptions } from '../scripts/lib/server-node-options';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

// Our own stamp, not scripts/start.ts's: `npm start` should still rebuild without the switch.
const STAMP = path.join(root, '.next', 'closeread-bench-fingerprint');

/** Why the current build cannot serve the benchmark, or null when it can. */
export function buildProblem(opts: { checkSources?: boolean } = {}): string | null {
  const dist = path.join(root, '.next');
  if (!existsSync(path.join(dist, 'BUILD_ID'))) return 'no production build (.next/BUILD_ID)';
  if (!existsSync(path.join(dist, 'prerender-manifest.json'))) return 'an incomplete build';
  const manifest = path.join(dist, 'app-path-routes-manifest.json');
  const routes = existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';
  if (!routes.includes('/bench-baseline/insert')) return 'the build has no /bench-baseline routes';
  const page = path.join(dist, 'server', 'app', 'bench-baseline', 'static.html');
  if (!existsSync(page) || !readFileSync(page, 'utf8').includes('data-bench-baseline'))
    return 'the static baseline was prerendered without CLOSEREAD_BENCH=1';
  if (opts.checkSources !== false) {
    const stamp = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
    if (stamp !== sourceFingerprint(root)) return 'the sources changed since the bench built';
  }
  return null;
}

/** Whether the build serves `route` (e.g. `/api/v1/search`). */
export function buildHasRoute(route: string): boolean {
  const manifest = path.join(root, '.next', 'app-path-routes-manifest.json');
  if (!existsSync(manifest)) return false;
  return Object.values(
    JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>,
  ).includes(route);
}

export function build(): void {
  // Sources may change while building: stamp what the build started from.
  const fingerprint = sourceFingerprint(root);
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      // The root layout reads the session, so prerendering the static baseline needs a secret;
      // none is baked into the build (the server reads NEXTAUTH_SECRET at run time).
      NEXTAUTH_SECRET: 'closeread-bench-build-only-secret-0123456789',
      ...process.env,
      CLOSEREAD_BENCH: '1',
      // One token drives the whole load test.
      CLOSEREAD_API_REQUESTS_PER_MINUTE: '100000000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  writeFileSync(STAMP, fingerprint);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type Server = { child: ChildProcess; port: number; origin: string; log: string[] };

/** A line of V8's `--trace-gc` output (kept out of the log, passed to `onGcTrace`). */
const GC_TRACE = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: /;

export async function startServer(
  env: Record<string, string>,
  opts: { nodeArgs?: string[]; onGcTrace?: (line: string) => void } = {},
): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [...(opts.nodeArgs ?? []), nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      NEXTAUTH_URL: origin,
      CLOSEREAD_BENCH: '1',
      // One token drives the whole load test.
      CLOSEREAD_API_REQUESTS_PER_MINUTE: '100000000',
      NEXT_TELEMETRY_DISABLED: '1',
      // The production server's V8 flags, after any the caller gives (the soak's heap cap).
      NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS ?? process.env.NODE_OPTIONS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      if (GC_TRACE.test(line)) opts.onGcTrace?.(line);
      else log.push(line);
    }
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${log.slice(-10).join('\n')}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.status < 500) return { child, port, origin, log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('next start did not answer within 60 s');
}

export async function stopServer(server: Server): Promise<void> {
  // A process killed by a signal (V8's out-of-memory abort) has no exit code, only a signal; its
  // 'exit' event has already fired.
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The pid of the process listening on `port` (`next start` may serve from a child process). */
export function listeningPid(port: number): number | null {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return null;
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Resets the peak RSS counter (Linux: write 5 to clear_refs); false when not permitted. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
