import {
  MAX_COMMENT_BYTES,
  MAX_COMMENT_DEPTH,
  parseCommentDoc,
  renderCommentHtml,
  type CommentDoc,
  type CommentNode,
} from '@/lib/richtext';
import { code, doc, li, link, mention, ol, p, quote, t, ul } from './helpers';

function rejected(input: unknown): string {
  const result = parseCommentDoc(input);
  if (result.ok) throw new Error(`expected rejection, got ${JSON.stringify(result.doc)}`);
  return result.error;
}

function accepted(input: unknown) {
  const result = parseCommentDoc(input);
  if (!result.ok) throw new Error(`expected acceptance, got: ${result.error}`);
  return result;
}

const everything = doc(
  p(
    t('bold', { type: 'bold' }),
    t(' '),
    t('italic', { type: 'italic' }),
    t(' '),
    t('strike', { type: 'strike' }),
    t(' '),
    t('inline', { type: 'code' }),
    t(' '),
    t('site', link('https://example.org/a?b=1&c=2')),
    t(' '),
    t('mail', link('mailto:ann@example.org')),
    { type: 'hardBreak' },
    mention('user_1', 'Ann Lee'),
  ),
  ul(li(p(t('one'))), li(p(t('two')), ul(li(p(t('nested')))))),
  ol(li(p(t('first'))), li(p(t('second')))),
  quote(p(t('quoted'))),
  code('const x = 1;', 'ts'),
);

describe('parseCommentDoc: accepted documents', () => {
  it('accepts every allowed feature and renders the expected tags', () => {
    const result = accepted(everything);
    const html = renderCommentHtml(result.doc);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<s>strike</s>');
    expect(html).toContain('<code>inline</code>');
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">site</a>',
    );
    expect(html).toContain('href="mailto:ann@example.org"');
    expect(html).toMatch(/<br\s*\/?>/);
    expect(html).toContain('<ul><li><p>one</p></li>');
    expect(html).toContain('<ol><li><p>first</p></li>');
    expect(html).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(html).toContain('<pre><code class="language-ts">const x = 1;</code></pre>');
    expect(html).toMatch(/<span[^>]*data-mention-id="user_1"[^>]*>@Ann Lee<\/span>/);
    expect(result.mentions).toEqual(['user_1']);
  });

  it('returns canonical JSON that validates again unchanged', () => {
    const first = accepted(everything);
    const second = accepted(JSON.parse(JSON.stringify(first.doc)));
    expect(second.doc).toEqual(first.doc);
    expect(second.text).toBe(first.text);
  });

  it('merges adjacent text nodes with the same marks', () => {
    const result = accepted(doc(p(t('a'), t('b'))));
    expect(result.doc.content[0]?.content).toEqual([{ type: 'text', text: 'ab' }]);
  });

  it('accepts the JSON the editor emits (all default attributes present)', () => {
    accepted(
      doc(
        p(
          t(
            'x',
            link('https://x.org', {
              target: '_blank',
              rel: 'noopener noreferrer nofollow',
              class: null,
              title: null,
            }),
          ),
        ),
        { type: 'orderedList', attrs: { start: 3, type: null }, content: [li(p(t('c')))] },
        { type: 'codeBlock', attrs: { language: null }, content: [t('y')] },
      ),
    );
  });

  it('accepts a comment that is only a mention, lists de-duplicated mention ids', () => {
    expect(accepted(doc(p(mention('u1', 'Ann')))).mentions).toEqual(['u1']);
    const r = accepted(
      doc(p(mention('u1', 'Ann'), t(' '), mention('u2', 'Bo'), mention('u1', 'Ann'))),
    );
    expect(r.mentions).toEqual(['u1', 'u2']);
  });

  it('accepts links after trimming and with an upper-case scheme', () => {
    accepted(doc(p(t('x', link('  HTTPS://example.org  ')))));
    accepted(doc(p(t('x', link('http://example.org')))));
  });
});

describe('parseCommentDoc: rejections', () => {
  it.each([
    ['image', { type: 'image', attrs: { src: 'https://x.org/a.png' } }],
    ['heading', { type: 'heading', attrs: { level: 1 }, content: [t('h')] }],
    ['horizontalRule', { type: 'horizontalRule' }],
    ['table', { type: 'table', content: [] }],
    ['iframe', { type: 'iframe' }],
  ])('unknown node type %s', (name, node) => {
    expect(rejected(doc(p(t('ok')), node as CommentNode))).toMatch(
      new RegExp(`unknown node type "${name}"`),
    );
  });

  it.each(['underline', 'textStyle', 'highlight', 'superscript'])('unknown mark %s', (mark) => {
    expect(rejected(doc(p(t('x', { type: mark }))))).toMatch(new RegExp(`unknown mark "${mark}"`));
  });

  it.each([
    ['onclick on a link', p(t('x', link('https://x.org', { onclick: 'alert(1)' })))],
    [
      'style on a paragraph',
      { type: 'paragraph', attrs: { style: 'color:red' }, content: [t('x')] },
    ],
    ['class on a paragraph', { type: 'paragraph', attrs: { class: 'x' }, content: [t('x')] }],
    ['src on a mention', { type: 'mention', attrs: { id: 'u', label: 'U', src: 'x' } }],
    ['mentionSuggestionChar', { type: 'mention', attrs: { id: 'u', mentionSuggestionChar: '#' } }],
    ['attrs on bold', p(t('x', { type: 'bold', attrs: { style: 'x' } }))],
    ['__proto__', JSON.parse('{"type":"paragraph","attrs":{"__proto__":{"x":1}}}')],
  ])('unknown attribute: %s', (_name, node) => {
    const wrapped = (node as CommentNode).type === 'paragraph' ? node : p(node as CommentNode);
    expect(rejected(doc(wrapped as CommentNode))).toMatch(/unknown attribute|malformed comment/);
  });

  it('names the offending attribute and where it is', () => {
    expect(rejected(doc(p(t('a')), p(t('x', link('https://x.org', { onclick: 'y' })))))).toBe(
      'unknown attribute "onclick" on mark "link" (at doc.content[1].content[0])',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'java\u200bscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript%3Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org',
    '//evil.example/x',
    '/relative/path',
    'example.org',
    'http:evil.example',
    'https://',
    '',
    '   ',
  ])('link href %j', (href) => {
    expect(rejected(doc(p(t('x', link(href)))))).toMatch(/link href|NUL character/);
  });

  it('rejects non-string, missing and overlong hrefs', () => {
    expect(rejected(doc(p(t('x', { type: 'link', attrs: { href: 5 } }))))).toMatch(/link href/);
    expect(rejected(doc(p(t('x', { type: 'link' }))))).toMatch(/link href|not fit/);
    expect(rejected(doc(p(t('x', link(`https://x.org/${'a'.repeat(3000)}`)))))).toMatch(/longer/);
  });

  it('rejects bad attribute values', () => {
    expect(rejected(doc(p(t('x', link('https://x.org', { target: '_self' })))))).toMatch(/target/);
    expect(rejected(doc(p(t('x', link('https://x.org', { rel: 'opener' })))))).toMatch(/rel/);
    expect(rejected(doc(p(t('x', link('https://x.org', { class: 'evil' })))))).toMatch(/class/);
    expect(rejected(doc(code('x', 'ts" onmouseover="x')))).toMatch(/language/);
    expect(
      rejected(doc({ type: 'orderedList', attrs: { start: -1 }, content: [li(p(t('x')))] })),
    ).toMatch(/start/);
    expect(rejected(doc(p({ type: 'mention', attrs: { id: '', label: 'x' } })))).toMatch(/id/);
    expect(rejected(doc(p({ type: 'mention', attrs: { label: 'x' } })))).toMatch(/mention|id/);
  });

  it(`rejects documents over ${MAX_COMMENT_BYTES} bytes (UTF-8, not characters)`, () => {
    expect(rejected(doc(p(t('a'.repeat(MAX_COMMENT_BYTES)))))).toMatch(/larger than 100 KB/);
    // ~60k characters but ~120 KB of UTF-8.
    expect(rejected(doc(p(t('é'.repeat(60_000)))))).toMatch(/larger than 100 KB/);
    accepted(doc(p(t('a'.repeat(MAX_COMMENT_BYTES - 200)))));
  });

  function nested(depth: number): CommentDoc {
    // doc(1) > blockquote × (depth - 3) > paragraph > text(depth)
    let node: CommentNode = p(t('deep'));
    for (let i = 0; i < depth - 3; i++) node = quote(node);
    return doc(node);
  }

  it(`accepts nesting of exactly ${MAX_COMMENT_DEPTH} levels and rejects ${MAX_COMMENT_DEPTH + 1}`, () => {
    accepted(nested(MAX_COMMENT_DEPTH));
    expect(rejected(nested(MAX_COMMENT_DEPTH + 1))).toMatch(/nested deeper than 50/);
  });

  it('rejects absurd nesting without overflowing the stack', () => {
    let node: unknown = { type: 'text', text: 'x' };
    for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
    expect(rejected({ type: 'doc', content: [node] })).toMatch(/nested deeper than 50/);
    let attrs: unknown = 'x';
    for (let i = 0; i < 20_000; i++) attrs = { a: attrs };
    expect(rejected(doc({ type: 'paragraph', attrs } as never))).toMatch(/nested deeper than 50/);
  });

  it.each([
    ['no content', { type: 'doc', content: [] }],
    ['empty paragraph', doc(p())],
    ['whitespace only', doc(p(t('   \n\t ')), p(t('\u00a0')))],
    ['hard breaks only', doc(p({ type: 'hardBreak' }, { type: 'hardBreak' }))],
    ['empty list', doc(ul(li(p())))],
  ])('rejects an empty comment: %s', (_name, input) => {
    expect(rejected(input)).toMatch(/empty|does not fit/);
  });

  it.each([null, undefined, 'hello', 42, true, [], [{ type: 'doc' }]])(
    'rejects non-object input %j',
    (input) => {
      expect(rejected(input)).toBe('comment must be a JSON object');
    },
  );

  it('rejects a root that is not a doc', () => {
    expect(rejected(p(t('x')))).toMatch(/root must be a "doc"/);
  });

  it.each([
    ['content not an array', { type: 'doc', content: 'hello' }],
    ['content item not an object', { type: 'doc', content: ['hello'] }],
    ['content item null', { type: 'doc', content: [null] }],
    ['missing type', { type: 'doc', content: [{ content: [] }] }],
    ['type not a string', { type: 'doc', content: [{ type: 7 }] }],
    [
      'marks not an array',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: 'bold' }] } as never),
    ],
    [
      'text not a string',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 1 }] } as never),
    ],
    ['attribute value an object', doc({ type: 'paragraph', attrs: { a: { b: 1 } } } as never)],
    [
      'extra key on a node',
      doc({ type: 'paragraph', html: '<b>x</b>', content: [t('x')] } as never),
    ],
  ])('rejects malformed content: %s', (_name, input) => {
    expect(rejected(input)).toMatch(/^malformed comment/);
  });

  it.each([
    ['text node without text', doc(p({ type: 'text' }))],
    ['empty text node', doc(p(t('')))],
    ['text directly in doc', doc(t('x'))],
    ['paragraph in paragraph', doc(p(p(t('x'))))],
    ['list without items', doc(ul())],
    ['list item holding text', doc(ul({ type: 'listItem', content: [t('x')] }))],
    ['marks inside a code block', doc({ type: 'codeBlock', content: [t('x', { type: 'bold' })] })],
    ['code combined with bold', doc(p(t('x', { type: 'code' }, { type: 'bold' })))],
    ['duplicate marks', doc(p(t('x', { type: 'bold' }, { type: 'bold' })))],
    ['content on a text node', doc(p({ type: 'text', text: 'x', content: [t('y')] }))],
    ['text on a paragraph', doc({ type: 'paragraph', text: 'x' })],
  ])('rejects structure the schema does not allow: %s', (_name, input) => {
    expect(rejected(input)).toMatch(/schema|text|must not/);
  });

  it('rejects strings PostgreSQL cannot store', () => {
    expect(rejected(doc(p(t('a\u0000b'))))).toMatch(/NUL/);
    expect(rejected(doc(p(t('a\ud800b'))))).toMatch(/surrogate/);
    accepted(doc(p(t('emoji 😀 ok'))));
  });

  it('rejects cyclic input instead of throwing', () => {
    const cyclic: Record<string, unknown> = { type: 'doc' };
    cyclic.content = [cyclic];
    expect(rejected(cyclic)).toMatch(/nested deeper|serialisable/);
  });
});
