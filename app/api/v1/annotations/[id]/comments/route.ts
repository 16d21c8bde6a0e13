import { replyToThread } from '@/lib/annotations/comments';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const POST = withUser<{ id: string }>(
  async ({ req, user, params }) => ({
    data: await replyToThread(user.id, params.id, await readJson(req)),
  }),
  { status: 201 },
);
