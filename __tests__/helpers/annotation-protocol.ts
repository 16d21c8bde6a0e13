/**
 * Shared by the Web Annotation Protocol tests (annotation-protocol*.test.ts): requests with
 * headers kept, the container's IRIs, bodies, counts and the W3C schema checks.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import * as containerRoute from '@/app/api/annotations/[document]/route';
import { db } from '@/lib/db/client';
import { liveHub } from '@/lib/documents/live';
import { sessionCookie, type Caller } from './http';
import { makeDocWorld } from './world';
import { makeValidators } from '../unit/export/w3c-schema';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
export type World = Awaited<ReturnType<typeof makeDocWorld>>;

export const ORIGIN = 'http://localhost:3000';
export const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const PREFER = (uri: string) => `return=representation;include="${uri}"`;
export const IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
export const DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';
export const MINIMAL = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';

export const validators = makeValidators();
// WPT's 5.2 partOf assertion accepts only a string; the protocol's examples (and the model's
// Example 39) embed the collection with its total, as we do. Every other page check applies.
export const pageChecks = validators.pageChecks.filter((c) => !c.name.includes('PartOf'));

/** Like helpers/http `call`, but keeps the response headers. */
export async function send(
  handler: Handler,
  opts: {
    method?: string;
    caller?: Caller;
    params: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
    query?: string;
  },
): Promise<{ status: number; headers: Headers; text: string; json: Json | null }> {
  const headers: Record<string, string> = { host: 'localhost:3000', ...opts.headers };
  if (opts.caller) headers.cookie = await sessionCookie(opts.caller);
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/ld+json';
  }
  const path = opts.params.annotation
    ? `/api/annotations/${opts.params.document}/${opts.params.annotation}`
    : `/api/annotations/${opts.params.document}/`;
  const req = new NextRequest(`${ORIGIN}${path}${opts.query ?? ''}`, {
    method: opts.method ?? 'GET',
    headers,
    body,
  });
  const res = await handler(req, {
    params: Promise.resolve(opts.params) as Promise<never>,
  });
  const text = await res.text();
  let json: Json | null = null;
  try {
    json = text ? (JSON.parse(text) as Json) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const containerOf = (w: World) => `${ORIGIN}/api/annotations/${w.document.id}/`;

export function annotationBody(extra: Json = {}): Json {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', value: '<p>Which <em>data</em>?</p>', format: 'text/html' },
      { type: 'TextualBody', value: 'Evidence', purpose: 'tagging' },
    ],
    target: {
      source: 'http://example.org/elsewhere',
      selector: {
        type: 'TextQuoteSelector',
        exact: 'asked for more data',
        prefix: 'caution and ',
      },
    },
    ...extra,
  };
}

export async function post(w: World, body: unknown, caller: Caller = w.member, headers = {}) {
  return send(containerRoute.POST, {
    method: 'POST',
    caller,
    params: { document: w.document.id },
    body,
    headers,
  });
}

export const idOf = (iri: string, w: World) => iri.slice(containerOf(w).length);

/** Rows of one document (other test files write to the same database at the same time). */
export async function counts(documentId: string) {
  const [annotations, comments] = await Promise.all([
    db().annotation.count({ where: { documentId } }),
    db().comment.count({ where: { annotation: { documentId } } }),
  ]);
  return { annotations, comments };
}

/** `n` highlights on the second paragraph, straight into the database (fast). */
export async function addHighlights(w: World, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `h${randomUUID().replace(/-/g, '')}`);
  await db().annotation.createMany({
    data: ids.map((id) => ({
      id,
      documentId: w.document.id,
      authorId: w.owner.id,
      revisionId: w.revision.id,
      exact: 'Members',
    })),
  });
  await db().annotationAnchor.createMany({
    data: ids.map((annotationId, i) => ({
      annotationId,
      revisionId: w.revision.id,
      blockKey: 'beta0002',
      endBlockKey: 'beta0002',
      start: i % 20,
      end: (i % 20) + 5,
      exact: 'x',
      status: 'CREATED' as const,
    })),
  });
  return ids;
}

/** Closes what the protocol's routes opened (the live hub's listener, the pool). */
export async function closeProtocolResources() {
  await liveHub().close();
  await db().$disconnect();
}
