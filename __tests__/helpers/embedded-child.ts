/**
 * A stand-in for the app process in the crash tests: starts the embedded PostgreSQL in the data
 * folder given, then writes, reads or just holds it. Run with tsx by the tests.
 */
import pg from 'pg';
import { DataDirInUseError, startEmbeddedDatabase } from '../../lib/db/embedded';

async function main() {
  const [dataDir, mode] = process.argv.slice(2);
  if (!dataDir || !mode) throw new Error('usage: embedded-child <dataDir> write|read|hold');
  let db;
  try {
    db = await startEmbeddedDatabase({ dataDir });
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      console.log(`in-use ${err.message}`);
      process.exit(3);
    }
    throw err;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS crash_test (id serial PRIMARY KEY, note text)');
  if (mode === 'write') {
    await client.query('BEGIN');
    await client.query("INSERT INTO crash_test (note) VALUES ('committed')");
    await client.query('COMMIT');
    // An uncommitted write in flight when the process is killed must not survive.
    await client.query('BEGIN');
    await client.query("INSERT INTO crash_test (note) VALUES ('in-flight')");
    console.log('written');
  } else if (mode === 'read') {
    const { rows } = await client.query<{ note: string }>(
      'SELECT note FROM crash_test ORDER BY id',
    );
    console.log(`rows ${JSON.stringify(rows.map((r) => r.note))}`);
    await client.end();
    await db.stop();
    process.exit(0);
  } else {
    console.log('holding');
  }
  setInterval(() => {}, 1_000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
