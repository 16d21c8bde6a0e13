/**
 * The reader's text, handed from the server component that builds it to whichever part of the
 * same process sends it to the browser — once (ADR 0011).
 *
 * A server component's output travels twice: as HTML and inside React's payload. For a long
 * document the text is most of the page, so the reader's server component does not render it:
 * it puts the HTML here and renders a client slot with the token. When the page is rendered as a
 * document, the server render of that slot takes the HTML and writes it into the page (no
 * payload copy). When only the payload is fetched (router.refresh(), a client navigation), the
 * slot fetches the HTML from /api/reader-text/<token> instead.
 *
 * Tokens are random, taken at most once, bound to the viewer they were made for (public pages:
 * anyone), and dropped after TTL_MS or when MAX_CHARS of unclaimed text is held.
 */
import { randomBytes } from 'node:crypto';
import { TEXT_HANDOFF_KEY, type TextHandoffTake } from './text-handoff-key';

export const TTL_MS = 30_000;
/** Unclaimed text held at most (UTF-16 code units: ~2 bytes each): the oldest goes first. */
export const MAX_CHARS = 64 * 1024 * 1024;

type Entry = { html: string; viewerId: string | null; timer: ReturnType<typeof setTimeout> };

export type TextHandoff = TextHandoffTake & {
  /** Holds `html` for `viewerId` (null: anyone with the token); returns the token. */
  put(html: string, viewerId: string | null): string;
  /** Tokens held, and their text's total length. */
  stats(): { entries: number; chars: number };
};

export function createTextHandoff(ttlMs = TTL_MS, maxChars = MAX_CHARS): TextHandoff {
  const entries = new Map<string, Entry>();
  let chars = 0;
  const drop = (token: string) => {
    const e = entries.get(token);
    if (!e) return;
    clearTimeout(e.timer);
    entries.delete(token);
    chars -= e.html.length;
  };
  return {
    put(html, viewerId) {
      while (entries.size > 0 && chars + html.length > maxChars) {
        drop(entries.keys().next().value!);
      }
      const token = randomBytes(16).toString('hex');
      const timer = setTimeout(() => drop(token), ttlMs);
      timer.unref?.();
      entries.set(token, { html, viewerId, timer });
      chars += html.length;
      return token;
    },
    take(token, viewerId) {
      const e = entries.get(token);
      if (!e) return null;
      // The server render of the page passes no viewer (same request); the route passes its.
      if (viewerId !== undefined && e.viewerId !== null && e.viewerId !== viewerId) return null;
      drop(token);
      return e.html;
    },
    stats: () => ({ entries: entries.size, chars }),
  };
}

/** The process's hand-off, shared by every bundle through globalThis. */
export function textHandoff(): TextHandoff {
  const g = globalThis as unknown as Record<symbol, TextHandoff | undefined>;
  return (g[TEXT_HANDOFF_KEY] ??= createTextHandoff());
}
