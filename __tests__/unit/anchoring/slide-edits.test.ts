import { reanchor } from '@/lib/anchoring';
import { normalise } from '@/lib/anchoring/normalise';
import { slideEdits } from '@/lib/anchoring/slide-edits';
import { loadCorpus } from '@/scripts/anchoring-corpus/evaluate';

describe('slideEdits: among equally short alignments, edits end at the clearest boundaries', () => {
  it('moves a deletion off a repeated word so the first copy is the one kept', () => {
    // "q ab" kept from "q ab cd ab": a diff that trims the common tail keeps the second "ab".
    expect(
      slideEdits(
        [
          { a: 0, b: 0, len: 2 },
          { a: 8, b: 2, len: 2 },
        ],
        normalise('q ab cd ab'),
        normalise('q ab'),
      ),
    ).toEqual([{ a: 0, b: 0, len: 4 }]);
  });

  it('does the same for an insertion', () => {
    expect(
      slideEdits(
        [
          { a: 0, b: 0, len: 2 },
          { a: 2, b: 8, len: 2 },
        ],
        normalise('q ab'),
        normalise('q ab cd ab'),
      ),
    ).toEqual([{ a: 0, b: 0, len: 4 }]);
  });

  it("keeps the diff's own alignment when no other is clearer", () => {
    const blocks = [
      { a: 0, b: 0, len: 2 },
      { a: 5, b: 2, len: 2 },
    ];
    expect(slideEdits(blocks, normalise('q cd ab'), normalise('q ab'))).toEqual(blocks);
  });

  it('prefers line breaks in the original text to spaces (whitespace folds to one space)', () => {
    // "b x" deleted from "a x / b x / c": the diff kept "a " and "x c"; the edit goes to the
    // line breaks, so the first line's "x" is the one kept.
    expect(
      slideEdits(
        [
          { a: 0, b: 0, len: 2 },
          { a: 6, b: 2, len: 3 },
        ],
        normalise('a x\nb x\nc'),
        normalise('a x\nc'),
      ),
    ).toEqual([
      { a: 0, b: 0, len: 3 },
      { a: 7, b: 3, len: 2 },
    ]);
  });

  it('leaves edits with text changed on both sides alone', () => {
    const blocks = [
      { a: 0, b: 0, len: 2 },
      { a: 5, b: 4, len: 2 },
    ];
    expect(slideEdits(blocks, normalise('q cd ab'), normalise('q x ab'))).toEqual(blocks);
  });
});

it('reanchor keeps a comment on a word whose repeat later in the line was deleted (fastify 4 → 5)', () => {
  // "npm i @sinclair/typebox @fastify/type-provider-typebox" became "npm i @sinclair/typebox":
  // the whole document's diff kept the line's last "typebox", and the comment on the first was
  // orphaned (null) before edits were slid to word boundaries.
  const doc = loadCorpus('tune').find(
    (d) => d.id === 'fastify@4.28.1..5.2.1:docs/Reference/TypeScript.md',
  )!;
  const start = 8620;
  expect(doc.old.slice(start, start + 7)).toBe('typebox');
  const [moved] = reanchor(doc.old, doc.new, [{ start, end: start + 7 }]);
  expect(moved).toMatchObject({ start: 8528, end: 8535 });
  expect(doc.new.slice(8500, 8535)).toMatch(/npm i @sinclair\/typebox$/);
});
