/** `npm run db:check`: fails when schema.prisma has changes without a migration, or when the
 *  database has drifted from the migrations folder. */
import path from 'node:path';
import { applyMigrations, defaultMigrationsDir } from '../lib/db/migrations';
import { openSchemaEngine } from './lib/schema-engine';
import { runMain, withDatabase } from './lib/database';

runMain(async () => {
  await withDatabase(async (url) => {
    await applyMigrations(url);
    const engine = await openSchemaEngine({
      databaseUrl: url,
      schemaPath: path.join(process.cwd(), 'prisma', 'schema.prisma'),
      migrationsDir: defaultMigrationsDir(),
    });
    try {
      const pending = await engine.pendingMigrationSql();
      if (pending.trim()) {
        throw new Error(
          `schema.prisma has changes without a migration; run: npm run db:new -- <name>\n${pending}`,
        );
      }
      const drift = await engine.driftReason();
      if (drift) throw new Error(`the database drifted from the migrations folder: ${drift}`);
      console.log('schema.prisma, migrations and database agree');
    } finally {
      engine.close();
    }
  });
});
