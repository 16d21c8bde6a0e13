import { atLeast, type Actor } from './types';

export type WorkspaceAction =
  'workspace:read' | 'workspace:update' | 'workspace:manage-members' | 'document:create';

/** Members see their workspace; owners manage it; any member may add documents. */
export function workspacePolicy(actor: Actor, action: WorkspaceAction): boolean {
  switch (action) {
    case 'workspace:read':
    case 'document:create':
      return atLeast(actor.role, 'MEMBER');
    case 'workspace:update':
    case 'workspace:manage-members':
      return atLeast(actor.role, 'OWNER');
  }
}
