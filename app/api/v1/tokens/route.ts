import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { AppError } from '@/lib/errors/app-error';

export const GET = withUser(async ({ user }) => ({ data: await listApiTokens(user.id) }));

export const POST = withUser(
  async ({ req, user }) => {
    // A token cannot mint more tokens: only a signed-in person can.
    if (user.via !== 'session')
      throw new AppError('FORBIDDEN', 'Create API tokens from your account settings.');
    return { data: await createApiToken(user.id, await readJson(req)) };
  },
  { status: 201 },
);
