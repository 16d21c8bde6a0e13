import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { AppError } from '@/lib/errors/app-error';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const GET = withUser(async ({ user }) => ({ items: await listApiTokens(user.id) }));

export const POST = withUser(
  async ({ req, user }) => {
    // A token cannot mint more tokens: only a signed-in person can.
    if (user.via !== 'session')
      throw new AppError('FORBIDDEN', 'Create API tokens from your account settings.');
    const { token, apiToken } = await createApiToken(user.id, await readJson(req));
    return { ...apiToken, token };
  },
  { status: 201 },
);
