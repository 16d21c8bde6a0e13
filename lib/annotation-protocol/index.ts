/**
 * The W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/) for Closeread:
 * one container per document at /api/annotations/<documentId>/ (issue 7).
 */
export { PAGE_SIZE, readContainer } from './container';
export { createMember } from './create-member';
export { handleProtocol, MEDIA_TYPE, type ProtocolRequest, type ProtocolResult } from './http';
export { containerIri } from './iris';
export { containerOptions, memberOptions, readMember } from './read-member';
export { deleteMember, replaceMember } from './write-member';
