import type { BlockType } from '../blocks';
import { BlockBuilder } from './builder';
import { safeHref, words, type RawDocument } from './normalize';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that separate blocks without being one themselves. */
const CONTAINERS = new Set(
  words(`
  div section article main header footer aside figure figcaption table thead tbody tfoot
  caption dl dt dd address details summary ul ol hr
`),
);
const INLINE = words(`
  span sub sup u s del ins mark small abbr cite q kbd samp var tt time
`);
const MARKS: Record<string, 'em' | 'strong' | 'code'> = {
  em: 'em',
  i: 'em',
  strong: 'strong',
  b: 'strong',
  code: 'code',
};

/**
 * Everything that is not text structure is removed before we look at the markup: scripts,
 * styles, frames, embedded objects and forms disappear with their content, and every attribute
 * except a link's http(s)/mailto href is dropped (event handlers included).
 */
export async function sanitise(html: string): Promise<string> {
  const { default: sanitizeHtml } = await import('sanitize-html');
  return sanitizeHtml(html, {
    allowedTags: [
      ...HEADINGS,
      ...CONTAINERS,
      ...INLINE,
      ...Object.keys(MARKS),
      ...words('p li blockquote pre a br tr td th'),
    ],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: words(`
  script style textarea option select button noscript iframe frame frameset object embed
  applet svg math template canvas video audio head title nav
`),
  });
}

type HtmlMeta = { title?: string; author?: string; date?: string };

const AUTHOR_META = new Set(['author', 'dc.creator', 'citation_author', 'article:author']);
const DATE_META = new Set(
  words(`
  date dc.date dcterms.created citation_publication_date article:published_time
`),
);

/** <title> and <meta> live in <head>, which the sanitiser removes, so read them first. */
async function readHeadMeta(html: string): Promise<HtmlMeta> {
  const { Parser } = await import('htmlparser2');
  const meta: HtmlMeta = {};
  let inTitle = false;
  let title = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'title' && meta.title === undefined) inTitle = true;
      if (name !== 'meta') return;
      const key = (attrs.name ?? attrs.property ?? '').toLowerCase();
      const content = attrs.content?.trim();
      if (!content) return;
      if (AUTHOR_META.has(key)) meta.author ??= content;
      else if (DATE_META.has(key)) meta.date ??= content;
    },
    ontext(text) {
      if (inTitle) title += text;
    },
    onclosetag(name) {
      if (name === 'title' && inTitle) {
        inTitle = false;
        meta.title = title;
      }
    },
  });
  parser.write(html);
  parser.end();
  return meta;
}

type Frame = { name: string; mark?: ReturnType<BlockBuilder['openMark']>; context?: BlockType };

/** Turns sanitised HTML into blocks. Also used for Word documents (via mammoth). */
export async function htmlToBlocks(
  safeHtml: string,
): Promise<{ blocks: RawDocument['blocks']; firstH1?: string }> {
  const { Parser } = await import('htmlparser2');
  const b = new BlockBuilder();
  const stack: Frame[] = [];
  let firstH1: string | undefined;
  let h1Text: string | null = null;
  let cellsInRow = 0;

  const context = (): BlockType => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const ctx = stack[i]?.context;
      if (ctx) return ctx;
    }
    return 'paragraph';
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const frame: Frame = { name };
        if (HEADINGS.has(name)) {
          b.start('heading');
          frame.context = 'heading';
          if (name === 'h1' && firstH1 === undefined) h1Text = '';
        } else if (name === 'pre') {
          b.start('code');
          frame.context = 'code';
        } else if (name === 'p') {
          b.start(context());
        } else if (name === 'li') {
          frame.context = context() === 'code' ? 'code' : 'list-item';
          b.start(frame.context);
        } else if (name === 'blockquote') {
          b.end();
          frame.context = 'quote';
        } else if (name === 'tr') {
          b.start(context());
          cellsInRow = 0;
        } else if (name === 'td' || name === 'th') {
          if (cellsInRow++ > 0) b.text(' | ', context());
        } else if (CONTAINERS.has(name)) {
          b.end();
        } else if (name === 'br') {
          b.text('\n', context());
        } else if (name === 'a') {
          const href = safeHref(attrs.href);
          if (href) frame.mark = b.openMark({ type: 'link', href });
        } else {
          const mark = MARKS[name];
          // Inside <pre> the whole block is code already.
          if (mark && !(mark === 'code' && context() === 'code')) {
            frame.mark = b.openMark({ type: mark });
          }
        }
        stack.push(frame);
      },
      ontext(text) {
        if (h1Text !== null) h1Text += text;
        b.text(text, context());
      },
      onclosetag(name) {
        const at = stack.map((f) => f.name).lastIndexOf(name);
        if (at < 0) return;
        for (const frame of stack.splice(at)) if (frame.mark) b.closeMark(frame.mark);
        if (name === 'h1' && h1Text !== null) {
          firstH1 = h1Text;
          h1Text = null;
        }
        if (name !== 'br' && !(name in MARKS) && name !== 'a' && !INLINE.includes(name)) {
          if (name !== 'td' && name !== 'th') b.end();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(safeHtml);
  parser.end();
  return { blocks: b.blocks, firstH1 };
}

export async function parseHtml(html: string): Promise<RawDocument> {
  const [meta, safe] = await Promise.all([readHeadMeta(html), sanitise(html)]);
  const { blocks, firstH1 } = await htmlToBlocks(safe);
  const title = meta.title?.trim() ? meta.title : firstH1;
  return { title, source: meta.author, publishedOn: meta.date, blocks };
}
