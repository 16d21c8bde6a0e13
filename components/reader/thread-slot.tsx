'use client';

import { useEffect, useRef } from 'react';
import { scrollBehavior } from './hooks';
import { readerStore, useReaderStore } from './reader-store';
import { ThreadPanel } from './thread-panel';

const PHONE = '(max-width: 600px)';

/** Shows the open thread under its summary; the toggle button appears once scripts run. */
export function ThreadSlot({
  annotationId,
  blockKey,
  commentCount,
}: {
  annotationId: string;
  blockKey: string | null;
  commentCount: number;
}) {
  const { open, config } = useReaderStore();
  const isOpen = open?.id === annotationId;
  const panelId = `thread-full-${annotationId}`;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const ref = useRef<HTMLDivElement>(null);

  const focusRequest = isOpen && open.focus ? open.nonce : 0;
  useEffect(() => {
    if (!focusRequest) return;
    // On phones the open thread is a bottom sheet over the text (globals.css): no scrolling away.
    if (window.matchMedia(PHONE).matches) return;
    ref.current
      ?.closest('.thread-summary')
      ?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [focusRequest]);

  if (!config) return null; // before hydration, and without scripts: the summary alone
  const label = isOpen
    ? 'Close thread'
    : commentCount === 0
      ? 'Open highlight'
      : `Open thread (${commentCount} ${commentCount === 1 ? 'comment' : 'comments'})`;
  return (
    <div ref={ref} className="thread-slot">
      <button
        ref={toggleRef}
        type="button"
        className="link-button thread-toggle"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => {
          if (isOpen) readerStore.closeThread();
          else readerStore.openThread(annotationId);
        }}
      >
        {label}
      </button>
      {isOpen ? (
        <div id={panelId} className="thread-sheet">
          <ThreadPanel
            annotationId={annotationId}
            blockKey={blockKey}
            focusRequest={focusRequest}
            onClose={() => {
              readerStore.closeThread();
              if (location.hash === `#thread-${annotationId}`)
                history.replaceState(null, '', location.pathname + location.search);
              toggleRef.current?.focus();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
