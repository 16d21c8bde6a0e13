import pg from 'pg';

export default async function globalTeardown() {
  const child = globalThis.__e2eServer;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        r();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
  const info = globalThis.__e2eDb;
  if (info) {
    const admin = new pg.Client({ connectionString: info.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${info.name}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__e2eEmbedded?.stop();
}
