import { withUser } from '@/lib/http/route';
import { listWorkspaces } from '@/lib/workspaces/list-workspaces';

export const dynamic = 'force-dynamic';

export const GET = withUser(async ({ user }) => ({ data: await listWorkspaces(user.id) }));
