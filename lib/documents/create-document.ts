import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { authorize, workspacePolicy } from '../policies';
import { actorIn } from '../workspaces/actor';
import { BLOCK_TYPES, LIMITS, markSchema, type ParsedDocument } from './blocks';
import { newBlockKeys } from './keys';

const parsedDocumentSchema = z.object({
  title: z.string().trim().min(1, 'Title is required').max(LIMITS.maxTitleChars),
  source: z.string().trim().max(500).optional(),
  publishedOn: z.string().trim().max(40).optional(),
  blocks: z
    .array(
      z.object({
        type: z.enum(BLOCK_TYPES),
        text: z.string().min(1).max(LIMITS.maxBlockChars),
        marks: z.array(markSchema).max(10_000),
      }),
    )
    .min(1, 'The document has no text')
    .max(LIMITS.maxBlocks, `A document may have at most ${LIMITS.maxBlocks} blocks`),
});

/** Creates a document with its first revision, all or nothing. */
export async function createDocument(
  userId: string,
  workspaceId: string,
  input: ParsedDocument,
  sourceType: string,
): Promise<{ id: string }> {
  const parsed = parsedDocumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'Invalid document', {
      fields: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    });
  }
  const doc = parsed.data;
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
    await tx.block.createMany({
      data: doc.blocks.map((b, position) => ({
        revisionId: revision.id,
        position,
        key: keys[position]!,
        type: b.type,
        text: b.text,
        marks: b.marks,
      })),
    });
    return document;
  });
}
