import { getDocumentJson } from '@/lib/documents/document-json';
import { updateDocument } from '@/lib/documents/manage-document';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

/** `?revision=N` for an earlier revision's blocks. */
export const GET = withUser<Params>(async ({ req, user, params }) =>
  getDocumentJson(user.id, params.id, Object.fromEntries(req.nextUrl.searchParams)),
);

export const PATCH = withUser<Params>(async ({ req, user, params }) =>
  updateDocument(user.id, params.id, await readJson(req)),
);
