import Link from 'next/link';
import { CreateWorkspaceForm } from '@/components/create-workspace-form';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listWorkspaces } from '@/lib/workspaces/list-workspaces';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await requirePageUser('/');
  const workspaces = await listWorkspaces(user.id);
  return (
    <div className="page">
      <h1>Your workspaces</h1>
      {workspaces.length === 0 ? (
        <p className="muted">You are not a member of any workspace yet.</p>
      ) : (
        <ul className="card-list">
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link href={`/w/${w.slug}`}>{w.name}</Link>
              <div className="muted">
                {w.documentCount} {w.documentCount === 1 ? 'document' : 'documents'} ·{' '}
                {w.role.toLowerCase()}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>Start a workspace</h2>
      <CreateWorkspaceForm />
    </div>
  );
}
