import type { NextRequest } from 'next/server';
import { AppError } from '../errors/app-error';
import { readJson } from './body';

const MULTIPART_OVERHEAD = 1024 * 1024;

/** An import request: multipart with a `file` (plus optional fields), or JSON for pasted text. */
export async function readSubmission(
  req: NextRequest,
  maxFileBytes: number,
): Promise<
  | { file: { name: string; type?: string; bytes: Uint8Array }; metadata: Record<string, string> }
  | { paste: unknown }
> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    return { paste: await readJson(req, maxFileBytes + MULTIPART_OVERHEAD) };
  }
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxFileBytes + MULTIPART_OVERHEAD)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Files can be at most 20 MB.');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'The upload could not be read.');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string')
    throw new AppError('BAD_REQUEST', 'Choose a file to upload.', {
      fields: { file: ['Required'] },
    });
  if (file.size > maxFileBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Files can be at most 20 MB.');
  const metadata: Record<string, string> = {};
  for (const key of ['title', 'source', 'publishedOn']) {
    const v = form.get(key);
    if (typeof v === 'string' && v.trim()) metadata[key] = v;
  }
  return {
    file: { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
    metadata,
  };
}
