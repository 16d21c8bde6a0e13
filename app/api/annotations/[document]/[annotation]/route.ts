/**
 * One annotation (or reply) of a document's Web Annotation Protocol container: GET/HEAD, PUT and
 * DELETE (both with If-Match). See lib/annotation-protocol.
 */
import {
  deleteMember,
  handleProtocol,
  memberOptions,
  readMember,
  replaceMember,
} from '@/lib/annotation-protocol';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Params = { document: string; annotation: string };

export const GET = withUser<Params>(({ req, user, params }) =>
  handleProtocol(req, (r) => readMember(user.id, params.document, params.annotation, r)),
);

export const HEAD = GET;

export const OPTIONS = withUser<Params>(({ req, user, params }) =>
  handleProtocol(req, (r) => memberOptions(user.id, params.document, params.annotation, r)),
);

export const PUT = withUser<Params>(async ({ req, user, params }) => {
  const body = await readJson(req);
  return handleProtocol(req, (r) =>
    replaceMember(user.id, params.document, params.annotation, r, body),
  );
});

export const DELETE = withUser<Params>(({ req, user, params }) =>
  handleProtocol(req, (r) => deleteMember(user.id, params.document, params.annotation, r)),
);
