/**
 * `npm run bench [-- --scale 1|10] [--only reader,search,…] [--build | --reuse-build] [--markdown]`:
 * creates a fresh database, seeds it, starts the production server against it, measures the
 * baselines and figures, prints one table and saves bench/results/<date>.json. Exits 1 when a
 * target is missed, 2 when something broke, 0 when every measured target passed; `--only` runs
 * the named figures (and the baselines), so any one of them can be run as a check.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { createApiToken } from '../lib/auth/api-tokens';
import { db } from '../lib/db/client';
import { DEMO_PASSWORD } from '../lib/seed/demo';
import { createDatabase, dropDatabase, freshDatabaseName, seedDatabase } from './database';
import {
  baselines,
  commentFigures,
  exportFigures,
  listFigures,
  readerFigures,
  searchFigures,
  substringFilterFigures,
  type Ctx,
} from './figures';
import { liveFigures, revisionFigures } from './figures-writes';
import { signIn, watchServer } from './load';
import { formatMarkdown, formatTable, saveResults, type Row } from './report';
import { parseScale } from './seed';
import { build, buildProblem, listeningPid, startServer, stopServer, type Server } from './server';

const log = (line: string) => console.error(`bench: ${line}`);

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const scale = parseScale(argv);
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
  const started = Date.now();
  const problem = argv.includes('--build')
    ? 'asked to rebuild (--build)'
    : buildProblem({ checkSources: !argv.includes('--reuse-build') });
  if (problem) {
    log(`building: ${problem}`);
    build();
  }

  const name = freshDatabaseName();
  const rows: Row[] = [];
  const errors: string[] = [];
  let server: Server | undefined;
  const extra: Record<string, unknown> = {};
  log(`database ${name}`);
  const url = await createDatabase(name);
  try {
    const { summary, timings } = await seedDatabase(url, scale, log);
    extra.seed = { timings, counts: summary.counts, docs: summary.docs };
    rows.push({
      figure: `seeding, scale ${scale}`,
      value: `${timings.total.toFixed(1)} s`,
      target: '—',
      pass: null,
      note: `${summary.counts.documents} docs, ${summary.counts.blocks} blocks, ${summary.counts.annotations} ann., ${summary.counts.comments} comments`,
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE bench_baseline (id serial primary key, v text)');
    await client.end();
    process.env.DATABASE_URL = url;
    const { token } = await createApiToken(summary.aliceId, { name: 'bench', scope: 'write' });
    await db().$disconnect();

    const serverEnv = { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString('hex') };
    server = await startServer(serverEnv).catch((err: Error) => {
      // Others share .next: a build of theirs may have replaced ours meanwhile.
      const why = buildProblem({ checkSources: false });
      if (!why) throw err;
      log(`rebuilding: ${why}`);
      build();
      return startServer(serverEnv);
    });
    log(`server on ${server.origin} (pid ${server.child.pid})`);
    watchServer(listeningPid(server.port));
    const cookie = await signIn(server.origin, 'alice@example.com', DEMO_PASSWORD);
    const ctx: Ctx = {
      origin: server.origin,
      port: server.port,
      databaseUrl: url,
      seed: summary,
      cookie,
      token,
      log,
    };
    const { base, rows: baseRows } = await baselines(ctx);
    rows.push(...baseRows);
    extra.baselines = base;
    const steps: [string, () => Promise<Row[]>][] = [
      ['reader', () => readerFigures(ctx, base)],
      ['list', () => listFigures(ctx, base)],
      ['search', () => searchFigures(ctx)],
      ['export', () => exportFigures(ctx)],
      ['live', () => liveFigures(ctx)],
      // These change data: a new revision of the big document, then many comments.
      ['revision', () => revisionFigures(ctx)],
      ['comments', () => commentFigures(ctx, base)],
      // Informational and slow at scale 10: last, so its leftovers cannot skew a target.
      ['search', () => substringFilterFigures(ctx)],
    ];
    for (const [label, step] of steps.filter(([label]) => !only || only.has(label))) {
      try {
        rows.push(...(await step()));
      } catch (err) {
        errors.push(`${label}: ${(err as Error).message}`);
        rows.push({
          figure: label,
          value: 'error',
          target: '',
          pass: null,
          note: (err as Error).message,
        });
      }
    }
  } catch (err) {
    errors.push((err as Error).stack ?? String(err));
  } finally {
    if (server) {
      const useful = server.log.filter((l) => !/^\s+at |ECONNRESET|Error: aborted|^\s*}$/.test(l));
      if (errors.length) log(`server log tail:\n${useful.slice(-30).join('\n')}`);
      await stopServer(server);
    }
    await dropDatabase(name).catch((err) => errors.push(`drop database: ${err}`));
  }

  console.log(formatTable(rows));
  if (argv.includes('--markdown')) console.log(`\n${formatMarkdown(rows)}`);
  const file = saveResults({
    date: new Date().toISOString(),
    scale,
    seconds: (Date.now() - started) / 1000,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGb: os.totalmem() / 2 ** 30,
      node: process.version,
    },
    rows,
    errors,
    ...extra,
  });
  log(`results saved to ${file}`);
  for (const e of errors) console.error(`bench error: ${e}`);
  const missed = rows.filter((r) => r.pass === false).map((r) => r.figure);
  if (missed.length)
    console.error(`bench: ${missed.length} target(s) missed: ${missed.join('; ')}`);
  return errors.length ? 2 : missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
