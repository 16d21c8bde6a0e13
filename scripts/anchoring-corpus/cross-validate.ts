/**
 * Cross-validates anchor()'s calibration inside the tuning half: packages are dealt into K folds
 * (hash order); for each fold the logistic model is fitted and the orphan threshold chosen
 * (tune-choice.ts) on the other folds, and the fold's own cases are answered with them.
 *
 *   npx tsx scripts/anchoring-corpus/cross-validate.ts [K=5]
 *
 * What it is for: judging a change to the calibration's features (lib/anchoring/calibrate.ts)
 * without looking at the held-out half. The in-sample row (fit and threshold on all of the
 * tuning half, as tune.ts does) is optimistic; the cross-validated row is the estimate of how
 * the same procedure does on documents it has not seen.
 */
import { CALIBRATION } from '../../lib/anchoring/thresholds';
import { hash } from './build';
import { formatRow, loadCorpus, score, TABLE_HEADER, type Outcome } from './evaluate';
import { budgetCost, measure, ANCHOR_FALSE_BUDGET } from './tune-choice';
import { anchorOutcomes, anchorRows, chooseAnchorThreshold, fitAnchor } from './tune-calibration';

function main(): void {
  const k = Number(process.argv[2] ?? 5);
  const docs = loadCorpus('tune');
  const packageOf = new Map(docs.map((d) => [d.id, d.package]));
  const packages = [...new Set(docs.map((d) => d.package))].sort((a, b) => hash(a) - hash(b));
  const foldOf = new Map(packages.map((p, i) => [p, i % k]));
  const rows = anchorRows(docs);
  const fold = (r: (typeof rows)[number]): number => foldOf.get(packageOf.get(r.doc)!)!;

  const all = fitAnchor(rows);
  const inSample = chooseAnchorThreshold(rows, all.conf).best;
  const same = all.weights.every((w, i) => w === CALIBRATION[i]);
  console.log(`anchor(): ${rows.length} tuning cases, ${packages.length} packages, ${k} folds`);
  console.log(`in-sample weights equal thresholds.ts CALIBRATION: ${same ? 'yes' : 'no'}`);

  const outcomes: Outcome[] = [];
  const thresholds: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => fold(r) !== f);
    const test = rows.filter((r) => fold(r) === f);
    const fit = fitAnchor(train);
    const t = chooseAnchorThreshold(train, fit.conf).best.t;
    thresholds.push(t);
    outcomes.push(...anchorOutcomes(test, fit.conf, t));
  }
  const inSampleMetrics = score(anchorOutcomes(rows, all.conf, inSample.t));
  const cvMetrics = score(outcomes);
  const costs = (m: ReturnType<typeof score>): string => {
    const r = measure(m);
    return `cost ${r.cost}, chooser's cost ${budgetCost(r, ANCHOR_FALSE_BUDGET)}`;
  };
  console.log(TABLE_HEADER);
  console.log(
    `${formatRow(`in-sample t=${inSample.t}`, inSampleMetrics)} ${costs(inSampleMetrics)}`,
  );
  console.log(`${formatRow('cross-validated', cvMetrics)} ${costs(cvMetrics)}`);
  console.log(`thresholds chosen per fold: ${thresholds.join(', ')}`);
}

main();
