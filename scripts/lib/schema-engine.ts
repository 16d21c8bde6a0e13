/**
 * Drives Prisma's schema engine compiled to WebAssembly, because the native engine binary
 * cannot be downloaded on these machines (docs/adr/0002-offline-prisma.md).
 *
 * This talks to an internal API of a pinned prerelease package
 * (@prisma/schema-engine-wasm 7.10.0-7.561d7b4…): keep it small and the version exact.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { listMigrations } from '../../lib/db/migrations';

const require = createRequire(__filename);

// adapter-pg cannot type pg_catalog's "char" columns (OID 18) that introspection reads:
// report them as text (OID 25). Patched once, in this dev-only process.
type PgResult = { addFields(fields: { dataTypeID: number }[]): void };
const ResultProto = (require('pg/lib/result') as { prototype: PgResult }).prototype;
const originalAddFields = ResultProto.addFields;
ResultProto.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
  originalAddFields.call(this, fields);
};

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  devDiagnostic(params: unknown): Promise<{ action: { tag: string; reason?: string } }>;
  free(): void;
};

async function loadEngineModule(): Promise<{
  SchemaEngine: { new: (o: unknown, log: (s: string) => void, a: unknown) => Promise<Engine> };
}> {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bg = await import(path.join(dir, 'schema_engine_bg.js'));
  const bytes = readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

function pgConfig(url: string): pg.PoolConfig {
  // The adapter needs discrete settings: a connection string would override the shadow
  // database's name.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

/** A migration-aware adapter factory whose shadow database we create and drop ourselves. */
function adapterFactory(url: string) {
  const config = pgConfig(url);
  const main = new PrismaPg(config);
  return {
    provider: 'postgres' as const,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const name = `closeread_shadow_${process.pid}_${Date.now()}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const adapter = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(config);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}

export type SchemaEngineSession = {
  /** SQL that turns the migrations folder's end state into schema.prisma ('' when none). */
  pendingMigrationSql(): Promise<string>;
  /** null when the database matches the migrations folder, else the engine's reason. */
  driftReason(): Promise<string | null>;
  close(): void;
};

export async function openSchemaEngine(opts: {
  databaseUrl: string;
  schemaPath: string;
  migrationsDir: string;
}): Promise<SchemaEngineSession> {
  const mod = await loadEngineModule();
  const schema = readFileSync(opts.schemaPath, 'utf8');
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[opts.schemaPath, schema]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory(opts.databaseUrl) as never),
  );
  const lockPath = path.join(opts.migrationsDir, 'migration_lock.toml');
  const migrationsList = {
    baseDir: opts.migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: listMigrations(opts.migrationsDir).map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
    })),
  };
  const filters = { externalTables: [], externalEnums: [] };
  return {
    async pendingMigrationSql() {
      const result = await engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: opts.schemaPath, content: schema }] },
        script: true,
        exitCode: true,
        filters,
      });
      const sql = result.stdout ?? '';
      return sql.includes('This is an empty migration') ? '' : sql;
    },
    async driftReason() {
      const out = await engine.devDiagnostic({ migrationsList, filters });
      return out.action.tag === 'createMigration' ? null : (out.action.reason ?? out.action.tag);
    },
    close: () => engine.free(),
  };
}
