/**
 * Deterministic prose for the benchmark data: a seeded PRNG and a word-level Markov chain
 * trained on the demo document (lib/seed/standing-committee-2020-03-18.txt), so generated
 * paragraphs read like the real thing and use the same vocabulary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, good enough for test data; the same seed gives the same stream. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export const int = (rng: Rng, min: number, max: number) =>
  min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;

const SOURCE = path.join(process.cwd(), 'lib', 'seed', 'standing-committee-2020-03-18.txt');

type Chain = { starts: string[]; next: Map<string, string[]> };

let chain: Chain | undefined;

function loadChain(): Chain {
  if (chain) return chain;
  const text = readFileSync(SOURCE, 'utf8').replace(/\s+/g, ' ');
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.split(' ').length > 4);
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const sentence of sentences) {
    const words = sentence.split(' ').filter(Boolean);
    starts.push(`${words[0]} ${words[1]}`);
    for (let i = 0; i + 2 < words.length; i++) {
      const key = `${words[i]} ${words[i + 1]}`;
      const list = next.get(key) ?? [];
      list.push(words[i + 2]!);
      next.set(key, list);
    }
  }
  chain = { starts, next };
  return chain;
}

/** One sentence of 6–60 words from the chain, ending with a full stop. */
export function sentence(rng: Rng): string {
  const { starts, next } = loadChain();
  const words = pick(rng, starts).split(' ');
  while (words.length < 60) {
    const key = `${words[words.length - 2]} ${words[words.length - 1]}`;
    const options = next.get(key);
    if (!options) break;
    const word = pick(rng, options);
    words.push(word);
    if (/[.!?]$/.test(word) && words.length >= 6) break;
  }
  let s = words.join(' ');
  if (!/[.!?]$/.test(s)) s = `${s.replace(/[,;:]$/, '')}.`;
  return s;
}

export function paragraph(rng: Rng, minSentences = 1, maxSentences = 5): string {
  const n = int(rng, minSentences, maxSentences);
  return Array.from({ length: n }, () => sentence(rng)).join(' ');
}

/** A heading-like line: a few capitalised words from the vocabulary. */
export function heading(rng: Rng): string {
  const words = sentence(rng)
    .replace(/[.,;:!?"()]/g, '')
    .split(' ')
    .slice(0, int(rng, 3, 8));
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

const OPENERS = [
  'I read this differently:',
  'Compare with the earlier paragraph.',
  'Worth flagging for the next session.',
  'This phrasing is new.',
  'Is this a change of emphasis?',
  'Agreed.',
  'Not sure about this reading.',
  'Source for this claim?',
  'Note the verb here.',
  '',
];

/** A comment's text: usually one or two sentences, sometimes a longer note. */
export function commentText(rng: Rng): string {
  const opener = pick(rng, OPENERS);
  const body = rng() < 0.8 ? paragraph(rng, 1, 2) : paragraph(rng, 3, 6);
  return opener ? `${opener} ${body}` : body;
}

export const TAGS = [
  'wording',
  'risk',
  'economy',
  'border',
  'policy',
  'health',
  'question',
  'evidence',
  'tone',
  'follow-up',
  'history',
  'translation',
] as const;
