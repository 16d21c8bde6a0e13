/** next-auth configuration: credentials sign-in with JWT sessions. */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isAppError } from '../errors/app-error';
import { signInWithPassword } from './credentials';
import { closereadAdapter, oauthEmailVerified, oauthProviders } from './oauth';

const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || 'unknown';
}

const oauth = oauthProviders();

export const authOptions: NextAuthOptions = {
  // The adapter links OAuth accounts to users; sessions stay JWTs either way.
  ...(oauth.length ? { adapter: closereadAdapter() } : {}),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        try {
          return await signInWithPassword(credentials, clientIp(req.headers));
        } catch (err) {
          // next-auth shows a thrown message as the error; only our own safe messages pass.
          if (isAppError(err) && err.code === 'RATE_LIMITED') throw new Error(err.message);
          throw new Error('Sign-in is unavailable right now. Please try again.');
        }
      },
    }),
    ...oauth,
  ],
  callbacks: {
    signIn({ account, profile }) {
      return oauthEmailVerified(account, profile);
    },
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === 'string') {
        (session.user as { id?: string }).id = token.uid;
      }
      return session;
    },
  },
};
