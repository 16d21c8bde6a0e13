/** The outsider suite's vocabulary: a case's shape and the statuses each kind of user must get. */
import { makeDocWorld, type RoleName, type World } from './world';

export type Prepared = {
  params?: Record<string, string>;
  body?: unknown;
  path?: string;
  stream?: boolean;
};
export type DocWorld = Awaited<ReturnType<typeof makeDocWorld>>;
export type Case = {
  file: string;
  method: string;
  /** Cases that need a document get one (with a workspace thread and a private thread). */
  doc?: boolean;
  prepare?: (w: DocWorld) => Promise<Prepared> | Prepared;
  expect: Record<RoleName, number>;
};

export const everyone = (status: number): Record<RoleName, number> => ({
  anonymous: status,
  outsider: status,
  member: status,
  moderator: status,
  owner: status,
});
export const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
export const members = (status: number) => ({ ...signedIn(status), outsider: 404 });
export const ownersOnly = (status: number) => ({ ...members(403), owner: status });

export const ws = (w: World) => ({ slug: w.workspace.slug });
export const author = (status: number) => ({ ...members(403), member: status });
export const moderators = (status: number) => ({ ...members(status), member: 403 });
export const doc = (w: DocWorld) => ({ id: w.document.id });
export const thread = (w: DocWorld) => ({ id: w.shared.annotation.id });
export const comment = (w: DocWorld) => ({ id: w.shared.comment.id });
export const paste = { text: 'A pasted text\n\nWith a second paragraph.', title: 'Pasted' };
