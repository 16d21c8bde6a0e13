/**
 * The global slot where the server's reader-text hand-off lives (lib/http/text-handoff.ts). A
 * symbol on globalThis, not a module export: the server component, the server render of the
 * client slot and the route handler are separate bundles in one process.
 */
export const TEXT_HANDOFF_KEY = Symbol.for('closeread.readerTextHandoff');

/** What the client slot needs of the hand-off while it is rendered on the server. */
export type TextHandoffTake = {
  take(token: string, viewerId?: string | null): string | null;
};
