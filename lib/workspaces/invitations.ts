/**
 * Invite links and e-mail invitations. The token is shown once; only its SHA-256 is stored.
 * Accepting needs a signed-in user; an e-mail invitation only admits that e-mail address.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { hashToken, newSecretToken } from '../auth/tokens';
import { emailSchema } from '../auth/signup';
import { authorize, workspacePolicy } from '../policies';
import { workspaceBySlugFor } from './manage';

export const INVITE_PREFIX = 'inv_';
const DAY = 24 * 60 * 60 * 1000;

export const createInvitationSchema = z
  .object({
    email: emailSchema.optional(),
    role: z.enum(['MODERATOR', 'MEMBER']).default('MEMBER'),
    expiresInDays: z.number().int().min(1).max(90).default(7),
    maxUses: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const invitationView = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  maxUses: true,
  uses: true,
  revokedAt: true,
  createdAt: true,
} as const;

async function requireManager(userId: string, slug: string) {
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  authorize({ visible: true, allowed: workspacePolicy(actor, 'workspace:manage-members') });
  return workspace;
}

export async function createInvitation(
  userId: string,
  slug: string,
  input: unknown,
  now = new Date(),
) {
  const workspace = await requireManager(userId, slug);
  const data = parseInput(createInvitationSchema, input);
  const { token, hash } = newSecretToken(INVITE_PREFIX);
  const invitation = await db().invitation.create({
    data: {
      workspaceId: workspace.id,
      tokenHash: hash,
      email: data.email ?? null,
      role: data.role,
      expiresAt: new Date(now.getTime() + data.expiresInDays * DAY),
      // An e-mail invitation admits one person.
      maxUses: data.email ? 1 : (data.maxUses ?? null),
      createdById: userId,
    },
    select: invitationView,
  });
  return { token, path: `/invite/${token}`, invitation };
}

export async function listInvitations(userId: string, slug: string) {
  const workspace = await requireManager(userId, slug);
  return db().invitation.findMany({
    where: { workspaceId: workspace.id, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: invitationView,
  });
}

export async function revokeInvitation(userId: string, slug: string, invitationId: string) {
  const workspace = await requireManager(userId, slug);
  const { count } = await db().invitation.updateMany({
    where: { id: invitationId, workspaceId: workspace.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('NOT_FOUND');
}

function unusable(
  inv: { revokedAt: Date | null; expiresAt: Date; maxUses: number | null; uses: number },
  now: Date,
): string | null {
  if (inv.revokedAt) return 'This invitation has been revoked.';
  if (inv.expiresAt <= now) return 'This invitation has expired.';
  if (inv.maxUses !== null && inv.uses >= inv.maxUses) return 'This invitation has been used up.';
  return null;
}

/** What the invite page shows before accepting (no secrets, no member list). */
export async function previewInvitation(token: string, now = new Date()) {
  const inv = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      revokedAt: true,
      expiresAt: true,
      maxUses: true,
      uses: true,
      email: true,
      role: true,
      workspace: { select: { name: true } },
    },
  });
  if (!inv) throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
  return {
    workspaceName: inv.workspace.name,
    role: inv.role,
    email: inv.email,
    problem: unusable(inv, now),
  };
}

export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
  now = new Date(),
): Promise<{ slug: string; alreadyMember: boolean }> {
  return db().$transaction(async (tx) => {
    // Row lock: concurrent accepts cannot exceed maxUses.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`;
    if (!rows[0]) throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
    const inv = await tx.invitation.findUniqueOrThrow({
      where: { id: rows[0].id },
      select: {
        id: true,
        workspaceId: true,
        email: true,
        role: true,
        revokedAt: true,
        expiresAt: true,
        maxUses: true,
        uses: true,
        workspace: { select: { slug: true } },
      },
    });
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId: user.id } },
    });
    if (existing) return { slug: inv.workspace.slug, alreadyMember: true };
    const problem = unusable(inv, now);
    if (problem) throw new AppError('CONFLICT', problem);
    if (inv.email && inv.email !== user.email.toLowerCase()) {
      throw new AppError(
        'FORBIDDEN',
        `This invitation is for ${inv.email}. Sign in with that address to accept it.`,
      );
    }
    // Joined meanwhile (another invitation accepted at the same moment): nothing to add or count.
    const { count } = await tx.membership.createMany({
      data: { workspaceId: inv.workspaceId, userId: user.id, role: inv.role },
      skipDuplicates: true,
    });
    if (count === 0) return { slug: inv.workspace.slug, alreadyMember: true };
    await tx.invitation.update({ where: { id: inv.id }, data: { uses: { increment: 1 } } });
    return { slug: inv.workspace.slug, alreadyMember: false };
  });
}
