import type { Metadata } from 'next';
import { currentUser } from '../auth/session';
import { orNotFound } from './page-errors';

/**
 * The title of a signed-in page about one named thing (a document, a workspace, an invitation):
 * "<page> — <name>", or the name alone, so tabs and a screen reader's page announcement say which
 * one is open.
 *
 * Signed out, the page sends the user to sign in, and the title names nothing. A thing the user
 * may not see answers 404 here exactly as the page does: Next hydrates the browser with the
 * metadata resolved for the page, so a page title resolved here would replace the 404 page's
 * title once scripts run (ADR 0019).
 */
export async function signedInPageMetadata(
  nameFor: (userId: string) => Promise<string>,
  page: string | undefined,
  signedOutTitle: string,
): Promise<Metadata> {
  const user = await currentUser();
  if (!user) return { title: page ?? signedOutTitle };
  const name = await orNotFound(nameFor(user.id));
  return { title: page ? `${page} — ${name}` : name };
}
