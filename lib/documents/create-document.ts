import { db } from '../db/client';
import { authorize, workspacePolicy } from '../policies';
import { actorIn } from '../workspaces/actor';
import { validateParsedDocument, type ParsedDocument } from './blocks';
import { newBlockKeys } from './keys';
import { insertBlocks } from './bulk-insert';

/** Creates a document with its first revision, all or nothing. */
export async function createDocument(
  userId: string,
  workspaceId: string,
  input: ParsedDocument,
  sourceType: string,
): Promise<{ id: string }> {
  const doc = validateParsedDocument(input);
  return db().$transaction(async (tx) => {
    const actor = await actorIn(tx, workspaceId, userId);
    authorize({
      visible: workspacePolicy(actor, 'workspace:read'),
      allowed: workspacePolicy(actor, 'document:create'),
    });
    const document = await tx.document.create({
      data: {
        workspaceId,
        title: doc.title,
        source: doc.source ?? null,
        publishedOn: doc.publishedOn ?? null,
        createdById: userId,
      },
      select: { id: true },
    });
    const revision = await tx.revision.create({
      data: { documentId: document.id, number: 1, sourceType, createdById: userId },
      select: { id: true },
    });
    const keys = newBlockKeys(doc.blocks.length);
    await insertBlocks(
      tx,
      doc.blocks.map((b, position) => ({
        revisionId: revision.id,
        position,
        key: keys[position]!,
        type: b.type,
        text: b.text,
        marks: b.marks,
      })),
    );
    return document;
  });
}
