import { z } from 'zod';
import { setCommentHidden } from '@/lib/annotations/comments';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { parseInput } from '@/lib/http/validate';

const hideSchema = z.object({ hidden: z.boolean() }).strict();

export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { hidden } = parseInput(hideSchema, await readJson(req));
  return setCommentHidden(user.id, params.id, hidden);
});
