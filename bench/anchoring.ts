/**
 * Anchoring benchmark: speed on generated and real 400 KB documents, and the quality table on
 * the held-out half of the corpus.   npm run bench:anchoring   (tsx bench/anchoring.ts)
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  anchor,
  describe,
  reanchor,
  ANCHOR_THRESHOLD,
  REANCHOR_AROUND,
  REANCHOR_AROUND_KEPT,
  REANCHOR_FALLBACK_THRESHOLD,
  REANCHOR_IN_PLACE_MIN_KEEP,
  REANCHOR_LINE_MOVE_SIM,
  REANCHOR_MOVE_MIN_CHARS,
  REANCHOR_MOVED_MIN_KEEP,
  REANCHOR_MOVED_THRESHOLD,
  REANCHOR_ONE_SIDE_MIN_KEEP,
  REANCHOR_REFINE_MAX_GAP,
  REANCHOR_MIN_KEEP,
} from '../lib/anchoring';
import {
  formatRow,
  loadCorpus,
  runAnchor,
  runReanchor,
  score,
  TABLE_HEADER,
} from '../scripts/anchoring-corpus/evaluate';
import { PACKAGES } from '../scripts/anchoring-corpus/packages';
import { REPORT_FILE } from '../scripts/anchoring-corpus/tune';
import {
  generated,
  realText,
  revise,
  rewritten,
  rng,
  spans,
  TARGET,
} from '../scripts/anchoring-corpus/synthetic';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

const ms = (x: number): string => `${x.toFixed(2)} ms`;

function speed(name: string, oldText: string): void {
  const newText = revise(oldText, 7);
  const sp = spans(oldText, 2000, 11);
  const sels = sp.map((s) => describe(oldText, s.start, s.end));
  // Cold: first call folds the document and builds its q-gram index.
  let t0 = performance.now();
  anchor(newText, sels[0]!);
  const cold = performance.now() - t0;
  const times: number[] = [];
  for (const sel of sels.slice(0, 1000)) {
    t0 = performance.now();
    anchor(newText, sel);
    times.push(performance.now() - t0);
  }
  t0 = performance.now();
  const res = reanchor(oldText, newText, sp);
  const re = performance.now() - t0;
  const anchored = res.filter((x) => x !== null).length;
  console.log(
    `${name.padEnd(28)} ${(oldText.length / 1000).toFixed(0)} KB -> ${(newText.length / 1000).toFixed(0)} KB | anchor: cold ${ms(cold)}, p50 ${ms(pct(times, 0.5))}, p99 ${ms(pct(times, 0.99))}, max ${ms(Math.max(...times))} | reanchor 2000 spans: ${ms(re)} (${anchored} anchored)`,
  );
}

/** The worst case for reanchor: every span lost, each falls back to selector search. */
/** Best of three: these runs take long enough that one slow run on a shared machine misleads. */
function bestOf3(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Revisions that rewrote a share of the sentences: more spans fall back to selector search.
 * Each is shown as a multiple of the mild revision (revise()) of the same text, measured in the
 * same run, so a slow machine does not hide a regression.
 */
function heavyRevisions(): void {
  const oldText = generated(1);
  const sp = spans(oldText, 2000, 11);
  const mildText = revise(oldText, 7);
  const mild = bestOf3(() => reanchor(oldText, mildText, sp));
  const rows = [0.1, 0.25, 0.5].map((share) => {
    const newText = rewritten(oldText, share, 3);
    const t = bestOf3(() => reanchor(oldText, newText, sp));
    return `${share * 100} % rewritten ${ms(t)} (${(t / mild).toFixed(1)}x)`;
  });
  console.log(
    `heavy revisions, 400 KB, reanchor 2000 spans (best of 3): mild ${ms(mild)}, ${rows.join(', ')}`,
  );
}

/**
 * 2,000 spans on every real revision pair of the corpus (small documents largely rewritten are
 * the densest fallback load): the median, and the slowest three re-measured as best of 3.
 */
function realRevisions(): void {
  const docs = [...loadCorpus('tune'), ...loadCorpus('heldout')];
  const timed = docs.map((d) => {
    const sp = spans(d.old, 2000, 11);
    const t0 = performance.now();
    reanchor(d.old, d.new, sp);
    return { d, sp, t: performance.now() - t0 };
  });
  timed.sort((x, y) => y.t - x.t);
  const median = timed[Math.floor(timed.length / 2)]!.t;
  const slowest = timed.slice(0, 3).map(({ d, sp }) => {
    const t = bestOf3(() => reanchor(d.old, d.new, sp));
    return `${d.id} (${(d.old.length / 1000).toFixed(0)} KB) ${ms(t)}`;
  });
  console.log(
    `every real revision pair (${docs.length}), reanchor 2000 spans: median ${ms(median)}; slowest (best of 3): ${slowest.join(', ')}`,
  );
}

function replacedDocument(): void {
  const oldText = generated(1);
  const newText = generated(2);
  const sp = spans(oldText, 2000, 11);
  const t0 = performance.now();
  const res = reanchor(oldText, newText, sp);
  const re = performance.now() - t0;
  const anchored = res.filter((x) => x !== null).length;
  console.log(
    `document replaced by another, 400 KB each | reanchor 2000 spans: ${ms(re)} (${anchored} anchored; not a target, the bound for a revision that rewrote everything)`,
  );
}

function repeatedShortQuote(): void {
  const r = rng(3);
  const parts: string[] = [];
  let len = 0;
  let count = 0;
  while (len < TARGET) {
    const filler = generated(Math.floor(r() * 1e9)).slice(0, 60 + Math.floor(r() * 120));
    parts.push(filler, count < 3000 ? ' qz ' : ' ');
    if (count < 3000) count++;
    len += filler.length + 4;
  }
  const text = parts.join('');
  const at = text.indexOf(' qz ', Math.floor(text.length / 2)) + 1;
  const sel = describe(text, at, at + 2);
  const shifted = 'A new opening line shifts every offset.\n' + text;
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const a = anchor(shifted, sel);
    times.push(performance.now() - t0);
    if (i === 0 && (!a || a.start !== at + 40))
      console.log('  (warning: repeated quote not re-found exactly)', a);
  }
  const occ = text.split(' qz ').length - 1;
  console.log(
    `2-char quote x ${occ} occurrences, 400 KB, shifted text: p50 ${ms(pct(times, 0.5))}, max ${ms(Math.max(...times))}`,
  );
}

function quality(): void {
  const docs = loadCorpus('heldout');
  const cases = docs.reduce((s, d) => s + d.cases.length, 0);
  console.log(
    `\nQuality on the HELD-OUT half (${docs.length} revision pairs, ${cases} cases; never used for tuning)`,
  );
  console.log(TABLE_HEADER);
  console.log(formatRow('anchor', score(runAnchor(docs))));
  // The same engine with no minimum score: what a Hypothesis-style "always attach" policy gives.
  console.log(formatRow('anchor, no threshold', score(runAnchor(docs, 0))));
  console.log(formatRow('reanchor', score(runReanchor(docs))));
  // The held-out evaluation is on prose documents, AsciiDoc and spec sources: the same
  // rows for the corpus's prose and AsciiDoc groups alone (packages.ts), which are closest to it.
  for (const group of ['prose', 'AsciiDoc'] as const) {
    const names = new Set(
      PACKAGES.filter((p) => p.group === group.toLowerCase()).map((p) => p.name),
    );
    const part = docs.filter((d) => names.has(d.package));
    console.log(formatRow(`anchor, ${group} part`, score(runAnchor(part))));
    console.log(formatRow(`reanchor, ${group} part`, score(runReanchor(part))));
  }
  console.log(
    formatRow('targets anchor', {
      intact: 1000,
      intactExact: 993,
      deleted: 100,
      orphaned: 80,
      edited: 100,
      editedOverlap: 88,
      rewritten: 0,
      rewrittenFalse: 0,
      total: 100,
      falseAnchors: 2,
    }),
  );
  console.log(
    formatRow('targets reanchor', {
      intact: 1000,
      intactExact: 998,
      deleted: 100,
      orphaned: 95,
      edited: 100,
      editedOverlap: 95,
      rewritten: 0,
      rewrittenFalse: 0,
      total: 100,
      falseAnchors: 0.5,
    }),
  );
  console.log(
    '(n = intact/deleted/edited/rewritten cases; rewritten = <50% kept, null or overlap both accepted)',
  );
  if (fs.existsSync(REPORT_FILE)) {
    const rep = JSON.parse(fs.readFileSync(REPORT_FILE, 'utf8'));
    console.log(
      `\nThresholds (chosen on the tuning half, ${rep.cases} cases; anchor: ${rep.anchor.chosen.rule}; reanchor: ${rep.reanchor.chosen.rule}):` +
        `\n  ANCHOR_THRESHOLD=${ANCHOR_THRESHOLD} (calibrated probability), REANCHOR_MIN_KEEP=${REANCHOR_MIN_KEEP}, REANCHOR_ONE_SIDE_MIN_KEEP=${REANCHOR_ONE_SIDE_MIN_KEEP}, REANCHOR_IN_PLACE_MIN_KEEP=${REANCHOR_IN_PLACE_MIN_KEEP}, REANCHOR_AROUND=${REANCHOR_AROUND} (${REANCHOR_AROUND_KEPT} kept), REANCHOR_FALLBACK_THRESHOLD=${REANCHOR_FALLBACK_THRESHOLD}, REANCHOR_MOVED_THRESHOLD=${REANCHOR_MOVED_THRESHOLD}, REANCHOR_LINE_MOVE_SIM=${REANCHOR_LINE_MOVE_SIM}, REANCHOR_MOVED_MIN_KEEP=${REANCHOR_MOVED_MIN_KEEP}, REANCHOR_REFINE_MAX_GAP=${REANCHOR_REFINE_MAX_GAP}, REANCHOR_MOVE_MIN_CHARS=${REANCHOR_MOVE_MIN_CHARS}`,
    );
    console.log(
      '  anchor threshold sweep on the tuning half (t: intact / orphan / edited / false):',
    );
    for (const row of rep.anchor.sweep) {
      const r = row.rates;
      console.log(
        `    t=${row.t.toFixed(2)}: ${r.intactExact.toFixed(1)} / ${r.orphanRecall.toFixed(1)} / ${r.editedOverlap.toFixed(1)} / ${r.falseAnchors.toFixed(2)} %  cost ${row.cost}`,
      );
    }
    console.log(
      '  calibration (confidence bin: observed acceptable %):',
      rep.anchor.calibration
        .map((d: { bin: string; observed: number | null }) => `${d.bin}: ${d.observed ?? '-'}`)
        .join(', '),
    );
  }
}

function main(): void {
  console.log('Speed (single thread, Node ' + process.version + ')');
  speed('generated prose', generated(1));
  speed('real READMEs (corpus)', realText());
  repeatedShortQuote();
  heavyRevisions();
  realRevisions();
  replacedDocument();
  quality();
}

main();
