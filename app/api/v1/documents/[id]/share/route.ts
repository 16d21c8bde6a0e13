import { setPublicLink } from '@/lib/documents/manage-document';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

export const POST = withUser<Params>(async ({ req, user, params }) =>
  setPublicLink(user.id, params.id, await readJson(req)),
);

export const DELETE = withUser<Params>(async ({ user, params }) =>
  setPublicLink(user.id, params.id, null),
);
