import type { Db } from '../db/client';
import type { Tx } from '../db/tx';
import type { Actor } from '../policies';

/** The user's role in a workspace (null when not a member), for policy checks. */
export async function actorIn(
  client: Db | Tx,
  workspaceId: string,
  userId: string,
): Promise<Actor> {
  const membership = await client.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  return { userId, role: membership?.role ?? null };
}
