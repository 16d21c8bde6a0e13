/** Everything the reader page shows: one revision's blocks with highlights, threads, orphans. */
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { annotationVisible, documentPolicy, type Actor } from '../policies';
import { documentForMember, documentForPublicToken, type AccessibleDocument } from './access';
import type { InlineMark } from './blocks';
import { segmentText, type HighlightRange, type Segment } from './highlights';
import { filterCounts, matchesFilter, type FilterCounts, type ReaderFilter } from './reader-filter';

export type ReaderBlock = {
  key: string;
  number: number;
  type: string;
  segments: Segment[];
  threadIds: string[];
};

export type ReaderAnnotation = {
  id: string;
  authorId: string;
  authorName: string;
  tags: string[];
  status: 'OPEN' | 'RESOLVED';
  visibility: 'PRIVATE' | 'WORKSPACE';
  anchorStatus: string;
  blockKey: string | null;
  quote: string;
  prefix: string;
  suffix: string;
  commentCount: number;
  firstComment: string | null;
};

export type ReaderView = {
  document: { id: string; title: string; source: string | null; publishedOn: string | null };
  workspace: { slug: string; name: string };
  revision: { id: string; number: number; createdAt: Date; isLatest: boolean };
  revisions: { number: number; createdAt: Date }[];
  blocks: ReaderBlock[];
  annotations: ReaderAnnotation[];
  orphans: ReaderAnnotation[];
  filterOptions: { authors: { id: string; name: string }[]; tags: string[]; counts: FilterCounts };
  abilities: { annotate: boolean; revise: boolean; share: boolean };
  publicLink: { token: string | null; threads: boolean };
};

export async function getReaderView(
  userId: string,
  documentId: string,
  filter: ReaderFilter = {},
): Promise<ReaderView> {
  const { document, actor } = await documentForMember(userId, documentId);
  return buildView(document, filter, {
    actor,
    visible: (a) => annotationVisible(actor, a),
  });
}

/** The read-only public view: never private annotations, threads only if the owner chose so. */
export async function getPublicReaderView(
  token: string,
  filter: ReaderFilter = {},
): Promise<ReaderView> {
  const document = await documentForPublicToken(token);
  return buildView(document, filter, {
    actor: null,
    visible: (a) => document.publicThreads && a.visibility === 'WORKSPACE',
  });
}

/** Live (not deleted) comments per annotation, for the given annotations only. */
export async function countComments(annotationIds: string[]): Promise<Map<string, number>> {
  if (annotationIds.length === 0) return new Map();
  // One array parameter, however many ids: an IN list of 50,000 exceeds PostgreSQL's limit of
  // bind parameters per statement.
  const rows = await db().$queryRaw<{ annotationId: string; n: number }[]>`
    SELECT "annotationId", count(*)::int AS n FROM "Comment"
     WHERE "annotationId" = ANY(${annotationIds}) AND "deletedAt" IS NULL
     GROUP BY "annotationId"`;
  return new Map(rows.map((r) => [r.annotationId, r.n]));
}

/** Ids per query when loading annotations with their relations (Prisma binds one per id). */
const ANNOTATION_CHUNK = 5_000;

async function buildView(
  document: AccessibleDocument,
  filter: ReaderFilter,
  who: {
    actor: Actor | null;
    visible: (a: { authorId: string; visibility: 'PRIVATE' | 'WORKSPACE' }) => boolean;
  },
): Promise<ReaderView> {
  const revisions = await db().revision.findMany({
    where: { documentId: document.id },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, createdAt: true },
  });
  const latest = revisions[revisions.length - 1];
  const shown = filter.rev ? revisions.find((r) => r.number === filter.rev) : latest;
  if (!shown || !latest) throw new AppError('NOT_FOUND');
  const [blocks, rows] = await Promise.all([
    db().block.findMany({
      where: { revisionId: shown.id },
      orderBy: { position: 'asc' },
      select: { key: true, type: true, text: true, marks: true },
    }),
    annotationsWithRelations(document.id, shown.id),
  ]);
  // Counted per page of ids: Prisma's relation _count would group over every comment stored.
  const commentCounts = await countComments(rows.map((r) => r.id));
  const userId = who.actor?.userId ?? null;
  const visible = rows.filter((a) => who.visible(a));
  // Threads that @mention the reader (their inbox has the MENTION entries).
  const mentioned = new Set(
    userId
      ? (
          await db().notification.findMany({
            where: {
              userId,
              kind: 'MENTION',
              comment: { deletedAt: null, annotation: { documentId: document.id } },
            },
            select: { comment: { select: { annotationId: true } } },
          })
        ).map((n) => n.comment.annotationId)
      : [],
  );
  const filtered = visible.filter((a) => matchesFilter(a, filter, userId, mentioned));

  const toView = (a: (typeof rows)[number]): ReaderAnnotation => {
    const anchor = a.anchors[0]!;
    const first = a.comments[0];
    return {
      id: a.id,
      authorId: a.authorId,
      authorName: a.author.name,
      tags: a.tags,
      status: a.status,
      visibility: a.visibility,
      anchorStatus: anchor.status,
      blockKey: anchor.blockKey,
      quote: anchor.status === 'ORPHANED' ? a.exact : anchor.exact || a.exact,
      prefix: a.prefix,
      suffix: a.suffix,
      commentCount: commentCounts.get(a.id) ?? 0,
      firstComment: first ? (first.hiddenAt ? null : first.bodyText.slice(0, 280)) : null,
    };
  };

  const order = new Map(blocks.map((b, i) => [b.key, i]));
  const ranges = new Map<string, HighlightRange[]>();
  const threads = new Map<string, string[]>();
  const placed: ReaderAnnotation[] = [];
  const orphans: ReaderAnnotation[] = [];
  for (const a of filtered) {
    const anchor = a.anchors[0]!;
    const first = anchor.blockKey ? order.get(anchor.blockKey) : undefined;
    const last = anchor.endBlockKey ? order.get(anchor.endBlockKey) : undefined;
    if (anchor.status === 'ORPHANED' || first === undefined || last === undefined) {
      orphans.push(toView(a));
      continue;
    }
    placed.push(toView(a));
    // Appended in place: copying the list per thread was quadratic on a busy paragraph.
    const blockThreads = threads.get(anchor.blockKey!);
    if (blockThreads) blockThreads.push(a.id);
    else threads.set(anchor.blockKey!, [a.id]);
    if (anchor.start === null || anchor.end === null) continue;
    for (let i = first; i <= last; i++) {
      const block = blocks[i]!;
      const start = i === first ? anchor.start : 0;
      const end = i === last ? anchor.end : block.text.length;
      const range = { start, end, annotationId: a.id };
      const blockRanges = ranges.get(block.key);
      if (blockRanges) blockRanges.push(range);
      else ranges.set(block.key, [range]);
    }
  }
  // Threads in reading order.
  placed.sort((x, y) => (order.get(x.blockKey ?? '') ?? 0) - (order.get(y.blockKey ?? '') ?? 0));

  const authors = new Map(visible.map((a) => [a.authorId, a.author.name]));
  const actor = who.actor;
  return {
    document: {
      id: document.id,
      title: document.title,
      source: document.source,
      publishedOn: document.publishedOn,
    },
    workspace: document.workspace,
    revision: {
      id: shown.id,
      number: shown.number,
      createdAt: shown.createdAt,
      isLatest: shown.id === latest.id,
    },
    revisions: revisions.map((r) => ({ number: r.number, createdAt: r.createdAt })),
    blocks: blocks.map((b, i) => ({
      key: b.key,
      number: i + 1,
      type: b.type,
      segments: segmentText(b.text, ranges.get(b.key) ?? [], b.marks as InlineMark[]),
      threadIds: threads.get(b.key) ?? [],
    })),
    annotations: placed,
    orphans,
    filterOptions: {
      authors: [...authors].map(([id, name]) => ({ id, name })),
      tags: [...new Set(visible.flatMap((a) => a.tags))].sort(),
      counts: filterCounts(visible, userId, mentioned),
    },
    abilities: {
      annotate:
        !!actor && shown.id === latest.id && documentPolicy(actor, 'annotation:create', document),
      revise: !!actor && documentPolicy(actor, 'document:revise', document),
      share: !!actor && documentPolicy(actor, 'document:update', document),
    },
    publicLink: {
      token:
        actor && documentPolicy(actor, 'document:update', document) ? document.publicToken : null,
      threads: document.publicThreads,
    },
  };
}

/**
 * Every annotation anchored on the revision, oldest first, with what the reader shows. Loaded in
 * chunks of ids: Prisma fetches relations with an IN list of the parents' ids, and a document
 * with 50,000 threads would exceed PostgreSQL's bind-parameter limit in one query.
 */
async function annotationsWithRelations(documentId: string, revisionId: string) {
  const ids = await db().annotation.findMany({
    where: { documentId, anchors: { some: { revisionId } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += ANNOTATION_CHUNK)
    chunks.push(ids.slice(i, i + ANNOTATION_CHUNK).map((r) => r.id));
  const loaded = await Promise.all(
    chunks.map((chunk) =>
      db().annotation.findMany({
        where: { id: { in: chunk } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          authorId: true,
          visibility: true,
          status: true,
          tags: true,
          exact: true,
          prefix: true,
          suffix: true,
          author: { select: { name: true } },
          anchors: { where: { revisionId } },
          comments: {
            where: { deletedAt: null, parentId: null },
            orderBy: { createdAt: 'asc' },
            take: 1,
            select: { bodyText: true, hiddenAt: true },
          },
        },
      }),
    ),
  );
  return loaded.flat();
}
