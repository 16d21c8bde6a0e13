/**
 * Who is making an API request: a bearer API token, or the next-auth session cookie. Works from
 * the request alone, so route handlers behave the same inside and outside Next's runtime.
 */
import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { db } from '../db/client';
import { userForApiToken } from './api-tokens';
import { spendRequestBudget } from './request-budget';
import type { SessionUser } from './session';

export type RequestUser = SessionUser & { via: 'session' | 'token'; scope: 'read' | 'write' };

export async function requestUser(req: NextRequest): Promise<RequestUser | null> {
  const authorization = req.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match ? await userForApiToken(match[1]!) : null;
    if (found) spendRequestBudget(found.tokenId);
    return found ? { ...found.user, via: 'token', scope: found.scope } : null;
  }
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (!token || typeof token.uid !== 'string') return null;
  // The account may have been deleted since the session was issued.
  const user = await db().user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true },
  });
  return user ? { ...user, via: 'session', scope: 'write' } : null;
}
