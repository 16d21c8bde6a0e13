import { db } from '../db/client';
import { annotationVisible, authorize, documentPolicy } from '../policies';
import { actorIn } from '../workspaces/actor';
import { segmentText, type Segment } from './highlights';

export type ReaderBlock = {
  key: string;
  number: number;
  type: string;
  segments: Segment[];
  threadCount: number;
};

export type ReaderView = {
  document: { id: string; title: string; source: string | null; publishedOn: string | null };
  workspace: { slug: string; name: string };
  revision: { number: number; createdAt: Date };
  blocks: ReaderBlock[];
  annotationCount: number;
  orphanCount: number;
};

/** Everything the reader page shows, for a member of the document's workspace. */
export async function getReaderView(userId: string, documentId: string): Promise<ReaderView> {
  const document = await db().document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      title: true,
      source: true,
      publishedOn: true,
      createdById: true,
      workspaceId: true,
      workspace: { select: { slug: true, name: true } },
    },
  });
  const actor = document ? await actorIn(db(), document.workspaceId, userId) : null;
  authorize({
    visible: !!document && !!actor && documentPolicy(actor, 'document:read', document),
    allowed: true,
  });
  const doc = document!;
  const revision = await db().revision.findFirstOrThrow({
    where: { documentId },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      createdAt: true,
      blocks: { orderBy: { position: 'asc' }, select: { key: true, type: true, text: true } },
    },
  });
  const annotations = (
    await db().annotation.findMany({
      where: { documentId },
      select: {
        id: true,
        authorId: true,
        visibility: true,
        blockKey: true,
        endBlockKey: true,
        start: true,
        end: true,
        orphaned: true,
        _count: { select: { comments: true } },
      },
    })
  ).filter((a) => annotationVisible(actor!, a));

  const order = new Map(revision.blocks.map((b, i) => [b.key, i]));
  const rangesByBlock = new Map<string, { start: number; end: number; annotationId: string }[]>();
  const threadsByBlock = new Map<string, number>();
  for (const a of annotations) {
    if (a.orphaned) continue;
    const first = order.get(a.blockKey);
    const last = order.get(a.endBlockKey);
    if (first === undefined || last === undefined) continue;
    if (a._count.comments > 0)
      threadsByBlock.set(a.blockKey, (threadsByBlock.get(a.blockKey) ?? 0) + 1);
    if (a.start === null || a.end === null) continue;
    for (let i = first; i <= last; i++) {
      const block = revision.blocks[i]!;
      const start = i === first ? a.start : 0;
      const end = i === last ? a.end : block.text.length;
      const list = rangesByBlock.get(block.key) ?? [];
      list.push({ start, end, annotationId: a.id });
      rangesByBlock.set(block.key, list);
    }
  }
  return {
    document: { id: doc.id, title: doc.title, source: doc.source, publishedOn: doc.publishedOn },
    workspace: doc.workspace,
    revision: { number: revision.number, createdAt: revision.createdAt },
    blocks: revision.blocks.map((b, i) => ({
      key: b.key,
      number: i + 1,
      type: b.type,
      segments: segmentText(b.text, rangesByBlock.get(b.key) ?? []),
      threadCount: threadsByBlock.get(b.key) ?? 0,
    })),
    annotationCount: annotations.length,
    orphanCount: annotations.filter((a) => a.orphaned).length,
  };
}
