/**
 * `npm run db:restore -- <file> [--into <database-url>] [--force]`: loads a `db:backup` dump
 * into a database (--into, else DATABASE_URL, else the embedded one) with pg_restore, in one
 * transaction: a restore that fails part-way changes nothing. A database that already has
 * tables is refused unless --force, which replaces the objects in the dump (--clean --if-exists).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runMain } from './lib/database';
import {
  dbnameArg,
  describeUrl,
  findPgTool,
  formatCounts,
  libpqEnv,
  runTool,
  serverMajor,
  tableCounts,
  toolError,
  withDatabaseFor,
} from './lib/pg-tools';

const USAGE = 'usage: npm run db:restore -- <file> [--into <database-url>] [--force]';

function parseArgs(argv: string[]): { file: string; into?: string; force: boolean } {
  let file: string | undefined;
  let into: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') force = true;
    else if (arg === '--into') {
      into = argv[++i];
      if (!into) throw new Error(`--into needs a database URL; ${USAGE}`);
    } else if (arg.startsWith('--into=')) into = arg.slice('--into='.length);
    else if (arg.startsWith('-') || file) throw new Error(`unexpected argument "${arg}"; ${USAGE}`);
    else file = arg;
  }
  if (!file) throw new Error(USAGE);
  return { file, into, force };
}

async function restore(file: string, url: string, force: boolean): Promise<void> {
  const pgRestore = findPgTool('pg_restore', await serverMajor(url));
  const { env, database } = libpqEnv(url);
  const target = describeUrl(url);

  // A file that is not a dump is refused before anything touches the database.
  const list = await runTool(pgRestore, ['--list', file], env);
  if (list.code !== 0) {
    throw new Error(
      `${file} is not a readable backup (${toolError(list.stderr)}); ${target} was not changed`,
    );
  }
  const before = await tableCounts(url);
  if (before.size > 0 && !force) {
    const rows = [...before.values()].reduce((a, b) => a + b, 0);
    throw new Error(
      `${target} is not empty (${before.size} tables, ${rows.toLocaleString('en-US')} rows) and was not changed; ` +
        'pass --force to replace its contents with the backup',
    );
  }

  const args = [
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-privileges',
    dbnameArg(database),
  ];
  if (before.size > 0) args.push('--clean', '--if-exists');
  const started = Date.now();
  const { code, stderr } = await runTool(pgRestore, [...args, file], env);
  if (code !== 0) {
    throw new Error(
      `pg_restore failed and was rolled back, ${target} was not changed: ${toolError(stderr)}`,
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`restored ${file} into ${target} in ${seconds} s with pg_restore ${pgRestore.major}`);
  console.log(`rows:\n${formatCounts(await tableCounts(url))}`);
}

runMain(async () => {
  const { file, into, force } = parseArgs(process.argv.slice(2));
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new Error(`${file} does not exist`);
  if (into) await restore(absolute, into, force);
  else await withDatabaseFor('restore into it', (url) => restore(absolute, url, force));
});
