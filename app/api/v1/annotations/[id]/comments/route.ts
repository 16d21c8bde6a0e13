import { replyToThread } from '@/lib/annotations/comments';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

/** `{ comment, parentId? }` (a Tiptap document). */
export const POST = withUser<{ id: string }>(
  async ({ req, user, params }) => replyToThread(user.id, params.id, await readJson(req)),
  { status: 201 },
);
