import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { changeMemberRole, removeMember } from '@/lib/workspaces/members';

type Params = { slug: string; userId: string };

export const PATCH = withUser<Params>(async ({ req, user, params }) =>
  changeMemberRole(user.id, params.slug, params.userId, await readJson(req)),
);

export const DELETE = withUser<Params>(async ({ user, params }) => {
  await removeMember(user.id, params.slug, params.userId);
  return { removed: true };
});
