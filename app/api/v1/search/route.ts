import { withUser } from '@/lib/http/route';
import { search } from '@/lib/search/search';

/** `?q=` with "phrases", prefix*, -exclusions; filters document, author, tag, status, from, to, kind. */
export const GET = withUser(async ({ req, user }) => {
  const { query, hits } = await search(user.id, Object.fromEntries(req.nextUrl.searchParams));
  return { query, items: hits };
});
