/**
 * GET/HEAD/OPTIONS of one member of a container (an annotation or a reply), and OPTIONS of the
 * container. Only members of the document's workspace see anything; a private annotation of
 * someone else, an unknown id and a document of another workspace are all NOT_FOUND.
 */
import { AppError } from '../errors/app-error';
import {
  assertAcceptable,
  noneMatch,
  representation,
  type ProtocolRequest,
  type ProtocolResult,
} from './http';
import { parseMemberKey } from './iris';
import { loadMember, openContainer, type ContainerScope, type LoadedMember } from './members';

/** The container and the member named by the route's last path segment. */
export async function openMember(
  userId: string,
  documentId: string,
  segment: string,
  origin: string,
): Promise<{ scope: ContainerScope; member: LoadedMember }> {
  const scope = await openContainer(userId, documentId, origin);
  const key = parseMemberKey(segment);
  if (!key) throw new AppError('NOT_FOUND');
  return { scope, member: await loadMember(scope, key) };
}

export async function readMember(
  userId: string,
  documentId: string,
  segment: string,
  r: ProtocolRequest,
): Promise<ProtocolResult> {
  assertAcceptable(r.accept);
  const { member } = await openMember(userId, documentId, segment, r.origin);
  const { json, etag } = representation(member.item);
  return { status: noneMatch(r.ifNoneMatch, etag) ? 304 : 200, kind: 'annotation', json, etag };
}

export async function memberOptions(
  userId: string,
  documentId: string,
  segment: string,
  r: ProtocolRequest,
): Promise<ProtocolResult> {
  await openMember(userId, documentId, segment, r.origin);
  return { status: 204, kind: 'annotation' };
}

export async function containerOptions(
  userId: string,
  documentId: string,
  r: ProtocolRequest,
): Promise<ProtocolResult> {
  await openContainer(userId, documentId, r.origin);
  return { status: 204, kind: 'container' };
}
