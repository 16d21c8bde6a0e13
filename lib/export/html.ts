/**
 * Printable HTML report: one self-contained page (inline CSS, no scripts, no external assets)
 * meant for "Print → Save as PDF". Every paragraph of the revision is shown with its highlights
 * (`<mark>`) and numbered markers; the threads follow the paragraph where their span ends, like
 * footnotes. Comment HTML is server-rendered and already safe; everything else is escaped.
 *
 * Streams block by block. With input in reading order a paragraph is written once no later
 * annotation can start in it; an out-of-order annotation is still listed (as a note "on ¶ N"),
 * without a mark. Orphans are held back for the final section.
 */
import {
  buildThread,
  escapeHtml,
  humanDate,
  indexBlocks,
  locate,
  paragraphLabel,
  type BlockInfo,
  type Located,
  type ThreadNode,
} from './common';
import { REPORT_CSS } from './html-style';
import type { ExportAnnotation, ExportDocument, ExportInput } from './types';

type Placed = { a: ExportAnnotation; loc: Located; n: number };

function renderThread(nodes: ThreadNode[]): string {
  if (nodes.length === 0) return '';
  const items = nodes.map(({ comment: c, children }) => {
    const body =
      c.deleted || c.hidden
        ? `<p class="gone">${c.deleted ? 'Comment deleted' : 'Comment hidden by a moderator'}</p>`
        : `<div class="c-meta"><strong>${escapeHtml(c.authorName)}</strong> <time datetime="${c.createdAt.toISOString()}">${humanDate(c.createdAt)}</time>${
            c.editedAt ? ' <span class="muted">(edited)</span>' : ''
          }</div><div class="c-body">${c.html}</div>`;
    return `<li>${body}${renderThread(children)}</li>`;
  });
  return `<ul class="thread">${items.join('')}</ul>`;
}

export function renderNote(a: ExportAnnotation, label: string, n: number | null): string {
  const badges = [
    `<span class="badge ${a.status === 'RESOLVED' ? 'resolved' : 'open'}">${
      a.status === 'RESOLVED' ? 'resolved' : 'open'
    }</span>`,
    ...(a.visibility === 'PRIVATE' ? ['<span class="badge private">private</span>'] : []),
    ...a.tags.map((t) => `<span class="tag">#${escapeHtml(t)}</span>`),
  ];
  const num = n === null ? '' : `<a class="num" href="#m${n}">${n}</a> `;
  return `<div class="note"${n === null ? '' : ` id="n${n}"`}><div class="note-head">${num}<span class="where">${escapeHtml(
    label,
  )}</span> · highlighted by ${escapeHtml(a.authorName)}, ${humanDate(a.createdAt)} ${badges.join(
    ' ',
  )}</div><blockquote>${escapeHtml(a.anchor.exact).replace(/\n+/g, '<br>')}</blockquote>${renderThread(
    buildThread(a.comments),
  )}</div>`;
}

/** Paragraph text cut at every highlight boundary; each covered piece wrapped in a <mark>. */
export function renderBlock(block: BlockInfo, spans: Placed[]): string {
  const ranges = spans.map((p) => ({
    n: p.n,
    s: p.loc.start.index === block.index ? p.loc.startOffset : 0,
    e: p.loc.end.index === block.index ? p.loc.endOffset : block.text.length,
    ends: p.loc.end.index === block.index,
  }));
  const cuts = new Set<number>([0, block.text.length]);
  for (const r of ranges) cuts.add(r.s).add(r.e);
  const points = [...cuts].sort((x, y) => x - y);
  let html = '';
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    const next = points[i + 1];
    for (const r of ranges) {
      if (r.ends && r.e === at && i > 0) html += markerHtml(r.n);
    }
    if (next === undefined) break;
    const piece = escapeHtml(block.text.slice(at, next));
    const cover = ranges.filter((r) => r.s <= at && r.e >= next && r.s < r.e);
    html +=
      cover.length === 0
        ? piece
        : `<mark class="${cover.length > 1 ? 'hl overlap' : 'hl'}">${piece}</mark>`;
  }
  // Zero-length spans at offset 0 never reach the loop's marker branch.
  for (const r of ranges) if (r.ends && r.e === 0 && r.s === 0) html = markerHtml(r.n) + html;
  return `<p class="para" id="p-${escapeHtml(block.key)}"><span class="pn">${block.number}</span>${html}</p>\n`;
}

function markerHtml(n: number): string {
  return `<sup class="marker" id="m${n}"><a href="#n${n}">${n}</a></sup>`;
}

function head(doc: ExportDocument, generatedAt: Date): string {
  const meta = [
    ...(doc.source ? [`Source: ${escapeHtml(doc.source)}`] : []),
    ...(doc.publishedOn ? [`Published ${escapeHtml(doc.publishedOn)}`] : []),
    `${escapeHtml(doc.workspace.name)} · revision ${doc.revision.number} (${humanDate(
      doc.revision.createdAt,
    )})`,
    `Exported ${humanDate(generatedAt)}`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} — annotations</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(doc.title)}</h1><p class="meta">${meta.join('<br>')}</p></header>
<main>
`;
}

export async function* exportHtml(input: ExportInput): AsyncGenerator<string> {
  const { document: doc } = input;
  const blocks = indexBlocks(doc);
  yield head(doc, input.generatedAt);
  let next = 0; // first block not yet written
  let counter = 0;
  let active: Placed[] = [];
  const orphans: ExportAnnotation[] = [];

  // Writes blocks [next, upTo) with the spans that touch them, then their notes.
  function flush(upTo: number): string {
    let out = '';
    for (; next < upTo; next++) {
      const block = blocks.get(doc.blocks[next]!.key)!;
      const touching = active.filter((p) => p.loc.start.index <= next && p.loc.end.index >= next);
      out += renderBlock(block, touching);
      const ending = touching.filter((p) => p.loc.end.index === next);
      if (ending.length > 0) {
        out += `<aside class="notes">${ending
          .map((p) => renderNote(p.a, paragraphLabel(p.loc), p.n))
          .join('')}</aside>\n`;
      }
      active = active.filter((p) => p.loc.end.index > next);
    }
    return out;
  }

  for await (const a of input.annotations) {
    const loc = locate(a, blocks);
    if (!loc) {
      orphans.push(a);
      continue;
    }
    if (loc.start.index < next) {
      yield `<aside class="notes late">${renderNote(a, `on ${paragraphLabel(loc)}`, null)}</aside>\n`;
      continue;
    }
    const out = flush(loc.start.index);
    active.push({ a, loc, n: ++counter });
    if (out) yield out;
  }
  yield flush(doc.blocks.length);
  if (orphans.length > 0) {
    yield `<section class="orphans"><h2>Orphaned annotations</h2><p class="muted">These passages could not be found in this revision.</p>`;
    for (const a of orphans) yield renderNote(a, 'orphaned', null);
    yield '</section>\n';
  }
  yield '</main>\n</body>\n</html>\n';
}
