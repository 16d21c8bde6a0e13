import type { Metadata } from 'next';
import Link from 'next/link';
import { ExportMenu } from '@/components/export/export-menu';
import { FilterBar } from '@/components/reader/filter-bar';
import { ReaderText } from '@/components/reader/reader-text';
import { ReaderIsland } from '@/components/reader/reader-island';
import { ThreadSummary } from '@/components/reader/thread-summary';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getReaderView } from '@/lib/documents/get-reader';
import { readerFilterSchema } from '@/lib/documents/reader-filter';
import { orNotFound } from '@/lib/http/page-errors';
import { documentMetadata } from './document-metadata';

export const dynamic = 'force-dynamic';

const THREADS_SHOWN = 200;
const ALL_THREADS = Number.POSITIVE_INFINITY;

/** The tab and the screen reader's page announcement name the document being read. */
export function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return documentMetadata(params);
}

export default async function ReaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const filter = readerFilterSchema.parse(query);
  // A long discussion is summarised in pages: the rest load on request (?threads=all), so the
  // reading page stays light; every thread still opens from its highlight.
  const shown = query.threads === 'all' ? ALL_THREADS : THREADS_SHOWN;
  const user = await requirePageUser(`/d/${id}`);
  const view = await orNotFound(getReaderView(user.id, id, filter, { summaries: shown }));
  const summaries = view.summaries;
  const threadIds = view.annotations.map((a) => a.id);
  const states = {
    mine: new Set(view.annotations.filter((a) => a.authorId === user.id).map((a) => a.id)),
    resolved: new Set(view.annotations.filter((a) => a.status === 'RESOLVED').map((a) => a.id)),
  };
  return (
    <div className="reader-layout">
      <article className="reader" id="reader-text" aria-labelledby="doc-title">
        <header>
          <p className="muted">
            <Link href={`/w/${view.workspace.slug}`}>{view.workspace.name}</Link>
          </p>
          <h1 id="doc-title">{view.document.title}</h1>
          <p className="meta">
            {[view.document.source, view.document.publishedOn].filter(Boolean).join(' · ')}
          </p>
          <nav className="doc-actions" aria-label="Document">
            <span>
              Revision {view.revision.number} of {view.revisions.length}
              {view.revision.isLatest ? '' : ' (earlier revision: read only)'}
            </span>
            {view.revisions.length > 1 ? (
              <>
                {view.revisions
                  .filter((r) => r.number !== view.revision.number)
                  .map((r) => (
                    <Link key={r.number} href={`/d/${id}?rev=${r.number}`}>
                      revision {r.number}
                    </Link>
                  ))}
                <Link href={`/d/${id}/history`}>what changed</Link>
              </>
            ) : null}
            {view.abilities.revise ? (
              <Link href={`/d/${id}/revise`}>Upload a new version</Link>
            ) : null}
            {view.abilities.share ? <Link href={`/d/${id}/share`}>Share</Link> : null}
            <ExportMenu documentId={view.document.id} />
          </nav>
        </header>
        <ReaderText blocks={view.blocks} threadIds={threadIds} states={states} viewerId={user.id} />
      </article>
      <ReaderIsland
        documentId={view.document.id}
        workspaceSlug={view.workspace.slug}
        me={{ id: user.id, name: user.name }}
        canAnnotate={view.abilities.annotate}
        isLatest={view.revision.isLatest}
        tagSuggestions={view.filterOptions.tags}
        threadIds={threadIds.join(' ')}
      />
      <aside className="thread-panel" aria-label="Threads">
        <h2>
          Threads <span className="muted">({view.annotations.length})</span>
        </h2>
        <ul className="legend" aria-label="Highlight colours">
          <li>
            <mark className="mine">mine</mark>
          </li>
          <li>
            <mark>others’</mark>
          </li>
          <li>
            <mark className="resolved">resolved</mark>
          </li>
          <li>
            <mark data-selected="">open thread</mark>
          </li>
        </ul>
        <FilterBar view={view} filter={filter} />
        {view.annotations.length === 0 ? <p className="muted">No annotations match.</p> : null}
        {summaries.map((a) => (
          <ThreadSummary key={a.id} a={a} />
        ))}
        {summaries.length < view.annotations.length ? (
          <p>
            <Link
              href={`/d/${id}?${new URLSearchParams({ ...(filter.rev ? { rev: String(filter.rev) } : {}), threads: 'all' })}`}
            >
              Show all {view.annotations.length} threads
            </Link>
          </p>
        ) : null}
        {view.orphans.length > 0 ? (
          <section className="orphans" aria-labelledby="orphans-title">
            <h2 id="orphans-title">
              Orphaned <span className="muted">({view.orphans.length})</span>
            </h2>
            <p className="muted small">
              The words these annotations were written about are no longer in this revision.
            </p>
            {view.orphans.map((a) => (
              <ThreadSummary key={a.id} a={a} orphan />
            ))}
          </section>
        ) : null}
      </aside>
    </div>
  );
}
