/**
 * `npm run db:backup [-- --out <file>]`: dumps the database (DATABASE_URL, else the embedded
 * one) with `pg_dump --format=custom`, by default into backups/closeread-<UTC time>.dump.
 * The dump is written to a `.partial` file and renamed only when pg_dump succeeded, so a file
 * with the final name is always complete. Restore it with `npm run db:restore -- <file>`.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { runMain } from './lib/database';
import {
  dbnameArg,
  findPgTool,
  formatBytes,
  formatCounts,
  libpqEnv,
  runTool,
  serverMajor,
  tableCounts,
  toolError,
  withDatabaseFor,
} from './lib/pg-tools';

const USAGE = 'usage: npm run db:backup [-- --out <file>]';

function parseArgs(argv: string[]): { out?: string } {
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') out = argv[++i];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else throw new Error(`unknown argument "${arg}"; ${USAGE}`);
    if (!out) throw new Error(`--out needs a file name; ${USAGE}`);
  }
  return { out };
}

function defaultFile(now: Date): string {
  // 2026-11-29T07-17-03Z: sortable, and valid in file names everywhere.
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return path.join('backups', `closeread-${stamp}.dump`);
}

runMain(async () => {
  const { out } = parseArgs(process.argv.slice(2));
  const file = path.resolve(out ?? defaultFile(new Date()));
  if (existsSync(file)) throw new Error(`${file} already exists; choose another --out`);

  await withDatabaseFor('back it up', async (url) => {
    const pgDump = findPgTool('pg_dump', await serverMajor(url));
    // Dumps hold password hashes and token digests: only the owner may read them.
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.partial-${process.pid}`;
    const removePartial = () => rmSync(partial, { force: true });
    process.once('exit', removePartial);

    const started = Date.now();
    const { env, database } = libpqEnv(url);
    // pg_dump syncs its output to disk before it exits successfully (unless --no-sync).
    const { code, stderr } = await runTool(
      pgDump,
      ['--format=custom', `--file=${partial}`, dbnameArg(database)],
      env,
    );
    if (code !== 0) {
      removePartial();
      throw new Error(`pg_dump failed, no backup was written: ${toolError(stderr)}`);
    }
    chmodSync(partial, 0o600);
    renameSync(partial, file);
    process.off('exit', removePartial);
    const dir = openSync(path.dirname(file), 'r');
    fsyncSync(dir);
    closeSync(dir);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    const counts = await tableCounts(url);
    console.log(`backup: ${file}`);
    console.log(
      `size: ${formatBytes(statSync(file).size)}, ${seconds} s with pg_dump ${pgDump.major} (${pgDump.path})`,
    );
    console.log(`rows:\n${formatCounts(counts)}`);
    const shown = path.relative(process.cwd(), file);
    console.log(`restore with: npm run db:restore -- ${shown.startsWith('..') ? file : shown}`);
  });
});
