/**
 * The Web Annotation Protocol container of a document: GET/HEAD the AnnotationCollection or a
 * page (`?page=N`), POST a W3C Annotation. See lib/annotation-protocol.
 */
import {
  containerOptions,
  createMember,
  handleProtocol,
  readContainer,
} from '@/lib/annotation-protocol';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Params = { document: string };

export const GET = withUser<Params>(({ req, user, params }) =>
  handleProtocol(req, (r) => readContainer(user.id, params.document, r)),
);

export const HEAD = GET;

export const OPTIONS = withUser<Params>(({ req, user, params }) =>
  handleProtocol(req, (r) => containerOptions(user.id, params.document, r)),
);

export const POST = withUser<Params>(async ({ req, user, params }) => {
  const body = await readJson(req);
  return handleProtocol(req, (r) => createMember(user.id, params.document, r, body));
});
