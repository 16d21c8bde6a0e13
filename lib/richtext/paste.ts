// Pre-clean pasted HTML (Word, Outlook, Google Docs, web pages) before ProseMirror parses it.
// This is not a security boundary: the schema's parser keeps only the allowed nodes and marks,
// and the server validates whatever is submitted. It removes Office noise the parser would
// otherwise turn into stray text (list glyphs, <o:p> spacers, conditional-comment payloads).

const DROP_WITH_CONTENT = /<(style|script|xml|title|head|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const DROP_TAG = /<\/?(?:o|w|v|m|st1):[a-z]+\b[^>]*>|<(?:meta|link|base)\b[^>]*>/gi;
// Word's downlevel-revealed blocks, e.g. <![if !supportLists]>·&nbsp;<![endif]>, hold the list
// bullet/number glyphs that would otherwise become literal "·" text.
const DOWNLEVEL_BLOCK = /<!\[if\s[^\]]*\]>[\s\S]*?<!\[endif\]>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const STYLE_ATTR = /\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi;
const MSO_CLASS = /\sclass\s*=\s*("Mso[^"]*"|'Mso[^']*'|Mso[\w-]*)/gi;

function cleanStyle(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^mso-/i.test(d) && !/^tab-stops\s*:/i.test(d))
    .join('; ');
}

export function cleanPastedHtml(html: string): string {
  return html
    .replace(COMMENT, '')
    .replace(DOWNLEVEL_BLOCK, '')
    .replace(/<!\[(?:end)?if[^\]]*\]>/gi, '')
    .replace(DROP_WITH_CONTENT, '')
    .replace(DROP_TAG, '')
    .replace(MSO_CLASS, '')
    .replace(STYLE_ATTR, (_m, _q, dq: string | undefined, sq: string | undefined) => {
      const cleaned = cleanStyle(dq ?? sq ?? '');
      return cleaned ? ` style="${cleaned.replace(/"/g, '&quot;')}"` : '';
    });
}
