import { withUser } from '@/lib/http/route';
import { acceptInvitation } from '@/lib/workspaces/invitations';

export const POST = withUser<{ token: string }>(async ({ user, params }) =>
  acceptInvitation(user, params.token),
);
