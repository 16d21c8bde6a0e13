import type { Metadata } from 'next';
import Link from 'next/link';

/**
 * Resolved in place of the page's own metadata whenever this page is shown with a 404, and for
 * addresses no route matches: one <title>, in the head from the first byte.
 */
export const metadata: Metadata = { title: 'Not found' };

/**
 * Every 404 — an unknown address, or a document, thread or workspace the reader may not see. It
 * does not say which: a private document must look exactly like one that does not exist.
 */
export default function NotFound() {
  return (
    <div className="page">
      <h1>Not found</h1>
      <p>
        There is nothing here, or it is in a workspace you are not a member of. If someone sent you
        this link, ask them for an invitation to their workspace.
      </p>
      <p>
        <Link href="/">Your workspaces</Link>
      </p>
    </div>
  );
}
