/** The workspace library: documents with counts, searchable by title, sorted by activity or title. */
import { z } from 'zod';
import { db } from '../db/client';
import { workspaceBySlugFor } from '../workspaces/manage';

export const librarySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(['activity', 'title']).default('activity').catch('activity'),
});

export type LibraryQuery = z.infer<typeof librarySchema>;

export async function getLibrary(
  userId: string,
  slug: string,
  query: LibraryQuery = { sort: 'activity' },
) {
  const { workspace, actor } = await workspaceBySlugFor(userId, slug);
  const documents = await db().document.findMany({
    where: {
      workspaceId: workspace.id,
      ...(query.q ? { title: { contains: query.q, mode: 'insensitive' as const } } : {}),
    },
    orderBy: query.sort === 'title' ? { title: 'asc' } : { lastActivityAt: 'desc' },
    take: 500,
    select: {
      id: true,
      title: true,
      source: true,
      publishedOn: true,
      lastActivityAt: true,
      _count: { select: { revisions: true } },
    },
  });
  const ids = documents.map((d) => d.id);
  // Counts only of what this user may see: workspace annotations and their own private ones.
  const counts = ids.length
    ? await db().$queryRaw<{ documentId: string; annotations: bigint; open: bigint }[]>`
        SELECT a."documentId",
               count(*) AS annotations,
               count(*) FILTER (WHERE a.status = 'OPEN' AND EXISTS (
                 SELECT 1 FROM "Comment" c WHERE c."annotationId" = a.id AND c."deletedAt" IS NULL)) AS open
          FROM "Annotation" a
         WHERE a."documentId" = ANY(${ids}) AND (a.visibility = 'WORKSPACE' OR a."authorId" = ${userId})
         GROUP BY a."documentId"`
    : [];
  const byId = new Map(counts.map((c) => [c.documentId, c]));
  return {
    workspace,
    role: actor.role,
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      source: d.source,
      publishedOn: d.publishedOn,
      lastActivityAt: d.lastActivityAt,
      revisions: d._count.revisions,
      annotations: Number(byId.get(d.id)?.annotations ?? 0),
      openThreads: Number(byId.get(d.id)?.open ?? 0),
    })),
  };
}
