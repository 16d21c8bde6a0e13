import type { ReaderAnnotation } from '@/lib/documents/get-reader';

const STATUS_LABEL: Record<string, string> = {
  CREATED: '',
  UNCHANGED: '',
  MOVED: 'moved',
  EDITED: 'text edited',
  ORPHANED: 'orphaned',
};

/** A thread's summary: the quote, who, the first comment; the full thread loads on demand. */
export function ThreadSummary({ a }: { a: ReaderAnnotation }) {
  const note = STATUS_LABEL[a.anchorStatus];
  return (
    <article
      className="thread-summary"
      id={`thread-${a.id}`}
      data-annotation-id={a.id}
      aria-label={`Thread by ${a.authorName}`}
    >
      {a.quote ? (
        <blockquote className="quote">{a.quote}</blockquote>
      ) : (
        <p className="muted">Whole paragraph</p>
      )}
      <p className="byline">
        <strong>{a.authorName}</strong>
        {a.visibility === 'PRIVATE' ? <span className="badge">private</span> : null}
        {a.status === 'RESOLVED' ? <span className="badge">resolved</span> : null}
        {note ? <span className="badge">{note}</span> : null}
        {a.tags.map((t) => (
          <span key={t} className="tag">
            #{t}
          </span>
        ))}
      </p>
      {a.firstComment ? <p className="first-comment">{a.firstComment}</p> : null}
      <p className="muted small">
        {a.commentCount === 0
          ? 'Highlight'
          : `${a.commentCount} ${a.commentCount === 1 ? 'comment' : 'comments'}`}
        {a.blockKey ? (
          <>
            {' · '}
            <a href={`#p-${a.blockKey}`}>go to text</a>
          </>
        ) : null}
      </p>
    </article>
  );
}
