/**
 * Markdown brief: title and source, then each annotated paragraph in reading order with its
 * quoted passages, threads (nested lists), tags and status; orphans at the end.
 *
 * Streams paragraph by paragraph: a "## ¶ N" heading is written when the paragraph changes, so
 * input in reading order gives one section per paragraph; out-of-order input repeats a heading
 * rather than buffering. Only orphans are held back, since they go last.
 *
 * All user text goes through `escapeMarkdown`, so a comment cannot open a heading, a quote, a
 * list, a code block or raw HTML of its own: it stays inside its list item or block quote.
 */
import {
  buildThread,
  humanDate,
  indexBlocks,
  locate,
  paragraphLabel,
  type ThreadNode,
} from './common';
import type { ExportAnnotation, ExportDocument, ExportInput } from './types';

/** Escapes inline Markdown and HTML; returns one string per source line. */
export function escapeMarkdownLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((raw) => {
    let line = raw
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([`*_[\]|~])/g, '\\$1')
      // Leading blanks would turn the line into an indented code block.
      .replace(/^[ \t]+/, '');
    // Block-level markers only matter at the start of a line.
    if (/^(#|\+|-|=)/.test(line)) line = `\\${line}`;
    line = line.replace(/^(\d+)([.)])/, '$1\\$2');
    return line;
  });
}

export function escapeMarkdown(text: string): string {
  return escapeMarkdownLines(text).join(' ');
}

function quoteBlock(text: string): string {
  const lines = escapeMarkdownLines(text).filter((l) => l !== '');
  return lines.length > 0 ? `${lines.map((l) => `> ${l}`).join('\n')}\n` : '> (empty quote)\n';
}

function renderNodes(nodes: ThreadNode[], depth: number): string {
  const indent = '  '.repeat(depth);
  let out = '';
  for (const { comment: c, children } of nodes) {
    if (c.deleted || c.hidden) {
      out += `${indent}- *${c.deleted ? 'comment deleted' : 'comment hidden by a moderator'}*\n`;
    } else {
      const edited = c.editedAt ? ` · edited ${humanDate(c.editedAt)}` : '';
      const lines = escapeMarkdownLines(c.text);
      const first = `${indent}- **${escapeMarkdown(c.authorName)}** (${humanDate(c.createdAt)}${edited}): `;
      // Continuation lines are indented under the item; blank lines become explicit breaks.
      out += first + lines.map((l) => l || '\u00a0').join(`  \n${indent}  `) + '\n';
    }
    out += renderNodes(children, depth + 1);
  }
  return out;
}

export function renderAnnotationMarkdown(a: ExportAnnotation, label: string): string {
  const status =
    a.status === 'RESOLVED'
      ? `resolved${a.resolvedByName ? ` by ${escapeMarkdown(a.resolvedByName)}` : ''}${
          a.resolvedAt ? ` on ${humanDate(a.resolvedAt)}` : ''
        }`
      : 'open';
  const meta = [
    `${label}`,
    `highlighted by **${escapeMarkdown(a.authorName)}** on ${humanDate(a.createdAt)}`,
    status,
    ...(a.visibility === 'PRIVATE' ? ['private'] : []),
    ...(a.tags.length > 0 ? [`tags: ${a.tags.map((t) => escapeMarkdown(t)).join(', ')}`] : []),
    ...(a.anchor.status === 'EDITED' ? ['passage edited since'] : []),
  ];
  const thread = renderNodes(buildThread(a.comments), 0);
  return `${quoteBlock(a.anchor.exact)}\n${meta.join(' · ')}\n\n${thread}${thread ? '\n' : ''}`;
}

function header(doc: ExportDocument, generatedAt: Date): string {
  const lines = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.source) lines.push(`Source: ${escapeMarkdown(doc.source)}  `);
  if (doc.publishedOn) lines.push(`Published: ${escapeMarkdown(doc.publishedOn)}  `);
  lines.push(
    `Workspace: ${escapeMarkdown(doc.workspace.name)} · revision ${doc.revision.number} (${humanDate(
      doc.revision.createdAt,
    )}) · exported ${humanDate(generatedAt)}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

export async function* exportMarkdown(input: ExportInput): AsyncGenerator<string> {
  const { document: doc } = input;
  const blocks = indexBlocks(doc);
  yield header(doc, input.generatedAt);
  const orphans: ExportAnnotation[] = [];
  let currentBlock: string | null = null;
  let count = 0;
  for await (const a of input.annotations) {
    const loc = locate(a, blocks);
    if (!loc) {
      orphans.push(a);
      continue;
    }
    let out = '';
    if (loc.start.key !== currentBlock) {
      currentBlock = loc.start.key;
      out += `## ¶ ${loc.start.number}\n\n`;
    }
    out += renderAnnotationMarkdown(a, paragraphLabel(loc));
    count++;
    yield out;
  }
  if (orphans.length > 0) {
    yield '## Orphaned annotations\n\nThese passages could not be found in this revision.\n\n';
    for (const a of orphans) yield renderAnnotationMarkdown(a, 'orphaned');
  }
  if (count === 0 && orphans.length === 0) yield '*No annotations.*\n';
}
