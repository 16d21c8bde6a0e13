/** Members and roles. The last owner can neither leave nor be demoted or removed. */
import { z } from 'zod';
import { db } from '../db/client';
import type { Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { authorize, workspacePolicy } from '../policies';
import { workspaceBySlugFor } from './manage';

export const changeRoleSchema = z
  .object({ role: z.enum(['OWNER', 'MODERATOR', 'MEMBER']) })
  .strict();

export async function listMembers(userId: string, slug: string) {
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  const members = await db().membership.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: 'asc' },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return {
    members: members.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt })),
    abilities: { manageMembers: workspacePolicy(actor, 'workspace:manage-members') },
  };
}

async function assertNotLastOwner(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  const target = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  if (target?.role !== 'OWNER') return;
  // Lock the owner rows so two concurrent demotions cannot both pass this check.
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND role = 'OWNER' FOR UPDATE`;
  if (owners.length <= 1) {
    throw new AppError(
      'CONFLICT',
      'A workspace needs at least one owner. Make someone else an owner first.',
    );
  }
}

export async function changeMemberRole(
  userId: string,
  slug: string,
  memberId: string,
  input: unknown,
) {
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  authorize({ visible: true, allowed: workspacePolicy(actor, 'workspace:manage-members') });
  const { role } = parseInput(changeRoleSchema, input);
  return db().$transaction(async (tx) => {
    // Locked: a member removed meanwhile is NOT_FOUND here, not a vanished row at the update.
    const [exists] = await tx.$queryRaw<{ role: string }[]>`
      SELECT role::text FROM "Membership"
       WHERE "workspaceId" = ${workspace.id} AND "userId" = ${memberId} FOR UPDATE`;
    if (!exists) throw new AppError('NOT_FOUND');
    if (role !== 'OWNER') await assertNotLastOwner(tx, workspace.id, memberId);
    return tx.membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: memberId } },
      data: { role },
      select: { userId: true, role: true },
    });
  });
}

/** Owners remove members; anyone may remove themselves (leave). */
export async function removeMember(userId: string, slug: string, memberId: string): Promise<void> {
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  authorize({
    visible: true,
    allowed: memberId === userId || workspacePolicy(actor, 'workspace:manage-members'),
  });
  await db().$transaction(async (tx) => {
    await assertNotLastOwner(tx, workspace.id, memberId);
    const { count } = await tx.membership.deleteMany({
      where: { workspaceId: workspace.id, userId: memberId },
    });
    if (count === 0) throw new AppError('NOT_FOUND');
  });
}
