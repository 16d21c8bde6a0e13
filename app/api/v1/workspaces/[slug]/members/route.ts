import { withUser } from '@/lib/http/route';
import { listMembers } from '@/lib/workspaces/members';

export const GET = withUser<{ slug: string }>(async ({ user, params }) => {
  const { members, abilities } = await listMembers(user.id, params.slug);
  return { items: members, abilities };
});
