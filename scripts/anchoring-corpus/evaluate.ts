/**
 * Scores the engine against the committed corpus. Shared by tune.ts (threshold choice on the
 * tuning half), bench/anchoring.ts and the held-out jest test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchor, describe, reanchor, type Anchor } from '../../lib/anchoring';
import type { CorpusCase, CorpusDoc } from './build';

export const CORPUS_DIR = path.join(__dirname, '../../__tests__/fixtures/anchoring/corpus');

export type Half = 'tune' | 'heldout';

export function loadCorpus(half: Half): CorpusDoc[] {
  const dir = path.join(CORPUS_DIR, half);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CorpusDoc);
}

export type Outcome = { c: CorpusCase; doc: string; result: Anchor | null };

export type Metrics = {
  intact: number;
  intactExact: number;
  deleted: number;
  orphaned: number;
  edited: number;
  editedOverlap: number;
  rewritten: number;
  rewrittenFalse: number;
  total: number;
  falseAnchors: number;
};

const overlaps = (r: Anchor, s: number, e: number): boolean => r.start < e && s < r.end;

/**
 * Is an anchor at [start, end) an acceptable answer for this case: intact text re-found exactly,
 * edited or rewritten text overlapped, never for deleted text? (The calibrations' label.)
 */
export function acceptable(c: CorpusCase, start: number, end: number): boolean {
  const [, , , cls, es, ee] = c;
  if (cls === 'deleted') return false;
  if (cls === 'intact') return start === es && end === ee;
  return start < ee && es < end;
}

/** Is this outcome a false anchor (anchored where the expected answer does not overlap)? */
export function isFalse(c: CorpusCase, r: Anchor | null): boolean {
  if (!r) return false;
  const [, , , cls, es, ee] = c;
  if (cls === 'deleted') return true;
  return !overlaps(r, es, ee);
}

export function score(outcomes: Outcome[]): Metrics {
  const m: Metrics = {
    intact: 0,
    intactExact: 0,
    deleted: 0,
    orphaned: 0,
    edited: 0,
    editedOverlap: 0,
    rewritten: 0,
    rewrittenFalse: 0,
    total: 0,
    falseAnchors: 0,
  };
  for (const { c, result: r } of outcomes) {
    const [, , , cls, es, ee] = c;
    m.total++;
    if (isFalse(c, r)) m.falseAnchors++;
    if (cls === 'intact') {
      m.intact++;
      if (r && r.start === es && r.end === ee) m.intactExact++;
    } else if (cls === 'deleted') {
      m.deleted++;
      if (!r) m.orphaned++;
    } else if (cls === 'edited') {
      m.edited++;
      if (r && overlaps(r, es, ee)) m.editedOverlap++;
    } else {
      m.rewritten++;
      if (isFalse(c, r)) m.rewrittenFalse++;
    }
  }
  return m;
}

export function rates(m: Metrics): {
  intactExact: number;
  orphanRecall: number;
  editedOverlap: number;
  falseAnchors: number;
} {
  const pct = (a: number, b: number): number => (b === 0 ? 100 : (100 * a) / b);
  return {
    intactExact: pct(m.intactExact, m.intact),
    orphanRecall: pct(m.orphaned, m.deleted),
    editedOverlap: pct(m.editedOverlap, m.edited),
    falseAnchors: pct(m.falseAnchors, m.total),
  };
}

/** anchor() with only the selector made on the old text (the imported-annotation case). */
export function runAnchor(docs: CorpusDoc[], threshold?: number): Outcome[] {
  const out: Outcome[] = [];
  for (const d of docs) {
    for (const c of d.cases) {
      const result = anchor(
        d.new,
        describe(d.old, c[0], c[1]),
        threshold === undefined ? {} : { threshold },
      );
      out.push({ c, doc: d.id, result });
    }
  }
  return out;
}

export function runReanchor(
  docs: CorpusDoc[],
  options: Parameters<typeof reanchor>[3] = {},
): Outcome[] {
  const out: Outcome[] = [];
  for (const d of docs) {
    const res = reanchor(
      d.old,
      d.new,
      d.cases.map((c) => ({ start: c[0], end: c[1] })),
      options,
    );
    d.cases.forEach((c, i) => out.push({ c, doc: d.id, result: res[i] ?? null }));
  }
  return out;
}

/** Applies a stricter threshold after the fact (valid because results at 0 carry confidence). */
export function withThreshold(
  outcomes: Outcome[],
  t: number,
  only?: (r: Anchor) => boolean,
): Outcome[] {
  return outcomes.map((o) => ({
    ...o,
    result:
      o.result && (only === undefined || only(o.result)) && o.result.confidence < t
        ? null
        : o.result,
  }));
}

/** Cost used to choose thresholds: a false anchor costs FALSE_COST times a missed answer. */
export const FALSE_COST = 4;

export function cost(m: Metrics): number {
  return (
    m.intact -
    m.intactExact +
    (m.edited - m.editedOverlap) +
    (m.deleted - m.orphaned) * 0 + // a wrongly anchored orphan is already counted as false
    FALSE_COST * m.falseAnchors
  );
}

export function formatRow(name: string, m: Metrics): string {
  const r = rates(m);
  const f = (x: number): string => x.toFixed(1).padStart(6);
  return `${name.padEnd(22)}${f(r.intactExact)} %${f(r.orphanRecall)} %${f(r.editedOverlap)} %${f(r.falseAnchors)} %   (n=${m.intact}/${m.deleted}/${m.edited}/${m.rewritten})`;
}

export const TABLE_HEADER = `${''.padEnd(22)}intact exact  orphan rec  edited ovl  false anch`;
