import { createAnnotation } from '@/lib/annotations/create-annotation';
import { getReaderView } from '@/lib/documents/get-reader';
import { readerFilterSchema } from '@/lib/documents/reader-filter';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

type Params = { id: string };

/** The annotations (threads and orphans) the user may see on a revision, in reading order. */
export const GET = withUser<Params>(async ({ req, user, params }) => {
  const filter = readerFilterSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const view = await getReaderView(user.id, params.id, filter);
  return {
    data: { revision: view.revision.number, annotations: view.annotations, orphans: view.orphans },
  };
});

export const POST = withUser<Params>(
  async ({ req, user, params }) => ({
    data: await createAnnotation(user.id, params.id, await readJson(req)),
  }),
  { status: 201 },
);
