/** The result table: printed as aligned text, and saved as JSON under bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Row = {
  figure: string;
  value: string;
  baseline?: string;
  ratio?: string;
  target: string;
  /** null: informational (baselines, figures without a target, not available). */
  pass: boolean | null;
  note?: string;
};

const verdict = (r: Row) =>
  r.pass === null ? (r.target === '—' ? 'info' : '—') : r.pass ? 'PASS' : 'FAIL';

export function formatTable(rows: Row[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'pass/fail', 'note'];
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.baseline ?? '',
    r.ratio ?? '',
    r.target,
    verdict(r),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join(
    '\n',
  );
}

/** Markdown version of the table (for bench/README.md). */
export function formatMarkdown(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| figure | value | baseline | ratio | target | pass/fail | note |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${[r.figure, r.value, r.baseline ?? '', r.ratio ?? '', r.target, verdict(r), r.note ?? ''].map(esc).join(' | ')} |`,
    ),
  ].join('\n');
}

export function saveResults(data: Record<string, unknown>): string {
  const dir = path.join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-').slice(0, 19);
  const file = path.join(dir, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
