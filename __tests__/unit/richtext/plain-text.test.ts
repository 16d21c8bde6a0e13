import { parseCommentDoc, plainTextToDoc, renderCommentHtml } from '@/lib/richtext';
import { code, doc, li, link, mention, ol, p, quote, t, ul } from './helpers';

function textOf(input: unknown): string {
  const result = parseCommentDoc(input);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('plain-text extraction', () => {
  it('separates paragraphs with blank lines and drops marks', () => {
    expect(
      textOf(
        doc(
          p(t('Hello '), t('bold', { type: 'bold' }), t(' and '), t('link', link('https://x.org'))),
          p(t('Second')),
        ),
      ),
    ).toBe('Hello bold and link\n\nSecond');
  });

  it('writes mentions as @label and hard breaks as newlines', () => {
    expect(
      textOf(doc(p(t('cc '), mention('u1', 'Ann Lee'), { type: 'hardBreak' }, t('next line')))),
    ).toBe('cc @Ann Lee\nnext line');
  });

  it('prefixes list items, numbers ordered lists from their start, indents nesting', () => {
    expect(
      textOf(
        doc(ul(li(p(t('apples'))), li(p(t('pears')), ol(li(p(t('ripe'))), li(p(t('green')))))), {
          type: 'orderedList',
          attrs: { start: 9 },
          content: [li(p(t('nine'))), li(p(t('ten')))],
        }),
      ),
    ).toBe('- apples\n- pears\n  1. ripe\n  2. green\n\n9. nine\n10. ten');
  });

  it('quotes blockquotes line by line and keeps code as-is', () => {
    expect(textOf(doc(quote(p(t('a')), p(t('b'))), code('if (x) {\n  y();\n}')))).toBe(
      '> a\n>\n> b\n\nif (x) {\n  y();\n}',
    );
  });
});

describe('plainTextToDoc', () => {
  it('splits paragraphs on blank lines and lines into hard breaks', () => {
    expect(plainTextToDoc('one\ntwo\r\n\r\n\nthree')).toEqual(
      doc(p(t('one'), { type: 'hardBreak' }, t('two')), p(t('three'))),
    );
  });

  it('produces documents that validate, render escaped, and round-trip their text', () => {
    const source = 'Look at <this> & "that"\n\nSecond paragraph';
    const result = parseCommentDoc(plainTextToDoc(source));
    if (!result.ok) throw new Error(result.error);
    expect(result.text).toBe(source);
    expect(renderCommentHtml(result.doc)).toBe(
      '<p>Look at &lt;this&gt; &amp; "that"</p><p>Second paragraph</p>',
    );
  });

  it('removes characters PostgreSQL cannot store', () => {
    const result = parseCommentDoc(plainTextToDoc('a\u0000b\ud800c'));
    expect(result).toMatchObject({ ok: true, text: 'ab\ufffdc' });
  });

  it('gives an (invalid, empty) single paragraph for blank input', () => {
    expect(plainTextToDoc('  \n\n ')).toEqual(doc(p()));
    expect(parseCommentDoc(plainTextToDoc(''))).toEqual({ ok: false, error: 'comment is empty' });
  });
});
