import { renderCommentHtml, type CommentDoc } from '@/lib/richtext';
import { code, doc, link, mention, p, t } from './helpers';

// These documents never went through parseCommentDoc: rendering must be safe on its own.
const unvalidated = (value: unknown) => value as CommentDoc;

describe('renderCommentHtml', () => {
  it('escapes text', () => {
    expect(renderCommentHtml(doc(p(t('<script>alert(1)</script> & <img src=x onerror=y>'))))).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;</p>',
    );
  });

  it('escapes code blocks and inline code', () => {
    const html = renderCommentHtml(
      doc(code('</code></pre><script>x</script>'), p(t('<b>', { type: 'code' }))),
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;');
    expect(html).toContain('<code>&lt;b&gt;</code>');
  });

  it('escapes mention ids and labels', () => {
    const html = renderCommentHtml(
      doc(p(mention('"><script>x</script>', '<img src=x onerror=alert(1)>'))),
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('data-mention-id="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('@&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:x',
    'data:text/html,x',
    'vbscript:x',
  ])('drops the link but keeps the text for href %j', (href) => {
    expect(renderCommentHtml(doc(p(t('click', link(href)))))).toBe('<p>click</p>');
  });

  it('always emits its own target and rel, and drops class', () => {
    const html = renderCommentHtml(
      doc(
        p(
          t(
            'x',
            link('https://x.org', {
              target: '_self',
              rel: 'opener',
              class: 'evil',
              title: 'T "q"',
            }),
          ),
        ),
      ),
    );
    expect(html).toBe(
      '<p><a href="https://x.org" title="T &quot;q&quot;" target="_blank" rel="noopener noreferrer nofollow">x</a></p>',
    );
  });

  it('drops unknown attributes (no event handlers, no styles)', () => {
    const html = renderCommentHtml(
      unvalidated({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { onclick: 'alert(1)', style: 'background:url(javascript:x)' },
            content: [
              { type: 'text', text: 'x', marks: [{ type: 'bold', attrs: { onmouseover: 'y' } }] },
            ],
          },
          {
            type: 'codeBlock',
            attrs: { language: '"><script>x</script>' },
            content: [{ type: 'text', text: 'c' }],
          },
        ],
      }),
    );
    expect(html).not.toMatch(/onclick|onmouseover|style=|<script|javascript:/i);
    expect(html).toContain('<p><strong>x</strong></p>');
  });

  it('falls back to escaped plain text for documents the schema cannot build', () => {
    const html = renderCommentHtml(
      unvalidated({
        type: 'doc',
        content: [
          { type: 'image', attrs: { src: 'javascript:x' } },
          { type: 'paragraph', content: [{ type: 'text', text: '<b>kept</b>' }] },
          { type: 'script', text: 'alert(1)' },
        ],
      }),
    );
    expect(html).toBe('<p>&lt;b&gt;kept&lt;/b&gt; alert(1)</p>');
    expect(renderCommentHtml(unvalidated(null))).toBe('');
    expect(renderCommentHtml(unvalidated({ type: 'doc', content: 'x' }))).toBe('');
  });

  it('renders the same output on repeated calls (cached renderer)', () => {
    const d = doc(p(t('a', { type: 'bold' })));
    expect(renderCommentHtml(d)).toBe(renderCommentHtml(d));
  });
});
