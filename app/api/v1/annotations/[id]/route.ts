import { getAnnotationJson } from '@/lib/annotations/list-annotations';
import { deleteThread, getThread, updateThread } from '@/lib/annotations/threads';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

export const GET = withUser<Params>(async ({ user, params }) => {
  const thread = await getThread(user.id, params.id);
  const { selectors, anchor, commentCount } = await getAnnotationJson(user.id, params.id);
  return { ...thread, selectors, anchor, commentCount };
});

export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  await updateThread(user.id, params.id, await readJson(req));
  return getAnnotationJson(user.id, params.id);
});

export const DELETE = withUser<Params>(async ({ user, params }) =>
  deleteThread(user.id, params.id),
);
