/**
 * Imports annotations from a W3C Web Annotation file or a Hypothesis export into a document's
 * latest revision, in one transaction (all or nothing). Parsing, anchoring and comment conversion
 * happen before the transaction; the transaction re-checks the revision so a concurrent revise
 * cannot leave anchors on a stale revision.
 */
import { MAX_COMMENTS_PER_THREAD } from '../annotations/comments';
import { db, Prisma } from '../db/client';
import { newId } from '../db/ids';
import { documentForMember } from '../documents/access';
import { lockForRevision } from '../documents/revision-lock';
import { AppError } from '../errors/app-error';
import { authorize, documentPolicy } from '../policies';
import { placeThreads, type Placement } from './anchor-imported';
import { attributionFor, authorResolver, normaliseTags } from './authors';
import { toCommentDoc } from './comment-doc';
import { publishDocumentEvents } from './events';
import { parseHypothesis } from './parse-hypothesis';
import { parseW3c } from './parse-w3c';
import { IMPORT_FORMATS, type ImportFormat, type ImportedThread } from './types';

export type ImportResult = {
  imported: number;
  anchored: number;
  orphaned: number;
  comments: number;
  threads: { id: string; externalId: string; status: 'ANCHORED' | 'ORPHANED' }[];
};

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

function parse(input: unknown, format: ImportFormat): ImportedThread[] {
  return format === 'w3c' ? parseW3c(input) : parseHypothesis(input);
}

export async function importAnnotations(
  userId: string,
  documentId: string,
  input: unknown,
  format: ImportFormat,
): Promise<ImportResult> {
  if (!isImportFormat(format)) {
    throw new AppError('BAD_REQUEST', 'format: use w3c or hypothesis', {
      fields: { format: ['Use w3c or hypothesis'] },
    });
  }
  const { document, actor } = await documentForMember(userId, documentId);
  authorize({ visible: true, allowed: documentPolicy(actor, 'annotation:create', document) });
  const threads = parse(input, format);
  const crowded = threads.find((t) => t.comments.length > MAX_COMMENTS_PER_THREAD);
  if (crowded) {
    // The same cap replies have: the reader renders a thread's comments all at once.
    throw new AppError(
      'BAD_REQUEST',
      `A thread holds at most ${MAX_COMMENTS_PER_THREAD} comments; ${crowded.externalId} has ${crowded.comments.length}.`,
      { fields: { _: ['Too many replies in one thread'] } },
    );
  }

  const members = await db().membership.findMany({
    where: { workspaceId: document.workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const resolve = authorResolver(members.map((m) => m.user));
  const memberIds = new Set(members.map((m) => m.user.id));
  const revision = await db().revision.findFirstOrThrow({
    where: { documentId },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      blocks: { orderBy: { position: 'asc' }, select: { key: true, text: true } },
    },
  });
  const placements = placeThreads(revision.blocks, threads);

  const now = new Date();
  const annotations: Prisma.AnnotationCreateManyInput[] = [];
  const anchors: Prisma.AnnotationAnchorCreateManyInput[] = [];
  const comments: Prisma.CommentCreateManyInput[] = [];
  const events: { annotationId: string; visibility: 'PRIVATE' | 'WORKSPACE'; authorId: string }[] =
    [];
  const result: ImportResult = { imported: 0, anchored: 0, orphaned: 0, comments: 0, threads: [] };

  for (const [i, t] of threads.entries()) {
    const place: Placement = placements[i]!;
    const id = newId();
    // Private notes stay private to whoever imports them: creating one owned by another member
    // would hide it from the importer and speak for that member.
    const isPrivate = t.visibility === 'PRIVATE';
    const ownerId = isPrivate ? userId : (resolve(t)?.id ?? userId);
    const created = t.created ?? now;
    annotations.push({
      id,
      documentId,
      authorId: ownerId,
      revisionId: revision.id,
      ...place.quote,
      visibility: t.visibility,
      tags: normaliseTags(t.tags),
      createdAt: created,
    });
    anchors.push(
      place.status === 'CREATED'
        ? {
            annotationId: id,
            revisionId: revision.id,
            blockKey: place.blockKey,
            endBlockKey: place.endBlockKey,
            start: place.start,
            end: place.end,
            exact: place.quote.exact,
            status: 'CREATED',
            confidence: place.confidence,
          }
        : {
            annotationId: id,
            revisionId: revision.id,
            exact: place.quote.exact,
            status: 'ORPHANED',
            confidence: 0,
          },
    );
    const ids = new Map(t.comments.map((c) => [c.externalId, newId()]));
    for (const c of t.comments) {
      const member = resolve(c);
      const authorId = isPrivate ? userId : (member?.id ?? userId);
      const body = await toCommentDoc(c.body, {
        attribution: member?.id === authorId ? null : attributionFor(c, c.created),
        isMember: (uid) => memberIds.has(uid),
      });
      comments.push({
        id: ids.get(c.externalId)!,
        annotationId: id,
        parentId: c.parentExternalId === null ? null : (ids.get(c.parentExternalId) ?? null),
        authorId,
        body: body.doc as unknown as Prisma.InputJsonValue,
        bodyText: body.text,
        createdAt: c.created ?? created,
      });
    }
    events.push({ annotationId: id, visibility: t.visibility, authorId: ownerId });
    const anchored = place.status === 'CREATED';
    result.imported++;
    result[anchored ? 'anchored' : 'orphaned']++;
    result.comments += t.comments.length;
    result.threads.push({
      id,
      externalId: t.externalId,
      status: anchored ? 'ANCHORED' : 'ORPHANED',
    });
  }

  if (annotations.length === 0) return result;
  await db().$transaction(
    async (tx) => {
      // Serialise with revisions (revise-document takes the same lock) and refuse a stale plan.
      await lockForRevision(tx, documentId);
      const latest = await tx.revision.findFirst({
        where: { documentId },
        orderBy: { number: 'desc' },
        select: { id: true },
      });
      if (latest?.id !== revision.id) {
        throw new AppError('CONFLICT', 'The document was revised during the import. Try again.');
      }
      await tx.annotation.createMany({ data: annotations });
      await tx.annotationAnchor.createMany({ data: anchors });
      // Parents precede replies (orderComments), so batching never breaks the parentId FK.
      await tx.comment.createMany({ data: comments });
      // Imported comments notify nobody: old discussions should not flood the inbox.
      await publishDocumentEvents(tx, documentId, 'annotation.created', events);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return result;
}
