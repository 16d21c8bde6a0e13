/** Row ids made in the app, for writes that insert related rows in one statement. */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An id in the shape of Prisma's cuid(): `c`, the time in base 36, then 16 random characters of
 * [a-z0-9] (about 82 bits). Opaque, URL-safe, unique, roughly sortable by creation.
 */
export function newId(): string {
  let id = 'c' + Date.now().toString(36);
  for (const b of randomBytes(16)) id += ALPHABET[b % ALPHABET.length];
  return id;
}
