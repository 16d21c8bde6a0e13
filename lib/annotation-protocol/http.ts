/**
 * HTTP of the Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/): media type,
 * the headers containers and annotations carry, content negotiation (`Accept`, `Prefer`),
 * entity tags and the preconditions on them, and turning a result into a Response.
 *
 * 406, 412 and 428 have no AppError code; they are ProtocolErrors with the same body shape,
 * `{ error: { code, message } }`. Everything else is an AppError handled by `withUser`.
 */
import { createHash } from 'node:crypto';

export const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const CONTAINER_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  'http://www.w3.org/ns/ldp.jsonld',
] as const;

export const PREFER_MINIMAL = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';
export const PREFER_IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
export const PREFER_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';

const CONSTRAINED_BY =
  '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';
export const CONTAINER_ALLOW = 'GET,POST,HEAD,OPTIONS';
export const PAGE_ALLOW = 'GET,HEAD,OPTIONS';
export const ANNOTATION_ALLOW = 'GET,PUT,DELETE,HEAD,OPTIONS';

export type ResourceKind = 'container' | 'page' | 'annotation';

/** Headers every response about a resource carries, success or 304. */
export function resourceHeaders(kind: ResourceKind): Record<string, string> {
  if (kind === 'annotation') {
    return {
      Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
      Allow: ANNOTATION_ALLOW,
      Vary: 'Accept',
    };
  }
  if (kind === 'page') return { Allow: PAGE_ALLOW, Vary: 'Accept' };
  return {
    Link: `<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", ${CONSTRAINED_BY}`,
    Allow: CONTAINER_ALLOW,
    'Accept-Post': MEDIA_TYPE,
    Vary: 'Accept, Prefer',
  };
}

export class ProtocolError extends Error {
  constructor(
    readonly status: 406 | 412 | 428,
    readonly code: 'NOT_ACCEPTABLE' | 'PRECONDITION_FAILED' | 'PRECONDITION_REQUIRED',
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

type MediaRange = { type: string; q: number };

function mediaRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q ? Number(q.slice(2)) : 1;
      return { type: type.toLowerCase(), q: Number.isFinite(weight) ? weight : 1 };
    })
    .filter((r) => r.type !== '');
}

/** JSON-LD is served for ld+json, json, application/*, * / * or no Accept at all; 406 otherwise. */
export function assertAcceptable(accept: string | null): void {
  if (accept === null || accept.trim() === '') return;
  const ok = mediaRanges(accept).some(
    (r) =>
      r.q > 0 &&
      ['application/ld+json', 'application/json', 'application/*', '*/*'].includes(r.type),
  );
  if (!ok) {
    throw new ProtocolError(
      406,
      'NOT_ACCEPTABLE',
      `This resource is only available as ${MEDIA_TYPE} (or application/json).`,
    );
  }
}

export type ContainerPreference = {
  /** Embed no page: just total, first and last. */
  minimal: boolean;
  /** Pages list annotation IRIs instead of full descriptions. */
  iris: boolean;
  /** Whether the client sent a `return=representation` preference we followed. */
  applied: boolean;
};

/**
 * `Prefer: return=representation;include="<uri> <uri>"` (RFC 7240, LDP). Descriptions are the
 * default; PreferContainedIRIs wins over PreferContainedDescriptions when both are named.
 */
export function parsePrefer(prefer: string | null): ContainerPreference {
  const included = new Set<string>();
  let representation = false;
  for (const m of (prefer ?? '').matchAll(/(return|include)\s*=\s*(?:"([^"]*)"|([^;,\s]+))/gi)) {
    const value = m[2] ?? m[3] ?? '';
    if (m[1]!.toLowerCase() === 'return') representation ||= value === 'representation';
    else for (const uri of value.split(/\s+/)) if (uri) included.add(uri);
  }
  if (!representation) return { minimal: false, iris: false, applied: false };
  return {
    minimal: included.has(PREFER_MINIMAL),
    iris: included.has(PREFER_IRIS),
    applied: included.size > 0,
  };
}

/** A strong entity tag derived from the exact bytes of a representation. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

function tags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`. */
export function noneMatch(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = (t: string) => t.replace(/^W\//, '');
  return tags(ifNoneMatch).some((t) => t === '*' || bare(t) === bare(etag));
}

/**
 * Writes need `If-Match` (428 without it) naming the current tag (412 otherwise). If-Match uses
 * the strong comparison, so a weak tag never matches.
 */
export function assertIfMatch(ifMatch: string | null, etag: string): void {
  if (ifMatch === null || ifMatch.trim() === '') {
    throw new ProtocolError(
      428,
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag of the annotation you are changing.',
    );
  }
  if (!tags(ifMatch).some((t) => t === '*' || t === etag)) {
    throw new ProtocolError(
      412,
      'PRECONDITION_FAILED',
      'The annotation was changed since you read it. Fetch it again and retry.',
    );
  }
}

/** What a protocol operation returns; `present` turns it into the HTTP response. */
export type ProtocolResult = {
  status: 200 | 201 | 204 | 304;
  kind: ResourceKind;
  /** The serialized JSON-LD body; its bytes make the ETag. */
  json?: string;
  etag?: string;
  location?: string;
  contentLocation?: string;
  preferenceApplied?: boolean;
};

/** One serialized representation and its tag, so both always agree. */
export function representation(value: unknown): { json: string; etag: string } {
  const json = JSON.stringify(value);
  return { json, etag: etagOf(json) };
}

export function present(result: ProtocolResult, method: string): Response {
  const headers = new Headers(resourceHeaders(result.kind));
  headers.set('Cache-Control', 'private, no-cache');
  if (result.etag) headers.set('ETag', result.etag);
  if (result.location) headers.set('Location', result.location);
  if (result.contentLocation) headers.set('Content-Location', result.contentLocation);
  if (result.preferenceApplied) headers.set('Preference-Applied', 'return=representation');
  const hasBody = result.json !== undefined && result.status !== 304 && result.status !== 204;
  if (hasBody) headers.set('Content-Type', MEDIA_TYPE);
  const body = hasBody && method !== 'HEAD' ? result.json! : null;
  return new Response(body, { status: result.status, headers });
}

/**
 * Runs an operation for a route and presents its result; ProtocolErrors become their responses,
 * AppErrors pass through to `withUser`.
 */
export async function handleProtocol(
  req: Request & { nextUrl?: URL },
  run: (r: ProtocolRequest) => Promise<ProtocolResult>,
): Promise<Response> {
  try {
    return present(await run(protocolRequest(req)), req.method);
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw err;
    return Response.json(
      { error: { code: err.code, message: err.message } },
      { status: err.status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

/** The request facts the operations need, read once by the route. */
export type ProtocolRequest = {
  method: string;
  origin: string;
  accept: string | null;
  prefer: string | null;
  ifMatch: string | null;
  ifNoneMatch: string | null;
  query: URLSearchParams;
};

export function protocolRequest(req: Request & { nextUrl?: URL }): ProtocolRequest {
  const url = req.nextUrl ?? new URL(req.url);
  return {
    method: req.method,
    origin: url.origin,
    accept: req.headers.get('accept'),
    prefer: req.headers.get('prefer'),
    ifMatch: req.headers.get('if-match'),
    ifNoneMatch: req.headers.get('if-none-match'),
    query: url.searchParams,
  };
}
