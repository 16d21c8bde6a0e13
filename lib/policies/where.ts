/** Prisma where-builders that contain the same visibility rules as the policies. */
import { Prisma } from '../db/client';

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

/**
 * annotationsVisibleTo for raw SQL over "Annotation" AS a, once the document is known to be the
 * user's (documentForMember): workspace annotations, and the user's own private ones.
 */
export function annotationVisibleSql(userId: string): Prisma.Sql {
  return Prisma.sql`(a.visibility = 'WORKSPACE' OR a."authorId" = ${userId})`;
}
