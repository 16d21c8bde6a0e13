/**
 * `npm run bench:seed -- --scale 1|10 [--database-url <url>]`: seeds the benchmark data set.
 * Without --database-url (or DATABASE_URL) it creates a fresh closeread_bench_<ts> database and
 * leaves it in place, printing its URL; drop it yourself when done.
 */
import { createDatabase, freshDatabaseName, seedDatabase } from './database';

export function parseScale(argv: string[]): number {
  const i = argv.indexOf('--scale');
  const raw = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? '1');
  const scale = Number(raw);
  if (scale !== 1 && scale !== 10) throw new Error(`--scale must be 1 or 10, got ${raw}`);
  return scale;
}

async function main() {
  const argv = process.argv.slice(2);
  const scale = parseScale(argv);
  const i = argv.indexOf('--database-url');
  let url = i >= 0 ? argv[i + 1] : process.env.DATABASE_URL;
  if (!url) {
    const name = freshDatabaseName();
    url = await createDatabase(name);
    console.log(`created database ${name}`);
  }
  const { summary, timings } = await seedDatabase(url, scale, (l) => console.log(`seed: ${l}`));
  console.log(
    JSON.stringify({ url, timings, counts: summary.counts, docs: summary.docs }, null, 2),
  );
}

if (process.argv[1]?.endsWith('seed.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
