/**
 * Optional OAuth sign-in (GitHub, Google), switched on by environment variables. Accounts are
 * linked to an existing user with the same e-mail address only when the provider says that
 * address is verified.
 */
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import type { Provider } from 'next-auth/providers/index';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { db } from '../db/client';

type Env = Record<string, string | undefined>;

export function oauthProviders(env: Env = process.env): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        // GitHub returns the account's primary e-mail, which GitHub requires to be verified.
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    providers.push(
      GoogleProvider({
        clientId: env.GOOGLE_ID,
        clientSecret: env.GOOGLE_SECRET,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return providers;
}

/** Refuses OAuth sign-ins whose e-mail the provider has not verified (no account takeover). */
export function oauthEmailVerified(
  account: { provider: string } | null,
  profile: unknown,
): boolean {
  if (!account || account.provider === 'credentials') return true;
  const p = (profile ?? {}) as { email?: string; email_verified?: boolean };
  if (!p.email) return false;
  if (account.provider === 'google') return p.email_verified === true;
  return true;
}

/** next-auth's Prisma adapter, creating users with a display name our schema requires. */
export function closereadAdapter(): Adapter {
  const client = db();
  const base = PrismaAdapter(client as never);
  return {
    ...base,
    createUser: async (data: Omit<AdapterUser, 'id'>) => {
      const user = await client.user.create({
        data: {
          email: data.email.toLowerCase(),
          name: data.name?.trim() || data.email.split('@')[0]!,
          image: data.image ?? null,
          emailVerified: data.emailVerified ?? null,
        },
      });
      return { ...user, emailVerified: user.emailVerified };
    },
  };
}
