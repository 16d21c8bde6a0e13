import { importAnnotations, isImportFormat } from '@/lib/annotation-import';
import { AppError } from '@/lib/errors/app-error';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Exports with thousands of annotations are larger than the default JSON body limit. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** POST /api/v1/documents/<id>/import?format=w3c|hypothesis — body: the exported JSON. */
export const POST = withUser<{ id: string }>(
  async ({ req, user, params }) => {
    const format = req.nextUrl.searchParams.get('format') ?? 'w3c';
    if (!isImportFormat(format)) {
      throw new AppError('BAD_REQUEST', 'Unknown format. Use one of: w3c, hypothesis.', {
        fields: { format: ['Unknown format'] },
      });
    }
    const body = await readJson(req, MAX_IMPORT_BYTES);
    return importAnnotations(user.id, params.id, body, format);
  },
  { status: 201 },
);
