import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getLibrary, librarySchema } from '@/lib/documents/library';
import { orNotFound } from '@/lib/http/page-errors';
import { workspaceMetadata } from './workspace-metadata';

export const dynamic = 'force-dynamic';

export function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  return workspaceMetadata(params);
}

export default async function WorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug } = await params;
  const query = librarySchema.parse(await searchParams);
  const user = await requirePageUser(`/w/${slug}`);
  const { workspace, documents } = await orNotFound(getLibrary(user.id, slug, query));
  return (
    <div className="page">
      <h1>{workspace.name}</h1>
      <p className="doc-actions">
        <Link href={`/w/${workspace.slug}/import`}>Import a document</Link>
        <Link href={`/w/${workspace.slug}/settings`}>Members and invitations</Link>
      </p>
      <form method="get" className="filter-bar" role="search" aria-label="Search documents">
        <label>
          Title
          <input type="search" name="q" defaultValue={query.q ?? ''} />
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={query.sort}>
            <option value="activity">Last activity</option>
            <option value="title">Title</option>
          </select>
        </label>
        <button type="submit" className="quiet">
          Search
        </button>
      </form>
      {documents.length === 0 ? (
        <p className="muted">{query.q ? 'No document title matches.' : 'No documents yet.'}</p>
      ) : (
        <ul className="card-list" aria-label="Documents">
          {documents.map((d) => (
            <li key={d.id}>
              <Link href={`/d/${d.id}`}>{d.title}</Link>
              <div className="muted">
                {d.source ? `${d.source} · ` : ''}
                {d.revisions} {d.revisions === 1 ? 'revision' : 'revisions'} · {d.annotations}{' '}
                {d.annotations === 1 ? 'annotation' : 'annotations'} · {d.openThreads} open{' '}
                {d.openThreads === 1 ? 'thread' : 'threads'} · last activity{' '}
                <time dateTime={d.lastActivityAt.toISOString()}>
                  {d.lastActivityAt.toISOString().slice(0, 10)}
                </time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
