import type { ReaderSummary } from '@/lib/documents/get-reader';
import { ReattachControl } from './reattach-control';
import { ThreadSlot } from './thread-slot';

const STATUS_LABEL: Record<string, string> = {
  CREATED: '',
  UNCHANGED: '',
  MOVED: 'moved',
  EDITED: 'text edited',
  ORPHANED: 'orphaned',
};

/**
 * A thread's summary: the quote, who, the first comment; the full thread loads on demand (with
 * scripts) into the slot below it. Focusable for j/k navigation.
 */
export function ThreadSummary({
  a,
  orphan = false,
}: {
  a: ReaderSummary;
  /** An orphan offers "Re-attach" to the words it belongs to now. */
  orphan?: boolean;
}) {
  const note = STATUS_LABEL[a.anchorStatus];
  return (
    <article
      className="thread-summary"
      id={`thread-${a.id}`}
      data-annotation-id={a.id}
      aria-label={`Thread by ${a.authorName}`}
      tabIndex={-1}
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
      {orphan ? <ReattachControl annotationId={a.id} /> : null}
      <ThreadSlot
        annotationId={a.id}
        blockKey={orphan ? null : a.blockKey}
        commentCount={a.commentCount}
      />
    </article>
  );
}
