import { createHash, randomBytes } from 'node:crypto';

/** A random secret token (URL-safe) and the SHA-256 hex stored in its place. */
export function newSecretToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
