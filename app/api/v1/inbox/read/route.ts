import { markRead } from '@/lib/annotations/inbox';
import { readJson } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';

export const POST = withUser(async ({ req, user }) => markRead(user.id, await readJson(req)));
