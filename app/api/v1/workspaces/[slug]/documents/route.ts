import { importDocument } from '@/lib/documents/import-document';
import { MAX_IMPORT_BYTES } from '@/lib/documents/import';
import { getLibrary, librarySchema } from '@/lib/documents/library';
import { withUser } from '@/lib/http/route';
import { readSubmission } from '@/lib/http/upload';

/** `slug` is the workspace's id or its slug. */
type Params = { slug: string };

export const GET = withUser<Params>(async ({ req, user, params }) => {
  const query = librarySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const library = await getLibrary(user.id, params.slug, query);
  return { items: library.documents };
});

/** JSON `{ title?, format: 'text'|'markdown'|'html', text }`, or multipart with a `file`. */
export const POST = withUser<Params>(
  async ({ req, user, params }) =>
    importDocument(user.id, params.slug, await readSubmission(req, MAX_IMPORT_BYTES)),
  { status: 201 },
);
