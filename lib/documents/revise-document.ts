/**
 * A new version of a document: blocks inherit keys from the previous revision (matchBlocks),
 * every annotation is re-anchored (planReanchoring) and gets its status on the new revision.
 * One transaction: a crash half-way leaves the previous revision current.
 */
import { matchBlocks } from '../anchoring';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { authorize, documentPolicy } from '../policies';
import { documentForMember } from './access';
import { validateParsedDocument, type ParsedDocument } from './blocks';
import { insertAnchors, insertBlocks } from './bulk-insert';
import { publishDocumentEvent } from './events';
import { newBlockKey } from './keys';
import { planReanchoring, type AnchorStatus } from './plan-reanchoring';
import { lockForRevision } from './revision-lock';

export type RevisionReport = {
  id: string;
  number: number;
  blocks: { kept: number; added: number; removed: number };
  annotations: Record<AnchorStatus, number>;
};

export async function reviseDocument(
  userId: string,
  documentId: string,
  input: ParsedDocument,
  sourceType: string,
): Promise<RevisionReport> {
  const { document, actor } = await documentForMember(userId, documentId);
  authorize({ visible: true, allowed: documentPolicy(actor, 'document:revise', document) });
  const parsed = validateParsedDocument(input);

  return db().$transaction(
    async (tx) => {
      // Serialise revisions of one document, and annotation writes against this one: a
      // concurrent upload, new annotation or re-attachment waits (revision-lock.ts).
      await lockForRevision(tx, documentId);
      const previous = await tx.revision.findFirst({
        where: { documentId },
        orderBy: { number: 'desc' },
        select: {
          id: true,
          number: true,
          blocks: { orderBy: { position: 'asc' }, select: { key: true, text: true } },
        },
      });
      if (!previous) throw new AppError('NOT_FOUND');
      const taken = new Set(previous.blocks.map((b) => b.key));
      const matched = matchBlocks(previous.blocks, parsed.blocks, () => {
        let key = newBlockKey();
        while (taken.has(key)) key = newBlockKey();
        taken.add(key);
        return key;
      });
      const revision = await tx.revision.create({
        data: { documentId, number: previous.number + 1, sourceType, createdById: userId },
        select: { id: true, number: true },
      });
      await insertBlocks(
        tx,
        parsed.blocks.map((b, position) => ({
          revisionId: revision.id,
          position,
          key: matched[position]!.key,
          type: b.type,
          text: b.text,
          marks: b.marks,
        })),
      );
      const current = await tx.annotationAnchor.findMany({
        where: { revisionId: previous.id },
        select: {
          annotationId: true,
          blockKey: true,
          endBlockKey: true,
          start: true,
          end: true,
          exact: true,
          status: true,
          annotation: { select: { exact: true, prefix: true, suffix: true } },
        },
      });
      const next = planReanchoring(
        previous.blocks,
        matched.map((m) => ({ key: m.key, text: m.text })),
        current.map((c) => ({
          annotationId: c.annotationId,
          blockKey: c.blockKey,
          endBlockKey: c.endBlockKey,
          start: c.start,
          end: c.end,
          exact: c.exact,
          orphaned: c.status === 'ORPHANED',
          selector: c.annotation,
        })),
      );
      await insertAnchors(
        tx,
        next.map((a) => ({ ...a, revisionId: revision.id })),
      );
      const counts: Record<AnchorStatus, number> = {
        UNCHANGED: 0,
        MOVED: 0,
        EDITED: 0,
        ORPHANED: 0,
      };
      for (const a of next) counts[a.status] += 1;
      const kept = matched.filter((m) => m.matchedFrom !== null).length;
      await publishDocumentEvent(tx, documentId, 'revision.created', { number: revision.number });
      return {
        id: revision.id,
        number: revision.number,
        blocks: { kept, added: matched.length - kept, removed: previous.blocks.length - kept },
        annotations: counts,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
