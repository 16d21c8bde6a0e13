import { segmentText } from '@/lib/documents/highlights';
import { parsePlainText } from '@/lib/documents/parse-plain-text';
import { safeCallbackPath } from '@/lib/http/safe-redirect';

describe('segmentText', () => {
  it('cuts text at highlight boundaries and lists covering annotations', () => {
    const segs = segmentText('the quick brown fox', [
      { start: 4, end: 15, annotationId: 'a' },
      { start: 10, end: 19, annotationId: 'b' },
    ]);
    expect(segs.map((s) => [s.text, s.annotationIds])).toEqual([
      ['the ', []],
      ['quick ', ['a']],
      ['brown', ['a', 'b']],
      [' fox', ['b']],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('the quick brown fox');
  });

  it('ignores ranges that are empty or outside the text', () => {
    expect(
      segmentText('abc', [
        { start: 2, end: 9, annotationId: 'x' },
        { start: 1, end: 1, annotationId: 'y' },
      ]),
    ).toEqual([{ text: 'abc', start: 0, annotationIds: [], marks: [] }]);
  });

  it('cuts at inline marks too and drops links that are not http(s) or mailto', () => {
    const segs = segmentText(
      'read the docs now',
      [{ start: 0, end: 8, annotationId: 'a' }],
      [
        { type: 'em', start: 5, end: 13 },
        { type: 'link', start: 9, end: 13, href: 'https://example.com' },
        { type: 'link', start: 0, end: 4, href: 'javascript:alert(1)' },
      ],
    );
    expect(segs.map((s) => [s.text, s.annotationIds, s.marks.map((m) => m.type)])).toEqual([
      ['read ', ['a'], []],
      ['the', ['a'], ['em']],
      [' ', [], ['em']],
      ['docs', [], ['em', 'link']],
      [' now', [], []],
    ]);
  });
});

describe('parsePlainText', () => {
  it('takes the first line as title and blank-line-separated paragraphs as blocks', () => {
    const doc = parsePlainText('Title\r\n\r\nFirst line\r\ncontinues.\r\n\r\n\r\nSecond.', {
      fallbackTitle: 'x',
      firstLineIsTitle: true,
    });
    expect(doc.title).toBe('Title');
    expect(doc.blocks.map((b) => b.text)).toEqual(['First line continues.', 'Second.']);
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/d/abc', '/d/abc'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
