/**
 * `npm run db:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
 * difference between the migrations folder and prisma/schema.prisma, offline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultMigrationsDir } from '../lib/db/migrations';
import { openSchemaEngine } from './lib/schema-engine';
import { runMain, withDatabase } from './lib/database';

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

runMain(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new Error('usage: npm run db:new -- <name>   (lowercase letters, digits, underscores)');
  }
  const migrationsDir = defaultMigrationsDir();
  await withDatabase(async (url) => {
    const engine = await openSchemaEngine({
      databaseUrl: url,
      schemaPath: path.join(process.cwd(), 'prisma', 'schema.prisma'),
      migrationsDir,
    });
    try {
      const sql = await engine.pendingMigrationSql();
      if (!sql.trim()) {
        console.log('schema.prisma matches the migrations folder: nothing to write');
        return;
      }
      const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'migration.sql'), sql);
      console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    } finally {
      engine.close();
    }
  });
});
