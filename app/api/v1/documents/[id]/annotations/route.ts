import { createAnnotation } from '@/lib/annotations/create-annotation';
import { getAnnotationJson, listAnnotations } from '@/lib/annotations/list-annotations';
import { getThread } from '@/lib/annotations/threads';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

/** Filters: author, tag, status, q, visibility; `cursor` and `limit` (≤ 200). */
export const GET = withUser<Params>(async ({ req, user, params }) =>
  listAnnotations(user.id, params.id, Object.fromEntries(req.nextUrl.searchParams)),
);

/** `{ blockKey, start, end }` or `{ target }`, plus optional `comment`, `tags`, `visibility`. */
export const POST = withUser<Params>(
  async ({ req, user, params }) => {
    const { id, created } = await createAnnotation(user.id, params.id, await readJson(req));
    const thread = await getThread(user.id, id);
    const { selectors, anchor, commentCount } = await getAnnotationJson(user.id, id);
    return { ...thread, selectors, anchor, commentCount, created };
  },
  { status: 201 },
);
