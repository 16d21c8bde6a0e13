'use client';

// A small external store shared by the reader's client islands (the selection island, the
// thread slots inside server-rendered summaries, the orphan re-attach buttons). They are
// mounted separately inside server components, so React context cannot connect them.
import { useSyncExternalStore } from 'react';
import { api } from '@/components/api-client';
import type { MentionMember } from '@/components/comment-editor/comment-editor';

export type ReaderConfig = {
  documentId: string;
  workspaceSlug: string;
  me: { id: string; name: string };
  canAnnotate: boolean;
  isLatest: boolean;
  tagSuggestions: string[];
};

/** A selection inside the reading text, as offsets into block texts. */
export type TextSpan = {
  blockKey: string;
  endBlockKey: string;
  start: number;
  end: number;
  quote: string;
};

export type ReaderState = {
  config: ReaderConfig | null;
  /** The thread shown in full, and whether it was opened by the user (focus moves to it). */
  open: { id: string; focus: boolean; nonce: number } | null;
  /** Bumped on live events: an open thread re-fetches. */
  version: number;
  /** The orphan being re-attached, if any. */
  reattach: string | null;
  /** The last selection made inside the reading text (kept while focus moves to a button). */
  span: TextSpan | null;
};

let state: ReaderState = { config: null, open: null, version: 0, reattach: null, span: null };
const listeners = new Set<() => void>();

function set(patch: Partial<ReaderState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const readerStore = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  configure(config: ReaderConfig) {
    set({ config });
  },
  /** Each call gets a new nonce: opening an already open thread moves focus to it again. */
  openThread(id: string, focus = true) {
    set({ open: { id, focus, nonce: (state.open?.nonce ?? 0) + 1 } });
  },
  closeThread() {
    set({ open: null });
  },
  bump() {
    set({ version: state.version + 1 });
  },
  /** Entering the mode forgets earlier selections: only words chosen from now on count. */
  startReattach(id: string | null) {
    set(id ? { reattach: id, span: null } : { reattach: null });
  },
  setSpan(span: TextSpan | null) {
    if (span === state.span) return;
    set({ span });
  },
};

const serverState: ReaderState = {
  config: null,
  open: null,
  version: 0,
  reattach: null,
  span: null,
};

export function useReaderStore(): ReaderState {
  return useSyncExternalStore(readerStore.subscribe, readerStore.get, () => serverState);
}

// Annotations this browser just changed: live events about them are not announced as news.
const recentOwn = new Map<string, number>();
const OWN_WINDOW_MS = 5000;

export function markOwnAction(annotationId: string) {
  recentOwn.set(annotationId, Date.now());
}

export function isRecentOwnAction(annotationId: string | undefined): boolean {
  if (!annotationId) return false;
  const at = recentOwn.get(annotationId);
  return at !== undefined && Date.now() - at < OWN_WINDOW_MS;
}

// Workspace members for @-mentions: fetched once per page, shared by every editor.
let membersPromise: Promise<MentionMember[]> | null = null;
let membersSlug: string | null = null;

export function loadMembers(slug: string): Promise<MentionMember[]> {
  if (!membersPromise || membersSlug !== slug) {
    membersSlug = slug;
    type Member = { id: string; name: string };
    membersPromise = api<{ members?: Member[]; items?: Member[] }>(
      `/api/v1/workspaces/${encodeURIComponent(slug)}/members`,
    ).then((res) => {
      if (!res.ok) {
        membersPromise = null;
        return [];
      }
      // The list is `members` (documented) or `items` (the paginated API shape).
      const list = res.data.members ?? res.data.items ?? [];
      return list.map((m) => ({ id: m.id, name: m.name }));
    });
  }
  return membersPromise;
}
