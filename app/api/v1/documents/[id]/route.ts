import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { getDocumentDetails, updateDocument } from '@/lib/documents/manage-document';

type Params = { id: string };

export const GET = withUser<Params>(async ({ user, params }) => ({
  data: await getDocumentDetails(user.id, params.id),
}));

export const PATCH = withUser<Params>(async ({ req, user, params }) => ({
  data: await updateDocument(user.id, params.id, await readJson(req)),
}));
