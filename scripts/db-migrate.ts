/** `npm run db:migrate`: applies pending migrations (offline, under Prisma's advisory lock).
 *  `npm run db:migrate -- --rolled-back <name>` marks a failed migration as rolled back,
 *  like `prisma migrate resolve --rolled-back`, once the database has been repaired. */
import pg from 'pg';
import { applyMigrations } from '../lib/db/migrations';
import { runMain, withDatabase } from './lib/database';

runMain(async () => {
  const args = process.argv.slice(2);
  await withDatabase(async (url) => {
    if (args[0] === '--rolled-back') {
      const name = args[1];
      if (!name) throw new Error('usage: npm run db:migrate -- --rolled-back <migration name>');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rowCount } = await client.query(
        'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL',
        [name],
      );
      await client.end();
      console.log(rowCount ? `marked ${name} as rolled back` : `no failed migration named ${name}`);
      return;
    }
    const report = await applyMigrations(url);
    console.log(
      report.applied.length
        ? `applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`
        : `database is up to date (${report.alreadyApplied} migration(s))`,
    );
  });
});
