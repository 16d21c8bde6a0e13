'use client';

/**
 * Where the reading text goes. On the server it writes the HTML the reader's server component
 * handed off (lib/http/text-handoff.ts), so the text is in the page once and not in React's
 * payload; hydration leaves that HTML alone. When a later render brings a new token (after
 * router.refresh() or a client navigation, where nothing was rendered on the server), it
 * fetches the text for that token and puts it in place.
 */
import { useEffect, useRef, useState } from 'react';
import { TEXT_HANDOFF_KEY, type TextHandoffTake } from '@/lib/http/text-handoff-key';

export const TEXT_REPLACED_EVENT = 'closeread:text-replaced';

function takeOnServer(token: string): string {
  const g = globalThis as unknown as Record<symbol, TextHandoffTake | undefined>;
  return g[TEXT_HANDOFF_KEY]?.take(token) ?? '';
}

// One fetch per token, even when an effect runs twice (development's strict mode).
const fetches = new Map<string, Promise<string>>();
function fetchText(token: string): Promise<string> {
  let p = fetches.get(token);
  if (!p) {
    p = fetch(`/api/reader-text/${token}`, { credentials: 'same-origin' }).then((res) =>
      res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`)),
    );
    fetches.set(token, p);
    setTimeout(() => fetches.delete(token), 60_000);
  }
  return p;
}

export function ReaderTextSlot({ token }: { token: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const serverHtml = typeof window === 'undefined' ? takeOnServer(token) : '';

  useEffect(() => {
    const el = ref.current;
    if (!el || el.dataset.textToken === token) return; // the server wrote this token's text
    let current = true;
    fetchText(token).then(
      (html) => {
        if (!current) return;
        el.innerHTML = html;
        el.dataset.textToken = token;
        setFailed(false);
        el.dispatchEvent(new CustomEvent(TEXT_REPLACED_EVENT, { bubbles: true }));
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <>
      {failed ? (
        <p role="alert" className="error">
          The latest text could not be loaded. <a href="">Reload the page</a> to see it.
        </p>
      ) : null}
      <div
        ref={ref}
        className="reader-text"
        // Only the server's render names its token: the client's renders never touch it.
        data-text-token={serverHtml ? token : undefined}
        dangerouslySetInnerHTML={{ __html: serverHtml }}
        suppressHydrationWarning
      />
    </>
  );
}
