/**
 * Word (.docx) export with native Word comments on the highlighted ranges.
 *
 * A .docx is a zip whose parts (document.xml, comments.xml) are only complete once every
 * annotation is known, so this format reads the whole input into memory and yields the file at
 * the end; that is the one non-streaming format. To bound it, at most `maxComments` Word
 * comments (default 5,000) are written; further annotations are left out and a note paragraph
 * at the top says how many, pointing to the CSV / W3C exports, which have no limit.
 *
 * Threads: one Word comment per annotation (the first visible top-level comment, or "Highlight"
 * for a bare highlight) carrying the resolved flag; every other visible comment is a native
 * Word reply (docx 9 writes commentsExtended.xml for `parentId`). Word shows replies one level
 * deep, so a reply to a reply says whom it answers. Each reply also gets its own range markers
 * on the same span, as Word itself writes them.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import {
  humanDate,
  indexBlocks,
  isVisible,
  locate,
  visibleParents,
  type BlockInfo,
  type Located,
} from './common';
import type { ExportAnnotation, ExportComment, ExportInput } from './types';

export type DocxOptions = { maxComments?: number };

export const DOCX_MAX_COMMENTS = 5000;

type Placed = { loc: Located | null; ids: number[]; exact: string };

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w][0] ?? '');
  return letters.slice(0, 3).join('').toUpperCase() || '?';
}

function textParagraphs(text: string): Paragraph[] {
  return text.split(/\r\n|\r|\n/).map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

/** Word comments (root first, then replies) for one annotation. */
function wordComments(a: ExportAnnotation, firstId: number): ICommentOptions[] {
  const visible = a.comments.filter(isVisible);
  const parents = visibleParents(a.comments);
  const root = visible.find((c) => parents.get(c.id) === null);
  const byId = new Map(visible.map((c) => [c.id, c]));
  const status = a.status === 'RESOLVED' ? 'resolved' : 'open';
  const summary = [
    a.visibility === 'PRIVATE' ? 'private' : null,
    status,
    a.tags.length > 0 ? `tags: ${a.tags.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const rootAuthor = root ? root.authorName : a.authorName;
  const out: ICommentOptions[] = [
    {
      id: firstId,
      author: rootAuthor,
      initials: initials(rootAuthor),
      date: root ? root.createdAt : a.createdAt,
      resolved: a.status === 'RESOLVED',
      children: [
        ...(root ? textParagraphs(root.text) : [new Paragraph('Highlight')]),
        new Paragraph({ children: [new TextRun({ text: summary, italics: true, size: 16 })] }),
      ],
    },
  ];
  let id = firstId;
  for (const c of visible) {
    if (c === root) continue;
    const parentId = parents.get(c.id) ?? null;
    const parent: ExportComment | undefined = parentId ? byId.get(parentId) : undefined;
    const prefix = parent && parent !== root ? `↳ to ${parent.authorName}: ` : '';
    out.push({
      id: ++id,
      parentId: firstId,
      author: c.authorName,
      initials: initials(c.authorName),
      date: c.createdAt,
      children: textParagraphs(prefix + c.text),
    });
  }
  return out;
}

function rangeStarts(ids: number[]): ParagraphChild[] {
  return ids.map((id) => new CommentRangeStart(id));
}

function rangeEnds(ids: number[]): ParagraphChild[] {
  return ids.flatMap((id) => [
    new CommentRangeEnd(id),
    new TextRun({ children: [new CommentReference(id)] }),
  ]);
}

/** One body paragraph, its runs split at every highlight boundary. */
function blockParagraph(block: BlockInfo, placed: Placed[]): Paragraph {
  const ranges = placed.flatMap(({ loc, ids }) => {
    if (!loc || loc.start.index > block.index || loc.end.index < block.index) return [];
    return [
      {
        ids,
        s: loc.start.index === block.index ? loc.startOffset : 0,
        e: loc.end.index === block.index ? loc.endOffset : block.text.length,
        starts: loc.start.index === block.index,
        ends: loc.end.index === block.index,
      },
    ];
  });
  const cuts = new Set<number>([0, block.text.length]);
  for (const r of ranges) cuts.add(r.s).add(r.e);
  const points = [...cuts].sort((x, y) => x - y);
  const children: ParagraphChild[] = [
    new TextRun({ text: `${block.number}\u2002`, color: '888888', size: 16 }),
  ];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    const next = points[i + 1];
    // Ends before starts, so back-to-back spans do not nest by accident.
    for (const r of ranges) if (r.ends && r.e === at) children.push(...rangeEnds(r.ids));
    for (const r of ranges)
      if (r.starts && r.s === at && next !== undefined) children.push(...rangeStarts(r.ids));
    if (next === undefined) break;
    const covered = ranges.some((r) => r.s <= at && r.e >= next && r.s < r.e);
    const text = block.text.slice(at, next);
    if (text) children.push(new TextRun(covered ? { text, highlight: 'yellow' } : text));
  }
  // A span starting at the very end of the block (empty) still needs its start marker.
  for (const r of ranges) {
    if (r.starts && r.s === block.text.length && r.s === r.e && !r.ends)
      children.push(...rangeStarts(r.ids));
  }
  return new Paragraph({ children, spacing: { after: 160 } });
}

export async function* exportDocx(
  input: ExportInput,
  opts: DocxOptions = {},
): AsyncGenerator<Uint8Array> {
  const { document: doc } = input;
  const max = opts.maxComments ?? DOCX_MAX_COMMENTS;
  const blocks = indexBlocks(doc);
  const comments: ICommentOptions[] = [];
  const placed: Placed[] = [];
  let skipped = 0;
  for await (const a of input.annotations) {
    const wc = wordComments(a, comments.length);
    if (comments.length + wc.length > max) {
      skipped++;
      continue;
    }
    comments.push(...wc);
    placed.push({ loc: locate(a, blocks), ids: wc.map((c) => c.id), exact: a.anchor.exact });
  }

  const body: Paragraph[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...(doc.source
      ? [
          new Paragraph({
            children: [new TextRun({ text: `Source: ${doc.source}`, italics: true })],
          }),
        ]
      : []),
    new Paragraph({
      children: [
        new TextRun({
          text: `${doc.workspace.name} · revision ${doc.revision.number} (${humanDate(doc.revision.createdAt)}) · exported ${humanDate(input.generatedAt)}`,
          color: '666666',
          size: 18,
        }),
      ],
    }),
  ];
  if (skipped > 0) {
    body.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [
          new TextRun({
            text: `Note: ${skipped} annotation(s) were left out because a Word file is limited to ${max} comments here. Use the CSV or W3C export for the complete set.`,
            bold: true,
            color: 'B00020',
          }),
        ],
      }),
    );
  }
  for (const block of doc.blocks) body.push(blockParagraph(blocks.get(block.key)!, placed));
  const orphans = placed.filter((p) => p.loc === null);
  if (orphans.length > 0) {
    body.push(new Paragraph({ text: 'Orphaned annotations', heading: HeadingLevel.HEADING_2 }));
    for (const o of orphans) {
      body.push(
        new Paragraph({
          children: [
            ...rangeStarts(o.ids),
            new TextRun({ text: o.exact || '(empty quote)', italics: true }),
            ...rangeEnds(o.ids),
          ],
        }),
      );
    }
  }
  const file = new Document({
    title: doc.title,
    creator: 'Closeread',
    description: `Annotations on ${doc.title}, revision ${doc.revision.number}`,
    comments: { children: comments },
    sections: [{ children: body }],
  });
  yield new Uint8Array(await Packer.toBuffer(file));
}
