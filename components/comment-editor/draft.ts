// Drafts live in localStorage so an expired session, a failed request or a closed tab does not
// lose a comment. Storage can be unavailable (private mode, quota): every access is best-effort.
import type { CommentDoc } from '@/lib/richtext/types';

const PREFIX = 'closeread:comment-draft:';

export function loadDraft(key: string): CommentDoc | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      parsed &&
      typeof parsed === 'object' &&
      (parsed as { type?: unknown }).type === 'doc' &&
      Array.isArray((parsed as { content?: unknown }).content)
    ) {
      return parsed as CommentDoc;
    }
  } catch {
    // Unreadable or corrupt draft: ignore it.
  }
  return null;
}

export function saveDraft(key: string, doc: CommentDoc | null): void {
  try {
    if (doc) window.localStorage.setItem(PREFIX + key, JSON.stringify(doc));
    else window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Best-effort only.
  }
}
