/**
 * `npm run bench:compare [-- <scale-1.json> <scale-10.json>]`: figure 8, growth. Puts the latest
 * scale-1 and scale-10 results of figures 1–4 side by side (or the two files given) and says
 * how each grew with ten times the data: flat (≤ 1.5×), logarithmic (≤ 3×, about what log(10×)
 * costs an index lookup), or linear (more). Times grow when worse; throughputs when they fall.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatTable, type Row } from './report';

type Result = { scale: number; date: string; rows: Row[] };

const FIGURES = [
  '1. reader 2,000 blocks/5,000 ann.: p50 @1 conn',
  '1. reader demo doc (50 ann.): throughput',
  '2. POST comment: throughput',
  '2. POST comment: p50 @10 conn (100k stored)',
  '3. annotations?limit=200 (500 threads): p50',
  '3. annotations?limit=200: throughput',
  '4. search (100k comments, 2k docs): p50',
];

/** The newest result file of this scale that measured `figure` (runs may use --only). */
function latest(dir: string, scale: number, figure?: string): string | undefined {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse()
    .find((f) => {
      const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Result;
      return (
        r.scale === scale &&
        r.rows.some((row) => (figure ? row.figure === figure : FIGURES.includes(row.figure)))
      );
    });
}

/** The number in a value cell: "857 ms" → 857, "38.9 req/s" → 38.9. */
const number = (value: string) => Number(/[\d.]+/.exec(value)?.[0] ?? NaN);

export function growth(one: Row, ten: Row): { factor: number; verdict: string } {
  const higherIsWorse = !/req\/s/.test(one.value);
  const a = number(one.value);
  const b = number(ten.value);
  const factor = higherIsWorse ? b / a : a / b;
  const verdict =
    !Number.isFinite(factor) || factor <= 0
      ? 'n/a'
      : factor <= 1.5
        ? 'flat'
        : factor <= 3
          ? 'logarithmic'
          : 'linear';
  return { factor, verdict };
}

/** A result row with the file it came from, and the run's baseline (b)/(c)/(d) for context. */
function measured(dir: string, given: string | undefined, scale: number, figure: string) {
  const file = given ?? latest(dir, scale, figure);
  if (!file) return null;
  const r = JSON.parse(
    readFileSync(path.isAbsolute(file) ? file : path.join(dir, file), 'utf8'),
  ) as Result;
  const row = r.rows.find((x) => x.figure === figure);
  const staticBaseline = r.rows.find((x) => x.figure === '(a) static page')?.value ?? '?';
  return row ? { row, file, staticBaseline } : null;
}

function main() {
  const dir = path.join(process.cwd(), 'bench', 'results');
  const [fileOne, fileTen] = process.argv.slice(2);
  const rows: Row[] = [];
  const files = new Set<string>();
  for (const figure of FIGURES) {
    const a = measured(dir, fileOne, 1, figure);
    const b = measured(dir, fileTen, 10, figure);
    if (!a || !b) continue;
    files.add(
      `scale 1: ${a.file} ((a) ${a.staticBaseline}); scale 10: ${b.file} ((a) ${b.staticBaseline})`,
    );
    const { factor, verdict } = growth(a.row, b.row);
    rows.push({
      figure: `8. growth: ${figure}`,
      value: `${a.row.value} → ${b.row.value}`,
      ratio: Number.isFinite(factor) ? `${factor.toFixed(2)}×` : '',
      target: 'flat or log',
      pass: verdict === 'n/a' ? null : verdict !== 'linear',
      note: verdict,
    });
  }
  if (rows.length === 0)
    throw new Error(
      'need a scale-1 and a scale-10 result: npm run bench; npm run bench -- --scale 10',
    );
  // Runs on a shared machine differ in speed: each pair names its runs' static baseline (a).
  console.log(`${[...files].join('\n')}\n`);
  console.log(formatTable(rows));
  process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
}

if (process.argv[1]?.endsWith('compare.ts')) main();
