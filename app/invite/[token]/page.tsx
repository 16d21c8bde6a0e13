import type { Metadata } from 'next';
import { AcceptInvitation } from '@/components/accept-invitation';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { orNotFound } from '@/lib/http/page-errors';
import { signedInPageMetadata } from '@/lib/http/page-metadata';
import { previewInvitation } from '@/lib/workspaces/invitations';

/** Names the workspace; an unknown link gets the 404 page's title. */
export async function generateMetadata({
  params,
}: {
  params: Promise<{ token: string }>;
}): Promise<Metadata> {
  const { token } = await params;
  return signedInPageMetadata(
    async () => `Join ${(await previewInvitation(token)).workspaceName}`,
    undefined,
    'Invitation',
  );
}
export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requirePageUser(`/invite/${token}`);
  const invite = await orNotFound(previewInvitation(token));
  return (
    <div className="page">
      <h1>Join {invite.workspaceName}</h1>
      {invite.problem ? (
        <p className="error">{invite.problem}</p>
      ) : (
        <>
          <p>
            You are signed in as {user.email}. You are invited as a {invite.role.toLowerCase()}.
            {invite.email && invite.email !== user.email
              ? ` This invitation is for ${invite.email}.`
              : ''}
          </p>
          <AcceptInvitation token={token} />
        </>
      )}
    </div>
  );
}
