import Link from 'next/link';

/**
 * Every 404 — an unknown address, or a document, thread or workspace the reader may not see. It
 * does not say which: a private document must look exactly like one that does not exist.
 */
export default function NotFound() {
  return (
    <div className="page">
      {/* Not `metadata`: a page that calls notFound() would keep its own title over it. */}
      <title>Not found · Closeread</title>
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
