'use client';
/**
 * The last resort, when even the root layout failed: it replaces the layout, so it brings its
 * own document and the few styles it needs (globals.css is not loaded here).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <head>
        <title>Closeread is unavailable</title>
      </head>
      <body
        style={{
          fontFamily: 'system-ui, sans-serif',
          lineHeight: 1.5,
          maxWidth: '36rem',
          margin: '4rem auto',
          padding: '0 1rem',
        }}
      >
        <main role="alert">
          <h1>Closeread could not be shown</h1>
          <p>Something went wrong on our side, often for a moment only. Please try again.</p>
          <p>
            <button type="button" onClick={() => retry()}>
              Try again
            </button>
          </p>
          {digest ? <p>Reference for a report: {digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
