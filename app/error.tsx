'use client';
/**
 * What a page shows when rendering it failed on the server (the database restarting, a bug). The
 * error's text never reaches the browser in production — only its digest, which matches the line
 * the server logged, so a report can name it. "Try again" re-renders the page with fresh data.
 */
import Link from 'next/link';
import { useEffect, useRef } from 'react';

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen-reader and keyboard users land on the message, not on whatever had focus.
  useEffect(() => heading.current?.focus(), []);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div className="page" role="alert">
      <h1 ref={heading} tabIndex={-1}>
        This page could not be shown
      </h1>
      <p>
        Something went wrong on our side, often for a moment only (for example while the database
        restarts). A comment you were writing is kept as a draft in this browser and comes back when
        you open its editor again.
      </p>
      <p className="doc-actions">
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
        <Link href="/">Your workspaces</Link>
      </p>
      {digest ? <p className="muted">Reference for a report: {digest}</p> : null}
    </div>
  );
}
