import { z } from 'zod';

/** Reader filters from the URL: ?mine=1&mentions=1&author=<userId>&tag=<tag>&status=open|resolved */
export const readerFilterSchema = z.object({
  mine: z.literal('1').optional().catch(undefined),
  mentions: z.literal('1').optional().catch(undefined),
  author: z.string().max(64).optional().catch(undefined),
  tag: z.string().max(64).optional().catch(undefined),
  status: z.enum(['open', 'resolved']).optional().catch(undefined),
  rev: z.coerce.number().int().min(1).optional().catch(undefined),
});

export type ReaderFilter = z.infer<typeof readerFilterSchema>;

type Filterable = {
  id: string;
  authorId: string;
  tags: string[];
  status: 'OPEN' | 'RESOLVED';
};

export function matchesFilter(
  a: Filterable,
  filter: ReaderFilter,
  userId: string | null,
  mentioned: ReadonlySet<string> = new Set(),
): boolean {
  if (filter.mine && a.authorId !== userId) return false;
  if (filter.mentions && !mentioned.has(a.id)) return false;
  if (filter.author && a.authorId !== filter.author) return false;
  if (filter.tag && !a.tags.includes(filter.tag)) return false;
  if (filter.status === 'open' && a.status !== 'OPEN') return false;
  if (filter.status === 'resolved' && a.status !== 'RESOLVED') return false;
  return true;
}

export type FilterCounts = {
  all: number;
  mine: number;
  mentions: number;
  open: number;
  resolved: number;
};

/** How many visible annotations each quick filter would show, for the filter labels. */
export function filterCounts(
  visible: Filterable[],
  userId: string | null,
  mentioned: ReadonlySet<string>,
): FilterCounts {
  return {
    all: visible.length,
    mine: visible.filter((a) => a.authorId === userId).length,
    mentions: visible.filter((a) => mentioned.has(a.id)).length,
    open: visible.filter((a) => a.status === 'OPEN').length,
    resolved: visible.filter((a) => a.status === 'RESOLVED').length,
  };
}
