import { wordDiff } from '@/lib/documents/word-diff';

describe('wordDiff', () => {
  it('marks changed words and keeps the rest', () => {
    expect(
      wordDiff('the situation has continued to improve', 'the situation has kept improving'),
    ).toEqual([
      { kind: 'same', text: 'the situation has ' },
      { kind: 'removed', text: 'continued to improve' },
      { kind: 'added', text: 'kept improving' },
    ]);
  });

  it('reassembles both texts', () => {
    const a = 'Members stressed caution, and asked for more data.';
    const b = 'Members urged caution and asked for more data today.';
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });
});
