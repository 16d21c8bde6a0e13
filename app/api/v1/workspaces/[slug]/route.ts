import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { updateWorkspace, workspaceBySlugFor } from '@/lib/workspaces/manage';

type Params = { slug: string };

export const GET = withUser<Params>(async ({ user, params }) => {
  const { workspace, actor } = await workspaceBySlugFor(user.id, params.slug);
  return { data: { ...workspace, role: actor.role } };
});

export const PATCH = withUser<Params>(async ({ req, user, params }) => ({
  data: await updateWorkspace(user.id, params.slug, await readJson(req)),
}));
