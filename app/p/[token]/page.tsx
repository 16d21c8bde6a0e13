import type { Metadata } from 'next';
import Link from 'next/link';
import { ReaderText } from '@/components/reader/reader-text';
import { ThreadSummary } from '@/components/reader/thread-summary';
import { documentForPublicToken } from '@/lib/documents/access';
import { getPublicReaderView } from '@/lib/documents/get-reader';
import { orNotFound } from '@/lib/http/page-errors';

/** The document's title; an unknown or revoked link gets the 404 page's (see signedInPageMetadata). */
export async function generateMetadata({
  params,
}: {
  params: Promise<{ token: string }>;
}): Promise<Metadata> {
  const { token } = await params;
  const document = await orNotFound(documentForPublicToken(token));
  return { title: document.title, robots: { index: false } };
}
export const dynamic = 'force-dynamic';

/** A document published read-only: no annotating, never private annotations. */
export default async function PublicReaderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await orNotFound(getPublicReaderView(token));
  return (
    <div className="reader-layout">
      <article className="reader" aria-labelledby="doc-title">
        <header>
          <h1 id="doc-title">{view.document.title}</h1>
          <p className="meta">
            {[view.document.source, view.document.publishedOn].filter(Boolean).join(' · ')}
          </p>
          <p className="muted small">
            Shared read-only from {view.workspace.name}. <Link href="/signin">Sign in</Link> to join
            the discussion.
          </p>
        </header>
        <ReaderText blocks={view.blocks} viewerId={null} />
      </article>
      {view.annotations.length > 0 ? (
        <aside className="thread-panel" aria-label="Threads">
          <h2>Threads</h2>
          {view.summaries.map((a) => (
            <ThreadSummary key={a.id} a={a} />
          ))}
        </aside>
      ) : null}
    </div>
  );
}
