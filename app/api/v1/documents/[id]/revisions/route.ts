import { importRevision } from '@/lib/documents/import-document';
import { MAX_IMPORT_BYTES } from '@/lib/documents/import';
import { withUser } from '@/lib/http/route';
import { readSubmission } from '@/lib/http/upload';

/** Same body as document creation; answers with the revision and how annotations moved. */
export const POST = withUser<{ id: string }>(
  async ({ req, user, params }) =>
    importRevision(user.id, params.id, await readSubmission(req, MAX_IMPORT_BYTES)),
  { status: 201 },
);
