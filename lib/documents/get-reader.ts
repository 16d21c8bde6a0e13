/** Everything the reader page shows: one revision's blocks with highlights, threads, orphans. */
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { annotationVisible, documentPolicy, type Actor } from '../policies';
import { documentForMember, documentForPublicToken, type AccessibleDocument } from './access';
import { segmentText, type HighlightRange, type Segment } from './highlights';
import { filterCounts, matchesFilter, type FilterCounts, type ReaderFilter } from './reader-filter';
import { readerBlocks, readerRows, threadDetails, type ReaderRow } from './reader-rows';

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
};

/** A thread as its summary in the thread panel shows it. */
export type ReaderSummary = ReaderAnnotation & {
  commentCount: number;
  firstComment: string | null;
};

/** How many threads (in reading order) get a summary; the default is all of them. */
export type ReaderOptions = { summaries?: number };

export type ReaderView = {
  document: { id: string; title: string; source: string | null; publishedOn: string | null };
  workspace: { slug: string; name: string };
  revision: { id: string; number: number; createdAt: Date; isLatest: boolean };
  revisions: { number: number; createdAt: Date }[];
  blocks: ReaderBlock[];
  /** Every thread placed on this revision that passes the filter, in reading order. */
  annotations: ReaderAnnotation[];
  /** The first `summaries` of them, with comment counts and first comments. */
  summaries: ReaderSummary[];
  orphans: ReaderSummary[];
  filterOptions: { authors: { id: string; name: string }[]; tags: string[]; counts: FilterCounts };
  abilities: { annotate: boolean; revise: boolean; share: boolean };
  publicLink: { token: string | null; threads: boolean };
};

export async function getReaderView(
  userId: string,
  documentId: string,
  filter: ReaderFilter = {},
  options: ReaderOptions = {},
): Promise<ReaderView> {
  const { document, actor } = await documentForMember(userId, documentId);
  return buildView(document, filter, options, {
    actor,
    visible: (a) => annotationVisible(actor, a),
  });
}

/** The read-only public view: never private annotations, threads only if the owner chose so. */
export async function getPublicReaderView(
  token: string,
  filter: ReaderFilter = {},
  options: ReaderOptions = {},
): Promise<ReaderView> {
  const document = await documentForPublicToken(token);
  return buildView(document, filter, options, {
    actor: null,
    visible: (a) => document.publicThreads && a.visibility === 'WORKSPACE',
  });
}

async function buildView(
  document: AccessibleDocument,
  filter: ReaderFilter,
  options: ReaderOptions,
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
    readerBlocks(shown.id),
    readerRows(document.id, shown.id),
  ]);
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

  const toView = (a: ReaderRow): ReaderAnnotation => ({
    id: a.id,
    authorId: a.authorId,
    authorName: a.authorName,
    tags: a.tags,
    status: a.status,
    visibility: a.visibility,
    anchorStatus: a.anchorStatus,
    blockKey: a.blockKey,
    quote: a.anchorStatus === 'ORPHANED' ? a.exact : a.anchorExact || a.exact,
  });

  const order = new Map(blocks.map((b, i) => [b.key, i]));
  const ranges = new Map<string, HighlightRange[]>();
  const threads = new Map<string, string[]>();
  const placed: ReaderAnnotation[] = [];
  const orphans: ReaderAnnotation[] = [];
  for (const a of filtered) {
    const first = a.blockKey ? order.get(a.blockKey) : undefined;
    const last = a.endBlockKey ? order.get(a.endBlockKey) : undefined;
    if (a.anchorStatus === 'ORPHANED' || first === undefined || last === undefined) {
      orphans.push(toView(a));
      continue;
    }
    placed.push(toView(a));
    // Appended in place: copying the list per thread was quadratic on a busy paragraph.
    const blockThreads = threads.get(a.blockKey!);
    if (blockThreads) blockThreads.push(a.id);
    else threads.set(a.blockKey!, [a.id]);
    if (a.start === null || a.end === null) continue;
    for (let i = first; i <= last; i++) {
      const block = blocks[i]!;
      const start = i === first ? a.start : 0;
      const end = i === last ? a.end : block.text.length;
      const range = { start, end, annotationId: a.id };
      const blockRanges = ranges.get(block.key);
      if (blockRanges) blockRanges.push(range);
      else ranges.set(block.key, [range]);
    }
  }
  // Threads in reading order.
  placed.sort((x, y) => (order.get(x.blockKey ?? '') ?? 0) - (order.get(y.blockKey ?? '') ?? 0));
  // Counts and first comments only for the threads summarised (a page of a long discussion).
  const summarised = placed.slice(0, options.summaries ?? placed.length);
  const details = await threadDetails([...summarised, ...orphans].map((a) => a.id));
  const withDetails = (a: ReaderAnnotation): ReaderSummary => ({
    ...a,
    commentCount: details.get(a.id)?.commentCount ?? 0,
    firstComment: details.get(a.id)?.firstComment ?? null,
  });

  const authors = new Map(visible.map((a) => [a.authorId, a.authorName]));
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
      segments: segmentText(b.text, ranges.get(b.key) ?? [], b.marks),
      threadIds: threads.get(b.key) ?? [],
    })),
    annotations: placed,
    summaries: summarised.map(withDetails),
    orphans: orphans.map(withDetails),
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
