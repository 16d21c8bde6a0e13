import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { setPublicLink } from '@/lib/documents/manage-document';

type Params = { id: string };

export const POST = withUser<Params>(async ({ req, user, params }) => ({
  data: await setPublicLink(user.id, params.id, await readJson(req)),
}));

export const DELETE = withUser<Params>(async ({ user, params }) => ({
  data: await setPublicLink(user.id, params.id, null),
}));
