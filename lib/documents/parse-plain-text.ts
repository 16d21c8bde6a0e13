import type { ParsedDocument } from './blocks';

/**
 * Plain text: paragraphs are separated by blank lines; single line breaks inside a paragraph
 * are joined with a space. When `firstLineIsTitle`, the first paragraph's first line is the title.
 */
export function parsePlainText(
  text: string,
  opts: { fallbackTitle: string; firstLineIsTitle?: boolean },
): ParsedDocument {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const paragraphs = normalised
    .split(/\n[ \t]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter((p) => p.length > 0);
  let title = opts.fallbackTitle;
  if (opts.firstLineIsTitle && paragraphs.length > 1) {
    title = paragraphs.shift() ?? title;
  }
  return {
    title,
    blocks: paragraphs.map((text) => ({ type: 'paragraph', text, marks: [] })),
  };
}
