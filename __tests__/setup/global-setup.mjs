// One fresh database per test run. With DATABASE_URL, it is created on that server; without,
// an embedded PostgreSQL is started in a temporary folder (the app's default, exercised too).
import { tsImport } from 'tsx/esm/api';
import { createRunDatabase } from './run-database.mjs';

export default async function globalSetup() {
  const { applyMigrations } = await tsImport('../../lib/db/migrations.ts', import.meta.url);
  const run = await createRunDatabase('closeread-test');
  if (run.embedded) process.env.CLOSEREAD_TEST_EMBEDDED = '1';
  process.env.CLOSEREAD_TEST_SERVER_URL = run.serverUrl;
  process.env.DATABASE_URL = run.url;
  process.env.NEXTAUTH_SECRET ??= 'test-secret-that-is-at-least-32-characters-long';
  process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
  await applyMigrations(run.url);
  globalThis.__closereadRunDatabase = run;
}
