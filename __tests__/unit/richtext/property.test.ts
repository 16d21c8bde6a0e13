import fc from 'fast-check';
import {
  isSafeHref,
  parseCommentDoc,
  plainTextToDoc,
  renderCommentHtml,
  type CommentMark,
  type CommentNode,
} from '@/lib/richtext';
import { renderWithSchema } from '@/lib/richtext/render';
import { doc, p, t } from './helpers';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(1)',
  '</p></li></ul><script>',
  '&lt;script&gt;',
  '<!-- x -->',
  '\u2028\u2029',
];

// Storable text: no NUL (refused by the validator, PostgreSQL cannot store it).
const text = fc
  .oneof(fc.string({ minLength: 1, unit: 'grapheme' }), fc.constantFrom(...HOSTILE))
  .map((s) => s.split('\u0000').join(''))
  .filter((s) => s.length > 0);

const href = fc.oneof(
  fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
  // Local parts starting with "?" or "#" are valid addresses but empty mailto paths; skip them.
  fc
    .emailAddress()
    .filter((e) => /^[a-z0-9]/i.test(e))
    .map((e) => `mailto:${e}`),
);

const marks: fc.Arbitrary<CommentMark[]> = fc.oneof(
  fc.constant<CommentMark[]>([{ type: 'code' }]),
  fc
    .record({
      bold: fc.boolean(),
      italic: fc.boolean(),
      strike: fc.boolean(),
      link: fc.option(href, { nil: undefined }),
    })
    .map(({ bold, italic, strike, link }): CommentMark[] => [
      ...(link ? [{ type: 'link', attrs: { href: link } }] : []),
      ...(bold ? [{ type: 'bold' }] : []),
      ...(italic ? [{ type: 'italic' }] : []),
      ...(strike ? [{ type: 'strike' }] : []),
    ]),
);

const inline: fc.Arbitrary<CommentNode> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(text, marks).map(([s, m]) => t(s, ...m)) },
  { weight: 1, arbitrary: fc.constant<CommentNode>({ type: 'hardBreak' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/), text)
      .map(([id, label]) => ({ type: 'mention', attrs: { id, label } })),
  },
);

const paragraph = fc.array(inline, { maxLength: 5 }).map((content) => p(...content));

const { block } = fc.letrec<{ block: CommentNode; item: CommentNode }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    paragraph,
    fc
      .array(tie('block'), { minLength: 1, maxLength: 3 })
      .map((c) => ({ type: 'blockquote', content: c })),
    fc
      .array(tie('item'), { minLength: 1, maxLength: 3 })
      .map((c) => ({ type: 'bulletList', content: c })),
    fc
      .tuple(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(tie('item'), { minLength: 1, maxLength: 3 }),
      )
      .map(([start, c]) => ({ type: 'orderedList', attrs: { start }, content: c })),
    fc
      .tuple(fc.option(fc.constantFrom('ts', 'js', 'python', 'c++'), { nil: null }), text)
      .map(([language, s]) => ({ type: 'codeBlock', attrs: { language }, content: [t(s)] })),
  ),
  item: fc
    .tuple(paragraph, fc.array(tie('block'), { maxLength: 2 }))
    .map(([first, rest]) => ({ type: 'listItem', content: [first, ...rest] })),
}));

// A leading "x" keeps random documents from being (correctly) rejected as empty.
const comment = fc
  .array(block, { minLength: 1, maxLength: 4 })
  .map((blocks) => doc(p(t('x')), ...blocks));

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Text is escaped, so every "<" in the output opens a real tag; inspect only inside tags.
const TAG = /<[^>]*>/g;
const tags = (html: string) => html.match(TAG) ?? [];

describe('properties', () => {
  it('accepts random documents built from allowed nodes and renders them safely', () => {
    fc.assert(
      fc.property(comment, (input) => {
        const result = parseCommentDoc(input);
        if (!result.ok) throw new Error(result.error);
        const again = parseCommentDoc(result.doc);
        expect(again.ok && again.doc).toEqual(result.doc);
        const html = renderCommentHtml(result.doc);
        expect(html).not.toMatch(/<script/i);
        for (const tag of tags(html)) {
          expect(tag).not.toMatch(/\son[a-z]*\s*=/i);
          expect(tag).not.toMatch(/javascript:/i);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renders any string as text only in escaped form', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary' }), (s) => {
        expect(renderCommentHtml(doc(p(t(s))))).toBe(`<p>${escapeText(s)}</p>`);
        expect(renderCommentHtml(doc({ type: 'codeBlock', content: [t(s)] }))).toBe(
          `<pre><code>${escapeText(s)}</code></pre>`,
        );
      }),
    );
  });

  it('never lets a script-like scheme through, however it is disguised', () => {
    const junk = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\u0000',
      '\u0001',
      '\u000b',
      '\u00a0',
      '\u200b',
      '\ufeff',
    );
    const disguised = fc
      .tuple(
        fc.constantFrom('javascript', 'data', 'vbscript', 'file'),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(12), junk), { maxLength: 4 }),
        fc.string({ maxLength: 20 }),
      )
      .map(([scheme, upper, inserts, rest]) => {
        let s = [...scheme].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + ':' + rest;
        for (const [at, ch] of inserts) s = s.slice(0, at) + ch + s.slice(at);
        return s;
      });
    fc.assert(
      fc.property(disguised, (h) => {
        expect(isSafeHref(h)).toBe(false);
        expect(parseCommentDoc(doc(p(t('x', { type: 'link', attrs: { href: h } }))))).toMatchObject(
          { ok: false },
        );
        expect(renderCommentHtml(doc(p(t('x', { type: 'link', attrs: { href: h } }))))).toBe(
          '<p>x</p>',
        );
      }),
    );
  });

  it('renders links only with allowed schemes, whatever the href', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), href), (h) => {
        const html = renderCommentHtml(doc(p(t('x', { type: 'link', attrs: { href: h } }))));
        const m = html.match(/href="([^"]*)"/);
        if (m) expect(m[1]).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
    );
  });

  it('round-trips single-line plain text through plainTextToDoc', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (s) => {
        // eslint-disable-next-line no-control-regex
        fc.pre(!/[\u0000-\u001f\u007f]/.test(s) && s.trim() !== '');
        const result = parseCommentDoc(plainTextToDoc(s));
        expect(result).toMatchObject({ ok: true, text: s.replace(/\s+$/, '') });
      }),
    );
  });
});

describe('the plain-paragraph fast path of renderCommentHtml', () => {
  const plainInline = fc.oneof(
    { weight: 4, arbitrary: text.map((s) => t(s)) },
    { weight: 1, arbitrary: fc.constant<CommentNode>({ type: 'hardBreak' }) },
    { weight: 1, arbitrary: text.map((s): CommentNode => ({ type: 'text', text: s, marks: [] })) },
  );
  const plainDoc = fc
    .array(fc.array(plainInline, { maxLength: 5 }), { maxLength: 4 })
    .map((paras) => doc(...paras.map((c) => p(...c))));

  it('renders exactly what the schema path renders', () => {
    fc.assert(
      fc.property(plainDoc, (d) => {
        expect(renderCommentHtml(d)).toBe(renderWithSchema(d));
      }),
    );
  });

  it('leaves anything else to the schema path', () => {
    for (const d of [
      doc(p(t('bold', { type: 'bold' }))),
      doc(p(t(''))),
      doc({ type: 'paragraph', attrs: { textAlign: 'left' }, content: [t('x')] }),
      doc({ type: 'blockquote', content: [p(t('q'))] }),
      doc(p({ type: 'mention', attrs: { id: 'u1', label: 'Ann' } })),
    ]) {
      expect(renderCommentHtml(d)).toBe(renderWithSchema(d));
    }
  });
});
