/** Personal API tokens for /api/v1: shown once, stored hashed, scoped, revocable. */
import { z } from 'zod';
import { db } from '../db/client';
import { lockUserForQuota } from '../db/quota';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { hashToken, newSecretToken } from './tokens';

export const API_TOKEN_PREFIX = 'crt_';
export const MAX_TOKENS_PER_USER = 50;

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(80),
    scope: z.enum(['read', 'write']).default('read'),
  })
  .strict();

export type ApiTokenView = {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

const view = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

export async function createApiToken(
  userId: string,
  input: unknown,
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const data = parseInput(createTokenSchema, input);
  const { token, hash } = newSecretToken(API_TOKEN_PREFIX);
  return db().$transaction(async (tx) => {
    await lockUserForQuota(tx, userId);
    const count = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (count >= MAX_TOKENS_PER_USER) {
      throw new AppError('CONFLICT', `You can have at most ${MAX_TOKENS_PER_USER} active tokens.`);
    }
    const apiToken = await tx.apiToken.create({
      data: {
        userId,
        name: data.name,
        scope: data.scope,
        tokenHash: hash,
        prefix: token.slice(0, 8),
      },
      select: view,
    });
    return { token, apiToken };
  });
}

export function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  return db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: view,
  });
}

/** Revokes one of the user's own tokens; someone else's token is NOT_FOUND. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db().apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('NOT_FOUND');
}

/** The user behind a bearer token, or null for an unknown or revoked one. */
export async function userForApiToken(token: string): Promise<{
  tokenId: string;
  user: { id: string; email: string; name: string };
  scope: 'read' | 'write';
} | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  // One query with the user: every API request starts here.
  const [found] = await db().$queryRaw<
    {
      id: string;
      scope: string;
      lastUsedAt: Date | null;
      userId: string;
      email: string;
      name: string;
    }[]
  >`SELECT t.id, t.scope, t."lastUsedAt", u.id AS "userId", u.email, u.name
      FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
     WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL`;
  if (!found) return null;
  // Record use at most once a minute, to keep reads cheap.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    tokenId: found.id,
    user: { id: found.userId, email: found.email, name: found.name },
    scope: found.scope === 'write' ? 'write' : 'read',
  };
}
