/**
 * `npm start`: the whole app with one command. Starts PostgreSQL (embedded unless DATABASE_URL
 * is set), applies migrations, seeds the demo workspace, builds when the sources changed, and
 * serves. Ctrl-C or SIGTERM lets the server finish its open requests (instrumentation.ts), then
 * stops the embedded database, cleanly (scripts/lib/supervise.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ConfigError, parseEnv } from '../lib/config/env';
import { connectDb } from '../lib/db/client';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../lib/db/embedded';
import { applyMigrations } from '../lib/db/migrations';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../lib/seed/demo';
import { localAuthSecret } from './lib/auth-secret';
import { buildIsCurrent, sourceFingerprint, stampPath } from './lib/build-fingerprint';
import { superviseShutdown } from './lib/supervise';
import { serverNodeOptions } from './lib/server-node-options';

const root = process.cwd();
const dev = process.argv.includes('--dev');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function fail(message: string): never {
  console.error(`closeread: ${message}`);
  process.exit(1);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`PORT must be a port number, got "${process.env.PORT}"`);
  if (!(await portIsFree(port)))
    fail(`port ${port} is already in use (is Closeread already running?); set PORT to use another`);

  const userEnvIsProduction = process.env.NODE_ENV === 'production';
  if (!process.env.NEXTAUTH_SECRET) {
    if (userEnvIsProduction) fail('NEXTAUTH_SECRET is required in production');
    process.env.NEXTAUTH_SECRET = localAuthSecret(root);
  }
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    try {
      embedded = await startEmbeddedDatabase({ log: (l) => console.error(`postgres: ${l}`) });
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
    process.env.DATABASE_URL = embedded.url;
    console.log('closeread: started the embedded PostgreSQL (data in .data/postgres)');
  }

  let child: ChildProcess | undefined;
  const shutdown = superviseShutdown({ server: () => child, embedded: () => embedded });

  try {
    parseEnv({ ...process.env, PORT: String(port) });
    const report = await applyMigrations(process.env.DATABASE_URL!);
    if (report.applied.length)
      console.log(`closeread: applied ${report.applied.length} migration(s)`);
    const demo = process.env.CLOSEREAD_DEMO !== '0';
    if (demo) {
      const client = connectDb(process.env.DATABASE_URL!);
      try {
        const { created } = await seedDemo(client);
        if (created) console.log('closeread: seeded the demo workspace');
      } finally {
        await client.$disconnect();
      }
    }

    if (!dev) {
      const fingerprint = sourceFingerprint(root);
      if (!buildIsCurrent(root, fingerprint)) {
        console.log(
          'closeread: building the app (first start or changed sources; about a minute)…',
        );
        const build = spawnSync(process.execPath, [nextBin, 'build'], {
          stdio: 'inherit',
          env: process.env,
        });
        if (build.status !== 0) throw new Error('next build failed (see above)');
        writeFileSync(stampPath(root), fingerprint);
      }
    }

    // With setpriv, Next gets SIGTERM if this process dies, even by SIGKILL: no orphaned
    // server keeps the port. (The embedded PostgreSQL's orphan is taken over on next start.)
    const nextArgs = [nextBin, dev ? 'dev' : 'start', '-p', String(port)];
    const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
    const [command, args] = setpriv
      ? [setpriv, ['--pdeathsig', 'TERM', process.execPath, ...nextArgs]]
      : [process.execPath, nextArgs];
    child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      // Next leaves SIGTERM/SIGINT to instrumentation.ts, which drains requests and event
      // streams and closes the database connections before it exits.
      env: dev
        ? process.env
        : {
            ...process.env,
            NEXT_MANUAL_SIG_HANDLE: 'true',
            NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
          },
    });
    let announced = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
        announced = true;
        console.log(`\nCloseread is running at http://localhost:${port}`);
        if (demo) {
          console.log(
            `Demo sign-in: ${DEMO_USERS[0].email} (owner) or ${DEMO_USERS[1].email} (member), password ${DEMO_PASSWORD}`,
          );
        }
        console.log('Press Ctrl-C to stop.\n');
      }
    });
    child.on('exit', (code) => void shutdown(code ?? 1));
  } catch (err) {
    const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
    console.error(`closeread: ${message}`);
    await shutdown(1);
  }
}

void main();
