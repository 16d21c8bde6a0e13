/**
 * GET/HEAD of a document's container: the AnnotationCollection (also an LDP BasicContainer) and
 * its AnnotationPages.
 *
 * - Pages hold PAGE_SIZE (100) members, in the container's order (see members.ts).
 * - `Prefer: return=representation; include="…"` picks the container representation:
 *   PreferContainedDescriptions (the default) embeds the first page with full annotations,
 *   PreferContainedIRIs embeds it with IRIs only, PreferMinimalContainer embeds no page.
 *   As in the protocol's examples, each representation has its own IRI: `?iris=0` (descriptions)
 *   and `?iris=1` (IRIs); the minimal one is the container IRI itself. `?iris=0|1` on the
 *   container chooses the same way without a Prefer header.
 * - `?page=N` (0-based, with optional `iris=0|1`) is one page: `partOf` (the collection's IRI and
 *   `total`), `startIndex`, `prev`/`next` when they exist, `items`.
 * - An empty container has `total: 0` and no `first`/`last` (there is no page to point at).
 */
import { z } from 'zod';
import { ANNO_CONTEXT } from '../export/w3c';
import { parseInput } from '../http/validate';
import { AppError } from '../errors/app-error';
import {
  CONTAINER_CONTEXT,
  assertAcceptable,
  noneMatch,
  parsePrefer,
  representation,
  type ProtocolRequest,
  type ProtocolResult,
} from './http';
import { containerIndex, membersInRange, openContainer, type ContainerScope } from './members';

export const PAGE_SIZE = 100;

const querySchema = z.object({
  page: z
    .string()
    .regex(/^\d{1,9}$/, 'page must be a whole number from 0')
    .transform(Number)
    .optional(),
  iris: z.enum(['0', '1']).optional(),
});

type Index = Awaited<ReturnType<typeof containerIndex>>;

function pageIri(scope: ContainerScope, iris: boolean, page: number): string {
  return `${scope.container}?iris=${iris ? 1 : 0}&page=${page}`;
}

function collectionIri(scope: ContainerScope, iris: boolean): string {
  return `${scope.container}?iris=${iris ? 1 : 0}`;
}

function lastPage(total: number): number {
  return Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
}

async function pageBody(
  scope: ContainerScope,
  index: Index,
  iris: boolean,
  page: number,
  partOf?: Record<string, unknown>,
) {
  const items = await membersInRange(scope, index.entries, page * PAGE_SIZE, PAGE_SIZE);
  return {
    id: pageIri(scope, iris, page),
    type: 'AnnotationPage',
    ...(partOf ? { partOf } : {}),
    startIndex: page * PAGE_SIZE,
    ...(page > 0 ? { prev: pageIri(scope, iris, page - 1) } : {}),
    ...(page < lastPage(index.total) ? { next: pageIri(scope, iris, page + 1) } : {}),
    items: iris ? items.map((i) => i.id) : items,
  };
}

function result(
  r: ProtocolRequest,
  kind: 'container' | 'page',
  body: Record<string, unknown> & { id: string },
  preferenceApplied: boolean,
): ProtocolResult {
  const { json, etag } = representation(body);
  return {
    status: noneMatch(r.ifNoneMatch, etag) ? 304 : 200,
    kind,
    json,
    etag,
    contentLocation: body.id,
    preferenceApplied,
  };
}

export async function readContainer(
  userId: string,
  documentId: string,
  r: ProtocolRequest,
): Promise<ProtocolResult> {
  assertAcceptable(r.accept);
  const scope = await openContainer(userId, documentId, r.origin);
  const query = parseInput(querySchema, {
    page: r.query.get('page') ?? undefined,
    iris: r.query.get('iris') ?? undefined,
  });
  const index = await containerIndex(scope);

  if (query.page !== undefined) {
    const iris = query.iris === '1';
    if (query.page > lastPage(index.total)) throw new AppError('NOT_FOUND');
    // partOf embeds the collection's IRI with its label and total, as the protocol's examples.
    const partOf = {
      id: collectionIri(scope, iris),
      label: scope.document.title,
      total: index.total,
    };
    const page = await pageBody(scope, index, iris, query.page, partOf);
    return result(r, 'page', { '@context': ANNO_CONTEXT, ...page }, false);
  }

  const prefer = parsePrefer(r.prefer);
  const iris = query.iris !== undefined ? query.iris === '1' : prefer.iris;
  const minimal = prefer.minimal;
  const empty = index.total === 0;
  const body = {
    '@context': CONTAINER_CONTEXT,
    id: minimal ? scope.container : collectionIri(scope, iris),
    type: ['BasicContainer', 'AnnotationCollection'],
    label: scope.document.title,
    total: index.total,
    ...(empty
      ? {}
      : {
          first: minimal ? pageIri(scope, iris, 0) : await pageBody(scope, index, iris, 0),
          last: pageIri(scope, iris, lastPage(index.total)),
        }),
  };
  return result(r, 'container', body, prefer.applied);
}
