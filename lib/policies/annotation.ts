import { atLeast, type Actor } from './types';

export type AnnotationAction =
  | 'annotation:read'
  | 'annotation:update'
  | 'annotation:delete'
  | 'annotation:reply'
  | 'annotation:resolve'
  | 'comment:hide';

export type AnnotationFacts = { authorId: string; visibility: 'PRIVATE' | 'WORKSPACE' };

/** Private annotations exist only for their author; workspace ones for every member. */
export function annotationVisible(actor: Actor, a: AnnotationFacts): boolean {
  if (!atLeast(actor.role, 'MEMBER')) return false;
  return a.visibility === 'WORKSPACE' || a.authorId === actor.userId;
}

export function annotationPolicy(
  actor: Actor,
  action: AnnotationAction,
  a: AnnotationFacts,
): boolean {
  if (!annotationVisible(actor, a)) return false;
  const isAuthor = a.authorId === actor.userId;
  switch (action) {
    case 'annotation:read':
    case 'annotation:reply':
      return true;
    case 'annotation:update':
    case 'annotation:delete':
      return isAuthor;
    case 'annotation:resolve':
      // Any member who can see a thread may resolve or reopen it (who and when are shown).
      return true;
    case 'comment:hide':
      return atLeast(actor.role, 'MODERATOR');
  }
}
