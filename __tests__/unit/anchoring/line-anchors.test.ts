/**
 * The document diff's first stage (lib/anchoring/line-anchors.ts): lines unique on both sides
 * anchor it, the token diff fills the gaps, and a rewritten document falls back to the token
 * diff alone.
 */
import { reanchor } from '@/lib/anchoring';
import { LINE_ANCHOR_MIN_SHARE, lineAnchoredBlocks } from '@/lib/anchoring/line-anchors';
import { normalise } from '@/lib/anchoring/normalise';
import { tokenPair } from '@/lib/anchoring/text-diff';
import { loadCorpus } from '@/scripts/anchoring-corpus/evaluate';

const blocksOf = (oldText: string, newText: string) => {
  const o = normalise(oldText);
  const n = normalise(newText);
  const tokens = tokenPair(o, n);
  return { tokens, blocks: lineAnchoredBlocks(tokens, o, n, { steps: 1e7 }) };
};

describe('lineAnchoredBlocks()', () => {
  const OLD = [
    '# Options',
    '',
    '- `alpha` sets the first value of the run',
    '- `beta` sets the second value of the run',
    '- `gamma` sets the third value of the run',
    '',
    'Closing words for the list.',
  ].join('\n');

  it('pairs unchanged lines whole and diffs the tokens of the lines that changed', () => {
    const NEW = OLD.replace('the second value', 'the next value');
    const { tokens, blocks } = blocksOf(OLD, NEW);
    expect(blocks).not.toBeNull();
    const kept = blocks!.reduce((s, b) => s + b.len, 0);
    // Every token but "second" is kept; each block pairs equal tokens.
    expect(kept).toBe(tokens.t0.ids.length - 1);
    for (const b of blocks!)
      for (let k = 0; k < b.len; k++) expect(tokens.t0.ids[b.a + k]).toBe(tokens.t1.ids[b.b + k]);
  });

  it('keeps a moved line out of the way of the lines anchored around it', () => {
    // gamma moved to the top: the longest run of unique lines in order anchors the rest.
    const GAMMA = '- `gamma` sets the third value of the run';
    const NEW = OLD.replace(`${GAMMA}\n`, '').replace('# Options\n', `# Options\n${GAMMA}\n`);
    const { tokens, blocks } = blocksOf(OLD, NEW);
    const gammaTokens = blocksOf(GAMMA, GAMMA).tokens.t0.ids.length;
    const kept = blocks!.reduce((s, b) => s + b.len, 0);
    // Every other line stays paired with its own copy; gamma is left to move detection.
    expect(kept).toBe(tokens.t0.ids.length - gammaTokens);
    const gammaAt = OLD.indexOf(GAMMA);
    const folded = normalise(OLD);
    for (const b of blocks!) {
      const from = folded.starts[tokens.t0.starts[b.a]!]!; // original offset of the block
      expect(OLD.slice(from, from + 1)).not.toBe('');
      expect(from < gammaAt || from >= gammaAt + GAMMA.length).toBe(true);
    }
  });

  it(`returns null when under ${LINE_ANCHOR_MIN_SHARE * 100} % of the old tokens lie in anchored lines`, () => {
    const NEW = OLD.split('\n')
      .map((l) => (l.startsWith('- ') ? `${l} (changed)` : l))
      .join('\n')
      .replace('Closing words', 'Final words');
    expect(blocksOf(OLD, NEW).blocks).toBeNull();
  });
});

describe('reanchor() on a real revision: an edited code line among look-alike lines', () => {
  // node-fetch 2 -> 3: `fetch('https://assets-cdn.github.com/images/modules/logos_page/Octocat.png')`
  // became `await fetch('https://github.githubassets.com/images/...')` in a rewritten example;
  // the token diff over the whole README paired the path's words elsewhere and lost it.
  const doc = loadCorpus('tune').find((d) => d.id === 'node-fetch@2.6.7..3.3.2:README.md')!;

  it('follows the unchanged part of the URL to the edited line', () => {
    const quote = 'images/modules/logos_page';
    const start = doc.old.indexOf(quote);
    const [got] = reanchor(doc.old, doc.new, [{ start, end: start + quote.length }]);
    expect(got).not.toBeNull();
    expect(doc.new.slice(got!.start, got!.end)).toBe(quote);
    expect(doc.new.slice(got!.start - 40, got!.start)).toContain('githubassets.com');
  });
});
