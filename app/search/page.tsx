import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { isAppError } from '@/lib/errors/app-error';
import { search, type SearchHit } from '@/lib/search/search';

export const metadata: Metadata = { title: 'Search' };
export const dynamic = 'force-dynamic';

/** Snippets mark matches with ⟦ ⟧; everything else stays text (React escapes it). */
function snippet(text: string): ReactNode[] {
  return text
    .split(/(⟦[^⟧]*⟧)/)
    .map((part, i) =>
      part.startsWith('⟦') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
    );
}

const KIND: Record<SearchHit['kind'], string> = {
  comment: 'Comment',
  quote: 'Highlighted passage',
  text: 'Document text',
};

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const user = await requirePageUser(`/search`);
  let hits: SearchHit[] = [];
  let error: string | null = null;
  if (params.q) {
    try {
      hits = (await search(user.id, params)).hits;
    } catch (err) {
      if (!isAppError(err)) throw err;
      error = err.message;
    }
  }
  return (
    <div className="page">
      <h1>Search</h1>
      <form
        method="get"
        role="search"
        className="filter-bar"
        aria-label="Search comments, passages and documents"
      >
        <label>
          Words, &quot;a phrase&quot;, prefix*
          <input type="search" name="q" defaultValue={params.q ?? ''} />
        </label>
        <label>
          In
          <select name="kind" defaultValue={params.kind ?? 'all'}>
            <option value="all">Everything</option>
            <option value="comments">Comments</option>
            <option value="quotes">Highlighted passages</option>
            <option value="text">Document text</option>
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {error ? <p className="error">{error}</p> : null}
      {params.q && !error ? (
        <p className="muted" role="status">
          {hits.length} {hits.length === 1 ? 'result' : 'results'}
        </p>
      ) : null}
      <ol className="card-list" aria-label="Results">
        {hits.map((h, i) => (
          <li key={`${h.kind}-${h.commentId ?? h.annotationId ?? h.blockKey}-${i}`}>
            <p className="small muted">
              {KIND[h.kind]} · <Link href={`/d/${h.documentId}`}>{h.documentTitle}</Link>
              {h.paragraph ? (
                <>
                  {' · '}
                  <Link
                    href={`/d/${h.documentId}#${h.annotationId ? `thread-${h.annotationId}` : `p-${h.blockKey}`}`}
                  >
                    ¶ {h.paragraph}
                  </Link>
                </>
              ) : null}
              {h.author ? ` · ${h.author}` : ''}
            </p>
            <p>{snippet(h.snippet)}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
