/** Adding a document to a workspace from an uploaded file or pasted text, all or nothing. */
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { authorize, workspacePolicy } from '../policies';
import { workspaceBySlugFor } from '../workspaces/manage';
import { LIMITS, type ParsedDocument } from './blocks';
import { createDocument } from './create-document';
import { MAX_IMPORT_BYTES, parseImport, parsePastedText } from './import';
import { reviseDocument } from './revise-document';

export const metadataSchema = z
  .object({
    title: z.string().trim().max(LIMITS.maxTitleChars).optional(),
    source: z.string().trim().max(500).optional(),
    publishedOn: z.string().trim().max(40).optional(),
  })
  .strict();

export const pasteSchema = metadataSchema
  .extend({
    text: z.string().min(1, 'Paste some text').max(MAX_IMPORT_BYTES),
    format: z.enum(['text', 'markdown', 'html']).default('text'),
  })
  .strict();

export type UploadedFile = { name: string; type?: string; bytes: Uint8Array };

/** Turns an upload or a paste into a parsed document, with metadata overrides applied. */
export async function parseSubmission(
  submission: { file: UploadedFile; metadata?: unknown } | { paste: unknown },
): Promise<{ parsed: ParsedDocument; sourceType: string }> {
  if ('paste' in submission) {
    const data = parseInput(pasteSchema, submission.paste);
    const parsed =
      data.format === 'html'
        ? await parseImport({
            name: 'pasted.html',
            type: 'text/html',
            bytes: new TextEncoder().encode(data.text),
          })
        : await parsePastedText(data.text, { title: data.title, format: data.format });
    const types = { text: 'text/plain', markdown: 'text/markdown', html: 'text/html' } as const;
    return { parsed: withMetadata(parsed, data), sourceType: types[data.format] };
  }
  if (submission.file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'Files can be at most 20 MB.');
  }
  const metadata = parseInput(metadataSchema, submission.metadata ?? {});
  const parsed = await parseImport(submission.file);
  return {
    parsed: withMetadata(parsed, metadata),
    sourceType: submission.file.type || submission.file.name.split('.').pop() || 'file',
  };
}

function withMetadata(parsed: ParsedDocument, m: z.infer<typeof metadataSchema>): ParsedDocument {
  return {
    ...parsed,
    ...(m.title ? { title: m.title } : {}),
    ...(m.source ? { source: m.source } : {}),
    ...(m.publishedOn ? { publishedOn: m.publishedOn } : {}),
  };
}

export async function importDocument(
  userId: string,
  slug: string,
  submission: Parameters<typeof parseSubmission>[0],
): Promise<{ id: string }> {
  // Check membership before parsing anything a non-member sent.
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  authorize({ visible: true, allowed: workspacePolicy(actor, 'document:create') });
  const { parsed, sourceType } = await parseSubmission(submission);
  return createDocument(userId, workspace.id, parsed, sourceType);
}

export async function importRevision(
  userId: string,
  documentId: string,
  submission: Parameters<typeof parseSubmission>[0],
) {
  const { parsed, sourceType } = await parseSubmission(submission);
  return reviseDocument(userId, documentId, parsed, sourceType);
}
