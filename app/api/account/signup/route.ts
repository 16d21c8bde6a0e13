import { signUp } from '@/lib/auth/signup';
import { readJson } from '@/lib/http/body';
import { withOptionalUser } from '@/lib/http/route';

export const POST = withOptionalUser(
  async ({ req }) => ({ user: await signUp(await readJson(req)) }),
  {
    status: 201,
  },
);
