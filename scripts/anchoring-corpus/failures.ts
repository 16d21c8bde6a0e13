/**
 * Prints failing cases of the corpus for manual auditing (never used to tune).
 *
 *   npx tsx scripts/anchoring-corpus/failures.ts [tune|heldout] [anchor|reanchor] [metric] [n] [group]
 *
 * With a group name (`prose`, `asciidoc`; packages.ts), only that group's packages are run.
 */
import {
  isFalse,
  loadCorpus,
  runAnchor,
  runReanchor,
  score,
  formatRow,
  type Half,
} from './evaluate';
import { PACKAGES } from './packages';

function main(): void {
  const half = (process.argv[2] ?? 'tune') as Half;
  const fn = process.argv[3] ?? 'reanchor';
  const metric = process.argv[4] ?? 'all';
  const limit = Number(process.argv[5] ?? 30);
  const group = process.argv[6];
  const inGroup = new Set(PACKAGES.filter((p) => p.group === group).map((p) => p.name));
  const docs = loadCorpus(half).filter((d) => group === undefined || inGroup.has(d.package));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const outcomes = fn === 'anchor' ? runAnchor(docs) : runReanchor(docs);
  console.log(formatRow(fn, score(outcomes)));
  let shown = 0;
  const esc = (s: string): string => JSON.stringify(s);
  for (const o of outcomes) {
    const [s, e, kind, cls, es, ee] = o.c;
    const r = o.result;
    let fail = '';
    if (cls === 'intact' && !(r && r.start === es && r.end === ee)) fail = 'intact';
    else if (cls === 'deleted' && r) fail = 'deleted';
    else if (cls === 'edited' && !(r && r.start < ee && es < r.end)) fail = 'edited';
    else if (isFalse(o.c, r)) fail = 'false';
    if (!fail) continue;
    if (metric !== 'all' && metric !== fail && !(metric === 'false' && isFalse(o.c, r))) continue;
    if (shown++ >= limit) continue;
    const d = byId.get(o.doc)!;
    console.log(
      `\n### ${fail} ${cls}/${kind} ${o.doc} [${s},${e}) exp [${es},${ee}) false=${isFalse(o.c, r)}`,
    );
    console.log(
      `  old: ${esc(d.old.slice(Math.max(0, s - 60), s))} [[${esc(d.old.slice(s, e))}]] ${esc(d.old.slice(e, e + 60))}`,
    );
    if (es >= 0)
      console.log(
        `  exp: ${esc(d.new.slice(Math.max(0, es - 60), es))} [[${esc(d.new.slice(es, ee))}]] ${esc(d.new.slice(ee, ee + 60))}`,
      );
    if (r)
      console.log(
        `  got: ${r.method} ${r.confidence} [${r.start},${r.end}) ${esc(d.new.slice(Math.max(0, r.start - 60), r.start))} [[${esc(d.new.slice(r.start, r.end))}]] ${esc(d.new.slice(r.end, r.end + 60))}`,
      );
    else console.log('  got: null');
  }
  console.log(`\n${shown} shown/total failing`);
}

// `failures.ts ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
main();
