import { withUser } from '@/lib/http/route';
import { revokeInvitation } from '@/lib/workspaces/invitations';

export const DELETE = withUser<{ slug: string; id: string }>(async ({ user, params }) => {
  await revokeInvitation(user.id, params.slug, params.id);
  return { revoked: true };
});
