/** Per-user limits on how many of a thing one may have (tokens, owned workspaces). */
import type { Tx } from './tx';

/**
 * Locks the user's row until `tx` ends. A limit is checked by counting and then creating; two
 * requests at once would both count below the limit and both create. Holding this lock around
 * the count and the create makes a user's creations take turns, so the limit holds exactly.
 * `FOR NO KEY UPDATE` leaves rows that merely refer to the user (FOR KEY SHARE) unhindered.
 */
export async function lockUserForQuota(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
}
