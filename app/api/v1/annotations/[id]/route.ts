import { deleteThread, getThread, updateThread } from '@/lib/annotations/threads';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

export const GET = withUser<Params>(async ({ user, params }) => ({
  data: await getThread(user.id, params.id),
}));

export const PATCH = withUser<Params>(async ({ req, user, params }) => ({
  data: await updateThread(user.id, params.id, await readJson(req)),
}));

export const DELETE = withUser<Params>(async ({ user, params }) => ({
  data: await deleteThread(user.id, params.id),
}));
