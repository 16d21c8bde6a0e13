import pg from 'pg';

export default async function globalTeardown() {
  const info = globalThis.__closereadTestDb;
  if (info) {
    const admin = new pg.Client({ connectionString: info.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${info.name}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__closereadEmbedded?.stop();
}
