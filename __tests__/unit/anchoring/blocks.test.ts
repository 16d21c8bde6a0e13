import {
  counterKeys,
  makeBlockKey,
  matchBlocks,
  splitBlocks,
  AnchoringError,
} from '@/lib/anchoring';

const OLD = [
  { key: 'intro', text: 'Close reading lives or dies on anchors.' },
  {
    key: 'rule',
    text: 'A comment must stay on the words it was written about when the document is revised.',
  },
  {
    key: 'long',
    text: 'Hypothesis re-finds intact quotes almost perfectly. It has no minimum score, so on real revisions it attaches comments whose text was deleted to some other place.',
  },
  {
    key: 'gone',
    text: 'This paragraph disappears in the next revision and nothing like it remains.',
  },
  { key: 'dup1', text: 'See also.' },
  { key: 'dup2', text: 'See also.' },
];

describe('matchBlocks()', () => {
  const result = matchBlocks(OLD, [
    { text: 'A comment must stay on the words it was written about when the document is revised.' }, // moved
    { text: 'Close reading lives or dies on its anchors.' }, // lightly edited
    { text: 'Hypothesis re-finds intact quotes almost perfectly.' }, // split, first half
    {
      text: 'It has no minimum score, so on real revisions it attaches comments whose text was deleted to some other place.',
    }, // split, second half
    { text: 'A brand new paragraph about something else entirely.' },
    { text: 'See also.' },
    { text: 'See also.' },
  ]);

  it('keeps keys of moved and identical blocks (similarity 1)', () => {
    expect(result[0]).toMatchObject({ key: 'rule', matchedFrom: 'rule', similarity: 1 });
    expect(result[5]).toMatchObject({ key: 'dup1', similarity: 1 });
    expect(result[6]).toMatchObject({ key: 'dup2', similarity: 1 });
  });

  it('keeps the key of a lightly edited block with its similarity', () => {
    expect(result[1]!.key).toBe('intro');
    expect(result[1]!.similarity).toBeGreaterThan(0.8);
    expect(result[1]!.similarity).toBeLessThan(1);
  });

  it('gives a split block key to the larger half and a new key to the other', () => {
    expect(result[3]!.key).toBe('long');
    expect(result[2]!.matchedFrom).toBeNull();
  });

  it('gives new blocks fresh, unique keys and drops deleted ones', () => {
    expect(result[4]!.matchedFrom).toBeNull();
    const keys = result.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('gone');
  });

  it('uses the caller key generator', () => {
    let i = 0;
    const r = matchBlocks([], [{ text: 'a' }, { text: 'b' }], () => `k${++i}`);
    expect(r.map((x) => x.key)).toEqual(['k1', 'k2']);
  });

  it('merged blocks keep the key of the best-matching source', () => {
    const r = matchBlocks(
      [
        { key: 'a', text: 'The first part of a thought that goes on for a while.' },
        { key: 'b', text: 'And then it ends.' },
      ],
      [{ text: 'The first part of a thought that goes on for a while. And then it ends.' }],
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.key).toBe('a');
  });

  it('rejects malformed input with a typed error', () => {
    expect(() => matchBlocks([{ key: 1 } as never], [])).toThrow(AnchoringError);
    expect(() => matchBlocks([], [{}] as never)).toThrow(AnchoringError);
  });
});

describe('block keys', () => {
  it('makeBlockKey uses the supplied random source', () => {
    const seq = [0, 0.5, 0.999, 0.25, 0.1, 0.9, 0.3, 0.7];
    let i = 0;
    const key = makeBlockKey(() => seq[i++ % seq.length]!);
    expect(key).toMatch(/^[a-z2-9]{8}$/);
    i = 0;
    expect(makeBlockKey(() => seq[i++ % seq.length]!)).toBe(key);
  });

  it('counterKeys skips taken keys', () => {
    const next = counterKeys(['p1', 'p3']);
    expect([next(), next(), next()]).toEqual(['p2', 'p4', 'p5']);
  });
});

describe('splitBlocks()', () => {
  it('splits Markdown into headings, paragraphs, list items, quotes and fenced code', () => {
    const md =
      '# Title\n\nFirst paragraph\ncontinues here.\n\n- item one\n- item two\n\n> quoted\n> text\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nLast.';
    const blocks = splitBlocks(md);
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'quote',
      'code',
      'paragraph',
    ]);
    for (const b of blocks) expect(md.slice(b.start, b.end)).toBe(b.text);
    expect(blocks[1]!.text).toBe('First paragraph\ncontinues here.');
    expect(blocks[5]!.text).toContain('const b = 2;');
  });
});
