/**
 * Cross-validates anchor()'s calibration inside the tuning half: packages are dealt into K folds
 * (hash order); for each fold the model is fitted and the orphan threshold chosen on the other
 * folds exactly as tune.ts does (boosted trees, threshold on out-of-fold confidences inside
 * them: ADR 22), and the fold's own cases are answered with them.
 *
 *   npx tsx scripts/anchoring-corpus/cross-validate.ts [K=5] [--logistic]
 *
 * `--logistic` runs the same procedure with the logistic model over featureVector() (anchor()'s
 * calibration before ADR 22) for comparison.
 *
 * What it is for: judging a change to the calibration's features (lib/anchoring/calibrate.ts,
 * evidence.ts) or to the trees' settings without looking at the held-out half. The cross-
 * validated row is the estimate of how the procedure does on documents it has not seen.
 */
import { formatRow, loadCorpus, score, TABLE_HEADER, type Outcome } from './evaluate';
import { budgetCost, measure, ANCHOR_FALSE_BUDGET } from './tune-choice';
import {
  anchorOutcomes,
  anchorRows,
  chooseAnchorThreshold,
  fitAnchor,
  fitAnchorBoosted,
  outOfFoldConfidence,
  packageFolds,
  type AnchorRow,
} from './tune-calibration';

function main(): void {
  const args = process.argv.slice(2);
  const logistic = args.includes('--logistic');
  const k = Number(args.find((a) => !a.startsWith('--')) ?? 5);
  const fit = (rows: AnchorRow[]) => (logistic ? fitAnchor(rows) : fitAnchorBoosted(rows));
  const docs = loadCorpus('tune');
  const rows = anchorRows(docs);
  const fold = packageFolds(rows, k);
  const packages = new Set(docs.map((d) => d.package)).size;
  console.log(
    `anchor(), ${logistic ? 'logistic' : 'boosted trees'}: ${rows.length} tuning cases, ${packages} packages, ${k} folds`,
  );

  const outcomes: Outcome[] = [];
  const thresholds: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => fold(r) !== f);
    const model = fit(train);
    const t = chooseAnchorThreshold(train, outOfFoldConfidence(train, fit, k - 1)).best.t;
    thresholds.push(t);
    outcomes.push(
      ...anchorOutcomes(
        rows.filter((r) => fold(r) === f),
        model.conf,
        t,
      ),
    );
  }
  const metrics = score(outcomes);
  const r = measure(metrics);
  console.log(TABLE_HEADER);
  console.log(
    `${formatRow('cross-validated', metrics)} cost ${r.cost}, chooser's cost ${budgetCost(r, ANCHOR_FALSE_BUDGET)}`,
  );
  console.log(`thresholds chosen per fold: ${thresholds.join(', ')}`);
}

main();
