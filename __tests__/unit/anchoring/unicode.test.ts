import {
  anchor,
  describe as describeSpan,
  fromCodePointOffset,
  reanchor,
  toCodePointOffset,
} from '@/lib/anchoring';

const isLoneSurrogateBoundary = (text: string, i: number): boolean =>
  i > 0 &&
  i < text.length &&
  /[\uDC00-\uDFFF]/.test(text[i]!) &&
  /[\uD800-\uDBFF]/.test(text[i - 1]!);

describe('scripts and normalisation', () => {
  it('anchors CJK text without spaces after an insertion', () => {
    const text =
      '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';
    const s = text.indexOf('見当がつかぬ');
    const sel = describeSpan(text, s, s + 6);
    const revised = text.replace('名前はまだ無い。', '名前はまだ無い。新しい文を加えた。');
    const a = anchor(revised, sel);
    expect(a).toMatchObject({
      start: revised.indexOf('見当がつかぬ'),
      end: revised.indexOf('見当がつかぬ') + 6,
    });
    const [r] = reanchor(text, revised, [{ start: s, end: s + 6 }]);
    expect(r).toMatchObject({
      start: revised.indexOf('見当がつかぬ'),
      method: 'diff',
      confidence: 1,
    });
  });

  it('anchors Arabic (right-to-left, with diacritics added in the revision)', () => {
    const text = 'في البدء كان الكلمة، والكلمة كان عند الله. هذا نص عربي للاختبار فقط.';
    const s = text.indexOf('نص عربي');
    const sel = describeSpan(text, s, s + 7);
    const revised = 'مقدمة جديدة. ' + text.replace('نص عربي', 'نَصّ عربي');
    const a = anchor(revised, sel);
    const t = revised.indexOf('نَصّ عربي');
    expect(a).not.toBeNull();
    expect(a!.start).toBe(t);
    expect(a!.end).toBe(t + 'نَصّ عربي'.length);
  });

  it('never splits a surrogate pair and maps emoji offsets both ways', () => {
    const text = 'Smile 😀 and 👩‍👩‍👧 family 🎉 party 😀 again';
    const s = text.indexOf('👩');
    const e = text.indexOf(' family');
    const sel = describeSpan(text, s, e);
    const revised = '🎈' + text.replace('party', 'fête');
    const a = anchor(revised, sel)!;
    expect(revised.slice(a.start, a.end)).toBe('👩‍👩‍👧');
    // Context boundaries are snapped so prefix/suffix never hold half a pair.
    for (let i = 1; i < text.length; i++) {
      for (const j of [i + 1, i + 3]) {
        if (j > text.length) continue;
        const d = describeSpan(text, i, j);
        const p = i - d.quote.prefix.length;
        const q = j + d.quote.suffix.length;
        expect(isLoneSurrogateBoundary(text, p) && p < i).toBe(false);
        expect(isLoneSurrogateBoundary(text, q) && q > j).toBe(false);
      }
    }
    expect(toCodePointOffset(text, text.indexOf('and'))).toBe(8);
    expect(fromCodePointOffset(text, 8)).toBe(text.indexOf('and'));
    expect(toCodePointOffset(text, text.length)).toBe([...text].length);
    expect(fromCodePointOffset(text, [...text].length)).toBe(text.length);
  });

  it('matches NFC against NFD (combining marks) and keeps marks with their letter', () => {
    const nfc = 'Le café de la gare est fermé le lundi.';
    const nfd = nfc.normalize('NFD');
    const s = nfc.indexOf('café');
    const a = anchor(nfd, describeSpan(nfc, s, s + 4))!;
    expect(a).not.toBeNull();
    expect(nfd.slice(a.start, a.end)).toBe('cafe\u0301');
    const s2 = nfd.indexOf('fermé'.normalize('NFD'));
    const b = anchor(nfc, describeSpan(nfd, s2, s2 + 6))!;
    expect(nfc.slice(b.start, b.end)).toBe('fermé');
  });

  it('ignores CRLF vs LF, non-breaking spaces and smart vs straight quotes for matching', () => {
    const lf = 'First line\nSecond "quoted" line - with a dash\nThird\u00a0line';
    const crlf =
      'Intro\r\n' +
      lf
        .replace(/\n/g, '\r\n')
        .replace('"quoted"', '\u201cquoted\u201d')
        .replace(' - ', ' \u2014 ')
        .replace('\u00a0', ' ');
    const s = lf.indexOf('"quoted" line - with');
    const a = anchor(crlf, describeSpan(lf, s, s + 20))!;
    expect(crlf.slice(a.start, a.end)).toBe('\u201cquoted\u201d line \u2014 with');
    expect(a.confidence).toBeGreaterThan(0.9);
    const t = lf.indexOf('Third');
    const b = anchor(crlf, describeSpan(lf, t, lf.length))!;
    expect(crlf.slice(b.start, b.end)).toBe('Third line');
    const [r] = reanchor(lf, crlf, [{ start: s, end: s + 20 }]);
    expect(r).toMatchObject({ method: 'diff', confidence: 1 });
    expect(crlf.slice(r!.start, r!.end)).toBe('\u201cquoted\u201d line \u2014 with');
  });
});
