/** Creating and renaming workspaces. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '../db/client';
import { lockUserForQuota } from '../db/quota';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { authorize, workspacePolicy } from '../policies';
import { actorIn } from './actor';

export const MAX_WORKSPACES_PER_USER = 100;

const nameSchema = z.string().trim().min(1, 'Name is required').max(80);

export const createWorkspaceSchema = z.object({ name: nameSchema }).strict();
export const updateWorkspaceSchema = z.object({ name: nameSchema }).strict();

function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${randomBytes(3).toString('hex')}`;
}

/** A new workspace owned by its creator; one owns at most MAX_WORKSPACES_PER_USER. */
export async function createWorkspace(userId: string, input: unknown) {
  const { name } = parseInput(createWorkspaceSchema, input);
  return db().$transaction(async (tx) => {
    await lockUserForQuota(tx, userId);
    const owned = await tx.membership.count({ where: { userId, role: 'OWNER' } });
    if (owned >= MAX_WORKSPACES_PER_USER) {
      throw new AppError(
        'CONFLICT',
        `You can own at most ${MAX_WORKSPACES_PER_USER} workspaces. Make someone else the owner of one you no longer need, then leave it.`,
      );
    }
    return tx.workspace.create({
      data: { name, slug: slugFor(name), memberships: { create: { userId, role: 'OWNER' } } },
      select: { id: true, slug: true, name: true },
    });
  });
}

/** A workspace by its slug (in page URLs) or its id (in the API), for a member. */
export async function workspaceBySlugFor(userId: string, slugOrId: string) {
  const workspace = await db().workspace.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }] },
    select: { id: true, slug: true, name: true, createdAt: true },
  });
  const actor = workspace ? await actorIn(db(), workspace.id, userId) : null;
  authorize({ visible: !!actor && workspacePolicy(actor, 'workspace:read'), allowed: true });
  return { workspace: workspace!, actor: actor! };
}

export async function updateWorkspace(userId: string, slug: string, input: unknown) {
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  authorize({ visible: true, allowed: workspacePolicy(actor, 'workspace:update') });
  const { name } = parseInput(updateWorkspaceSchema, input);
  return db().workspace.update({
    where: { id: workspace.id },
    data: { name },
    select: { id: true, slug: true, name: true },
  });
}
