/**
 * The members of a document's container, read through the W3C export's loader and mapping
 * (lib/export/load.ts, lib/export/w3c.ts) with container IRIs, so the protocol and the export
 * describe an annotation the same way.
 *
 * One Closeread annotation is one or more members: the thread (or highlight) itself, then one
 * `replying` Annotation per visible comment after the thread's first, oldest first. Members are
 * ordered like the export: annotations in reading order, each followed by its replies.
 */
import { db } from '../db/client';
import { documentForMember } from '../documents/access';
import { AppError } from '../errors/app-error';
import { indexBlocks, isVisible, locate, visibleParents } from '../export/common';
import { loadExportAnnotations, loadExportDocument, readingOrder } from '../export/load';
import type { ExportAnnotation, ExportDocument } from '../export/types';
import { toW3cAnnotations, w3cContext } from '../export/w3c';
import { annotationsVisibleTo, type Actor } from '../policies';
import { containerIri, memberIri, memberIris, type MemberKey } from './iris';

export type W3cAnnotation = Record<string, unknown> & { id: string };

export type ContainerScope = {
  userId: string;
  actor: Actor;
  workspaceId: string;
  document: ExportDocument;
  /** The document's blocks by key, to locate anchors. */
  blocks: ReturnType<typeof indexBlocks>;
  container: string;
};

/** The container of a document, for a member of its workspace; NOT_FOUND for anyone else. */
export async function openContainer(
  userId: string,
  documentId: string,
  origin: string,
): Promise<ContainerScope> {
  const { document: doc, actor } = await documentForMember(userId, documentId);
  const document = await loadExportDocument(userId, documentId, origin);
  return {
    userId,
    actor,
    workspaceId: doc.workspaceId,
    document,
    blocks: indexBlocks(document),
    container: containerIri(origin, documentId),
  };
}

/** Every member of one annotation, thread first. */
export function membersOf(scope: ContainerScope, a: ExportAnnotation): W3cAnnotation[] {
  const ctx = w3cContext(scope.document);
  return toW3cAnnotations(ctx, a, locate(a, scope.blocks)) as W3cAnnotation[];
}

async function loadAnnotations(scope: ContainerScope, ids: string[]) {
  return loadExportAnnotations(
    ids,
    scope.document.revision.id,
    memberIris(scope.container),
    'html',
  );
}

/** Visible annotation ids in reading order with how many members each one makes. */
export async function containerIndex(
  scope: ContainerScope,
): Promise<{ entries: { annotationId: string; members: number }[]; total: number }> {
  const ids = await readingOrder(scope.userId, scope.document);
  // Deleted and hidden comments are left out of the mapping; the first visible one is the body.
  // Counted per document, not by id list: a long document would make a huge IN (…).
  const counts = ids.length
    ? await db().comment.groupBy({
        by: ['annotationId'],
        where: { annotation: { documentId: scope.document.id }, deletedAt: null, hiddenAt: null },
        _count: { _all: true },
      })
    : [];
  const visible = new Map(counts.map((c) => [c.annotationId, c._count._all]));
  const entries = ids.map((id) => ({
    annotationId: id,
    members: Math.max(1, visible.get(id) ?? 0),
  }));
  return { entries, total: entries.reduce((n, e) => n + e.members, 0) };
}

/** Members number `start` to `start + count - 1` (0-based), loading only the annotations needed. */
export async function membersInRange(
  scope: ContainerScope,
  entries: { annotationId: string; members: number }[],
  start: number,
  count: number,
): Promise<W3cAnnotation[]> {
  const ids: string[] = [];
  let at = 0;
  let firstAt = -1;
  for (const e of entries) {
    if (at + e.members > start && at < start + count) {
      if (firstAt < 0) firstAt = at;
      ids.push(e.annotationId);
    }
    at += e.members;
    if (at >= start + count) break;
  }
  if (ids.length === 0) return [];
  const all = (await loadAnnotations(scope, ids)).flatMap((a) => membersOf(scope, a));
  return all.slice(start - firstAt, start - firstAt + count);
}

export type LoadedMember = {
  key: MemberKey;
  iri: string;
  annotation: ExportAnnotation;
  /** The W3C representation of this member. */
  item: W3cAnnotation;
  /** The comment whose text is this member's body (null for a highlight). */
  commentId: string | null;
};

/**
 * One member the user may see, or NOT_FOUND: unknown ids, members of other documents, private
 * annotations of others, deleted or hidden comments, and a thread's first comment (which is the
 * thread's body, not a member of its own).
 */
export async function loadMember(scope: ContainerScope, key: MemberKey): Promise<LoadedMember> {
  const visibleHere = { ...annotationsVisibleTo(scope.userId), documentId: scope.document.id };
  let annotationId: string | null = null;
  if (key.kind === 'thread') {
    const found = await db().annotation.findFirst({
      where: { id: key.annotationId, ...visibleHere },
      select: { id: true },
    });
    annotationId = found?.id ?? null;
  } else {
    const found = await db().comment.findFirst({
      where: { id: key.commentId, annotation: visibleHere },
      select: { annotationId: true },
    });
    annotationId = found?.annotationId ?? null;
  }
  const annotation = annotationId ? (await loadAnnotations(scope, [annotationId]))[0] : undefined;
  const iri = memberIri(scope.container, key);
  const members = annotation ? membersOf(scope, annotation) : [];
  const item = members.find((m) => m.id === iri);
  if (!annotation || !item) throw new AppError('NOT_FOUND');
  const commentId = key.kind === 'reply' ? key.commentId : bodyCommentOf(annotation);
  return { key, iri, annotation, item, commentId };
}

/** The comment the thread's W3C body shows: its first visible top-level comment (as the export). */
export function bodyCommentOf(a: ExportAnnotation): string | null {
  const parents = visibleParents(a.comments);
  return a.comments.find((c) => isVisible(c) && parents.get(c.id) === null)?.id ?? null;
}
