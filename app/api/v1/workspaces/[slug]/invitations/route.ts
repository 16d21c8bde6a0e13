import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { createInvitation, listInvitations } from '@/lib/workspaces/invitations';

type Params = { slug: string };

export const GET = withUser<Params>(async ({ user, params }) => ({
  items: await listInvitations(user.id, params.slug),
}));

export const POST = withUser<Params>(
  async ({ req, user, params }) => {
    const { token, path, invitation } = await createInvitation(
      user.id,
      params.slug,
      await readJson(req),
    );
    return { ...invitation, token, path };
  },
  { status: 201 },
);
