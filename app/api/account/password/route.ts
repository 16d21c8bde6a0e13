import { changePassword } from '@/lib/auth/signup';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const POST = withUser(async ({ req, user }) => {
  await changePassword(user.id, await readJson(req));
  return { ok: true };
});
