/** Shapes and constants shared by the thread panel and its comment views. */
import type { CommentDoc } from '@/lib/richtext/types';
export type Visibility = 'PRIVATE' | 'WORKSPACE';

export type ThreadComment = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  version: number;
  state: 'visible' | 'deleted' | 'hidden' | 'hidden-visible-to-you';
  html: string;
  reactions: { emoji: string; count: number; mine: boolean; who: string[] }[];
  abilities: { edit: boolean; delete: boolean; hide: boolean };
};

export type Thread = {
  id: string;
  quote: string;
  tags: string[];
  visibility: Visibility;
  status: 'OPEN' | 'RESOLVED';
  resolvedAt: string | null;
  resolvedBy: string | null;
  author: { id: string; name: string };
  createdAt: string;
  comments: ThreadComment[];
  abilities: { reply: boolean; resolve: boolean; update: boolean; delete: boolean };
};

export type History = {
  /** body: the stored Tiptap JSON (validated when it was saved), so an edit keeps formatting. */
  current: { version: number; bodyText: string; body: CommentDoc };
  earlier: { version: number; bodyText: string; createdAt: string }[];
};

export const REACTIONS: { emoji: string; name: string }[] = [
  { emoji: '👍', name: 'thumbs up' },
  { emoji: '❤️', name: 'heart' },
  { emoji: '🎯', name: 'on target' },
  { emoji: '🤔', name: 'thinking' },
  { emoji: '❗', name: 'important' },
  { emoji: '✅', name: 'done' },
];
export const reactionName = (emoji: string) =>
  REACTIONS.find((r) => r.emoji === emoji)?.name ?? emoji;

/** Replies deeper than this are listed flat under their level-3 ancestor, "in reply to …". */
export const MAX_DEPTH = 3;
