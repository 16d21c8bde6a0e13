// Starts the production build on a free port against a fresh, migrated and seeded database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRunDatabase } from '../../setup/run-database.mjs';

const root = process.cwd();

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, log) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not become healthy: ${log()}`);
}

export default async function globalSetup() {
  const run = await createRunDatabase('closeread-e2e');
  globalThis.__e2eRunDatabase = run;
  const databaseUrl = run.url;

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: 'e2e-secret-that-is-at-least-32-characters',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts'], {
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    // Jest sets NODE_ENV=test; the build must be the production one (next.config.js adds HSTS
    // only there), as `npm run build` makes it in CI.
    const build = spawnSync(process.execPath, [nextBin, 'build'], {
      env: { ...env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, NODE_ENV: 'production', NEXTAUTH_URL: baseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  globalThis.__e2eServer = child;
  await waitForHealth(baseUrl, child, () => output.slice(-2000));
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATABASE_URL = databaseUrl;
}
