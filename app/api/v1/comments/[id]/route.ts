import { deleteComment, editComment } from '@/lib/annotations/comments';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

/** `{ comment, version }`: a stale version is a 409 with the current version. */
export const PATCH = withUser<Params>(async ({ req, user, params }) =>
  editComment(user.id, params.id, await readJson(req)),
);

export const DELETE = withUser<Params>(async ({ user, params }) =>
  deleteComment(user.id, params.id),
);
