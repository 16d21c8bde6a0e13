/**
 * Builds the anchoring corpus: real revisions of npm package docs (README and docs/*.md of
 * consecutive published versions), spans sampled from the old revision, each classified by an
 * independent ground truth (see groundtruth.ts). Output: __tests__/fixtures/anchoring/corpus/
 * {tune,heldout}/*.json. Whole packages go to one half so tuning never sees held-out documents.
 *
 *   npx tsx scripts/anchoring-corpus/build.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsOf, fetchAll } from './fetch';
import { classify } from './classify';
import { coveredNew, groundTruthMap } from './groundtruth';
import { PACKAGES } from './packages';

const OUT = path.join(__dirname, '../../__tests__/fixtures/anchoring/corpus');
const MAX_DOC_CHARS = 150_000;
const MAX_DOCS_PER_PAIR = 4;
/** Prose packages: a specification's source runs to ~250 KB; manuals have many pages. */
const PROSE_MAX_DOC_CHARS = 300_000;
const PROSE_MAX_DOCS_PER_PAIR = 6;
const CASES_PER_10K = 100;
const MAX_CASES = 400;

export type CorpusCase = [
  start: number,
  end: number,
  kind: string,
  cls: string,
  expStart: number,
  expEnd: number,
];
export type CorpusDoc = {
  id: string;
  package: string;
  path: string;
  from: string;
  to: string;
  old: string;
  new: string;
  cases: CorpusCase[];
};

/** mulberry32: small deterministic PRNG so rebuilding gives the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Word = { s: number; e: number };

function sampleSpans(
  text: string,
  map: Int32Array,
  rand: () => number,
  count: number,
): { s: number; e: number; kind: string }[] {
  const words: Word[] = [...text.matchAll(/[\p{L}\p{N}_'’-]+/gu)].map((m) => ({
    s: m.index,
    e: m.index + m[0].length,
  }));
  if (words.length < 10) return [];
  const changed: number[] = [];
  for (let i = 0; i < map.length; i++) if (map[i] === -1 && !/\s/.test(text[i]!)) changed.push(i);
  const wordAt = (pos: number): number => {
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (words[mid]!.s <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const freq = new Map<string, number[]>();
  words.forEach((w, i) => {
    const t = text.slice(w.s, w.e);
    if (t.length >= 3) freq.set(t, [...(freq.get(t) ?? []), i]);
  });
  const repeated = [...freq.values()].filter((l) => l.length >= 2);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: { s: number; e: number; kind: string }[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < count && tries < count * 10; tries++) {
    // Half the spans start in changed text so deleted/edited cases are well represented.
    const wi =
      changed.length > 0 && rand() < 0.5
        ? wordAt(pick(changed))
        : Math.floor(rand() * words.length);
    const r = rand();
    let s: number;
    let e: number;
    let kind: string;
    if (r < 0.22) {
      kind = 'word';
      s = words[wi]!.s;
      e = words[wi]!.e;
    } else if (r < 0.5) {
      kind = 'phrase';
      const n = 2 + Math.floor(rand() * 6);
      s = words[wi]!.s;
      e = words[Math.min(words.length - 1, wi + n - 1)]!.e;
    } else if (r < 0.7) {
      kind = 'sentence';
      const lineStart = text.lastIndexOf('\n', words[wi]!.s) + 1;
      let a = words[wi]!.s;
      while (a > lineStart && !/[.!?:]\s/.test(text.slice(a - 2, a))) a--;
      let b = words[wi]!.e;
      while (b < text.length && text[b] !== '\n' && !/[.!?]/.test(text[b - 1]!) && b - a < 400) b++;
      s = a;
      e = b;
    } else if (r < 0.8) {
      kind = 'short';
      const w = words[wi]!;
      const len = 1 + Math.floor(rand() * 3);
      if (w.e - w.s < len) continue;
      s = w.s + Math.floor(rand() * (w.e - w.s - len + 1));
      e = s + len;
    } else if (r < 0.92 && repeated.length > 0) {
      kind = 'repeated';
      const occ = pick(repeated);
      const w = words[pick(occ)]!;
      s = w.s;
      e = w.e;
      if (rand() < 0.5) {
        const k = words.indexOf(w);
        e = words[Math.min(words.length - 1, k + 1 + Math.floor(rand() * 2))]!.e;
      }
    } else {
      kind = 'line';
      const lineStart = text.lastIndexOf('\n', words[wi]!.s) + 1;
      let lineEnd = text.indexOf('\n', words[wi]!.s);
      if (lineEnd === -1) lineEnd = text.length;
      s = lineStart;
      e = lineEnd;
    }
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e <= s || e - s > 600) continue;
    const key = `${s}:${e}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ s, e, kind });
  }
  return out;
}

function main(): void {
  const dirs = fetchAll((m) => console.error(m));
  // Each group alternates between the halves in hash order on its own (see packages.ts).
  const split = new Map<string, string>();
  for (const group of new Set(PACKAGES.map((p) => p.group))) {
    const sorted = PACKAGES.filter((p) => p.group === group && !p.half).sort(
      (x, y) => hash(x.name) - hash(y.name),
    );
    sorted.forEach((p, i) => split.set(p.name, i % 2 === 0 ? 'tune' : 'heldout'));
  }
  for (const p of PACKAGES) if (p.half) split.set(p.name, p.half);
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const half of ['tune', 'heldout']) fs.mkdirSync(path.join(OUT, half), { recursive: true });
  const stats: Record<string, Record<string, number>> = { tune: {}, heldout: {} };
  let bytes = 0;
  for (const pkg of PACKAGES) {
    const maxChars = pkg.group === 'prose' ? PROSE_MAX_DOC_CHARS : MAX_DOC_CHARS;
    const maxDocs = pkg.group === 'prose' ? PROSE_MAX_DOCS_PER_PAIR : MAX_DOCS_PER_PAIR;
    for (let v = 0; v + 1 < pkg.versions.length; v++) {
      const from = pkg.versions[v]!;
      const to = pkg.versions[v + 1]!;
      const a = dirs.get(`${pkg.name}@${from}`);
      const b = dirs.get(`${pkg.name}@${to}`);
      if (!a || !b) continue;
      const oldDocs = docsOf(a);
      const newDocs = docsOf(b);
      const lower = new Map([...newDocs.keys()].map((k) => [k.toLowerCase(), k]));
      const pairs: [string, string, string][] = [];
      for (const [p, oldText] of oldDocs) {
        const q = lower.get(p.toLowerCase());
        const newText = q === undefined ? undefined : newDocs.get(q);
        if (newText === undefined || newText === oldText) continue;
        if (oldText.length > maxChars || newText.length > maxChars || oldText.length < 400)
          continue;
        pairs.push([p, oldText, newText]);
      }
      pairs.sort(
        (x, y) =>
          Number(/readme/i.test(y[0])) - Number(/readme/i.test(x[0])) || y[1].length - x[1].length,
      );
      for (const [p, oldText, newText] of pairs.slice(0, maxDocs)) {
        const id = `${pkg.name}@${from}..${to}:${p}`;
        const rand = rng(hash(id));
        const gt = groundTruthMap(oldText, newText);
        const map = gt.map;
        const covered = coveredNew(map, newText.length);
        const n = Math.min(
          MAX_CASES,
          Math.max(20, Math.round((oldText.length / 10_000) * CASES_PER_10K)),
        );
        const cases: CorpusCase[] = [];
        for (const sp of sampleSpans(oldText, map, rand, n)) {
          const c = classify(oldText, newText, gt, sp.s, sp.e, covered);
          if (!c) continue;
          cases.push([sp.s, sp.e, sp.kind, c.cls, c.expected?.[0] ?? -1, c.expected?.[1] ?? -1]);
        }
        const half = split.get(pkg.name)!;
        for (const c of cases) stats[half]![c[3]] = (stats[half]![c[3]] ?? 0) + 1;
        const doc: CorpusDoc = {
          id,
          package: pkg.name,
          path: p,
          from,
          to,
          old: oldText,
          new: newText,
          cases,
        };
        const file = path.join(OUT, half, `${id.replace(/[^a-zA-Z0-9.]+/g, '_')}.json`);
        const json = JSON.stringify(doc);
        bytes += json.length;
        fs.writeFileSync(file, json);
      }
    }
  }
  console.log(JSON.stringify(stats), `${(bytes / 1e6).toFixed(2)} MB`);
}

if (require.main === module) main();
