import { deleteComment, editComment } from '@/lib/annotations/comments';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

export const PATCH = withUser<Params>(async ({ req, user, params }) => ({
  data: await editComment(user.id, params.id, await readJson(req)),
}));

export const DELETE = withUser<Params>(async ({ user, params }) => ({
  data: await deleteComment(user.id, params.id),
}));
