/**
 * IRIs of the Web Annotation Protocol container of a document (issue 7). The container is
 * `<origin>/api/annotations/<documentId>/` (the trailing slash is part of the contract); its
 * members are
 * - `<container><annotationId>` for a Closeread annotation (the thread, or a highlight), and
 * - `<container>comment-<commentId>` for a reply: every visible comment after the thread's first
 *   is its own `replying` Annotation, as in the W3C export (lib/export/w3c.ts).
 */
import type { ExportIris } from '../export/load';

export const REPLY_PREFIX = 'comment-';

export type MemberKey =
  { kind: 'thread'; annotationId: string } | { kind: 'reply'; commentId: string };

/** Ids are cuids; anything else cannot name a member (and is never looked up). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function containerIri(origin: string, documentId: string): string {
  return `${origin}/api/annotations/${encodeURIComponent(documentId)}/`;
}

export function memberIris(container: string): ExportIris {
  return {
    annotation: (id) => `${container}${encodeURIComponent(id)}`,
    comment: (id) => `${container}${REPLY_PREFIX}${encodeURIComponent(id)}`,
  };
}

export function memberIri(container: string, key: MemberKey): string {
  const iris = memberIris(container);
  return key.kind === 'thread' ? iris.annotation(key.annotationId) : iris.comment(key.commentId);
}

/** The member named by the last path segment (the `[annotation]` route parameter). */
export function parseMemberKey(segment: string): MemberKey | null {
  if (segment.startsWith(REPLY_PREFIX)) {
    const commentId = segment.slice(REPLY_PREFIX.length);
    return ID.test(commentId) ? { kind: 'reply', commentId } : null;
  }
  return ID.test(segment) ? { kind: 'thread', annotationId: segment } : null;
}

/** The member an IRI names, when it is an IRI of this container; null otherwise. */
export function parseMemberIri(container: string, iri: string): MemberKey | null {
  if (!iri.startsWith(container)) return null;
  const rest = iri.slice(container.length);
  if (rest.includes('/') || rest.includes('?') || rest.includes('#')) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(rest);
  } catch {
    return null;
  }
  return parseMemberKey(segment);
}
