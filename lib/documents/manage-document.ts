/** Editing a document's details and its public read-only link. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '../db/client';
import { parseInput } from '../http/validate';
import { authorize, documentPolicy } from '../policies';
import { documentForMember } from './access';
import { LIMITS } from './blocks';

export const updateDocumentSchema = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.maxTitleChars).optional(),
    source: z.string().trim().max(500).nullable().optional(),
    publishedOn: z.string().trim().max(40).nullable().optional(),
  })
  .strict();

export async function getDocumentDetails(userId: string, documentId: string) {
  const { document, actor } = await documentForMember(userId, documentId);
  const revisions = await db().revision.findMany({
    where: { documentId },
    orderBy: { number: 'asc' },
    select: {
      number: true,
      createdAt: true,
      sourceType: true,
      createdBy: { select: { name: true } },
    },
  });
  return {
    id: document.id,
    title: document.title,
    source: document.source,
    publishedOn: document.publishedOn,
    workspace: document.workspace,
    revisions: revisions.map((r) => ({
      number: r.number,
      createdAt: r.createdAt,
      sourceType: r.sourceType,
      by: r.createdBy.name,
    })),
    abilities: {
      update: documentPolicy(actor, 'document:update', document),
      revise: documentPolicy(actor, 'document:revise', document),
      annotate: documentPolicy(actor, 'annotation:create', document),
    },
  };
}

export async function updateDocument(userId: string, documentId: string, input: unknown) {
  const { document, actor } = await documentForMember(userId, documentId);
  authorize({ visible: true, allowed: documentPolicy(actor, 'document:update', document) });
  const data = parseInput(updateDocumentSchema, input);
  return db().document.update({
    where: { id: documentId },
    data,
    select: { id: true, title: true, source: true, publishedOn: true },
  });
}

export const shareSchema = z.object({ threads: z.boolean().default(false) }).strict();

/** Publishes the document read-only at /p/<token> (a new token each time), or revokes it. */
export async function setPublicLink(userId: string, documentId: string, input: unknown | null) {
  const { document, actor } = await documentForMember(userId, documentId);
  authorize({ visible: true, allowed: documentPolicy(actor, 'document:update', document) });
  if (input === null) {
    await db().document.update({
      where: { id: documentId },
      data: { publicToken: null, publicThreads: false },
    });
    return { token: null, path: null };
  }
  const { threads } = parseInput(shareSchema, input);
  const token = randomBytes(18).toString('base64url');
  await db().document.update({
    where: { id: documentId },
    data: { publicToken: token, publicThreads: threads },
  });
  return { token, path: `/p/${token}`, threads };
}
