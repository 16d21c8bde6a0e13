import { commentHistory } from '@/lib/annotations/comments';
import { withUser } from '@/lib/http/route';

export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  commentHistory(user.id, params.id),
);
