/**
 * Synthetic documents and revisions for the benchmark and the speed sanity tests: seeded, so
 * every run measures the same thing.
 */
import { loadCorpus } from './evaluate';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TARGET = 400_000;
const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an ' +
  'they you were her she there been one all we their has would when if so what no more out up said about into ' +
  'reading annotation margin document revision paragraph sentence anchor comment quote selector context ' +
  'river mountain lantern whisper harbor meadow orchard cathedral compass ledger parchment tapestry'
).split(' ');

export function generated(seed: number): string {
  const r = rng(seed);
  const paras: string[] = [];
  let len = 0;
  while (len < TARGET) {
    const sentences: string[] = [];
    const ns = 2 + Math.floor(r() * 6);
    for (let s = 0; s < ns; s++) {
      const n = 6 + Math.floor(r() * 18);
      const w: string[] = [];
      for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(r() * WORDS.length)]!);
      const sent = w.join(' ');
      sentences.push(
        sent[0]!.toUpperCase() + sent.slice(1) + (r() < 0.1 ? ' — “quoted”' : '') + '.',
      );
    }
    const p = sentences.join(' ');
    paras.push(p);
    len += p.length + 2;
  }
  return paras.join('\n\n');
}

export function realText(): string {
  const docs = [...loadCorpus('tune'), ...loadCorpus('heldout')];
  let out = '';
  for (const d of docs) {
    if (out.length >= TARGET) break;
    out += d.old + '\n\n';
  }
  return out.slice(0, TARGET);
}

/**
 * A heavy revision: each sentence is replaced, with probability `share`, by an unrelated one
 * (sentences of another generated document), as when a section is rewritten.
 */
export function rewritten(text: string, share: number, seed: number): string {
  const r = rng(seed);
  const others = generated(seed + 1000).split(/(?<=\.) /);
  let k = 0;
  return text
    .split(/\n\n/)
    .map((para) =>
      para
        .split(/(?<=\.) /)
        .map((s) => (r() < share ? others[k++ % others.length]! : s))
        .join(' '),
    )
    .join('\n\n');
}

/** A plausible revision: sentences deleted, inserted, edited and a few paragraphs moved. */
export function revise(text: string, seed: number): string {
  const r = rng(seed);
  const paras = text.split(/\n\n/);
  const out: string[] = [];
  const moved: string[] = [];
  for (const p of paras) {
    if (r() < 0.01) {
      moved.push(p);
      continue;
    }
    const sents = p.split(/(?<=\.) /);
    const kept: string[] = [];
    for (const s of sents) {
      const x = r();
      if (x < 0.03) continue;
      if (x < 0.06) kept.push(s.replace(/\b(\w+)\b/, 'revised'));
      else kept.push(s);
      if (r() < 0.03) kept.push('An inserted sentence about nothing in particular.');
    }
    out.push(kept.join(' '));
    if (moved.length && r() < 0.05) out.push(moved.shift()!);
  }
  return [...out, ...moved].join('\n\n');
}

export function spans(text: string, n: number, seed: number): { start: number; end: number }[] {
  const r = rng(seed);
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(r() * words.length);
    const len = r() < 0.3 ? 1 : 1 + Math.floor(r() * 12);
    const end = words[Math.min(words.length - 1, k + len - 1)]![1];
    out.push({ start: words[k]![0], end });
  }
  return out;
}
