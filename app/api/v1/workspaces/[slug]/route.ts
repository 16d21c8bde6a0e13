import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { updateWorkspace, workspaceBySlugFor } from '@/lib/workspaces/manage';

/** `slug` is the workspace's id or its slug. */
type Params = { slug: string };

export const GET = withUser<Params>(async ({ user, params }) => {
  const { workspace, actor } = await workspaceBySlugFor(user.id, params.slug);
  return { ...workspace, role: actor.role };
});

export const PATCH = withUser<Params>(async ({ req, user, params }) =>
  updateWorkspace(user.id, params.slug, await readJson(req)),
);
