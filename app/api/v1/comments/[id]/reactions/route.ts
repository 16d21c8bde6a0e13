import { toggleReaction } from '@/lib/annotations/reactions';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const POST = withUser<{ id: string }>(async ({ req, user, params }) =>
  toggleReaction(user.id, params.id, await readJson(req)),
);
