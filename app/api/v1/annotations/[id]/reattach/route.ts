import { reattachAnnotation } from '@/lib/annotations/reattach';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const POST = withUser<{ id: string }>(async ({ req, user, params }) =>
  reattachAnnotation(user.id, params.id, await readJson(req)),
);
