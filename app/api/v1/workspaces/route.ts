import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { listWorkspaces } from '@/lib/workspaces/list-workspaces';
import { createWorkspace } from '@/lib/workspaces/manage';

export const dynamic = 'force-dynamic';

export const GET = withUser(async ({ user }) => ({ items: await listWorkspaces(user.id) }));

export const POST = withUser(
  async ({ req, user }) => createWorkspace(user.id, await readJson(req)),
  {
    status: 201,
  },
);
