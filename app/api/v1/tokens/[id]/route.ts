import { revokeApiToken } from '@/lib/auth/api-tokens';
import { withUser } from '@/lib/http/route';

export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await revokeApiToken(user.id, params.id);
  return { revoked: true };
});
