import { atLeast, type Actor } from './types';

export type DocumentAction =
  'document:read' | 'document:revise' | 'document:update' | 'document:delete' | 'annotation:create';

/** Documents are visible to every member of their workspace. */
export function documentPolicy(
  actor: Actor,
  action: DocumentAction,
  document: { createdById: string },
): boolean {
  switch (action) {
    case 'document:read':
    case 'annotation:create':
    case 'document:revise':
      return atLeast(actor.role, 'MEMBER');
    case 'document:update':
    case 'document:delete':
      return actor.userId === document.createdById || atLeast(actor.role, 'OWNER');
  }
}
