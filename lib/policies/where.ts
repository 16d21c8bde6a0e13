/** Prisma where-builders that contain the same visibility rules as the policies. */

export function workspacesVisibleTo(userId: string) {
  return { memberships: { some: { userId } } };
}

export function documentsVisibleTo(userId: string) {
  return { workspace: workspacesVisibleTo(userId) };
}

export function annotationsVisibleTo(userId: string) {
  return {
    document: documentsVisibleTo(userId),
    OR: [{ visibility: 'WORKSPACE' as const }, { authorId: userId }],
  };
}
