import type { ReactNode } from 'react';
import type { ReaderBlock } from '@/lib/documents/get-reader';
import type { Segment } from '@/lib/documents/highlights';

function renderSegment(s: Segment): ReactNode {
  let node: ReactNode = s.text;
  for (const mark of s.marks) {
    if (mark.type === 'em') node = <em>{node}</em>;
    else if (mark.type === 'strong') node = <strong>{node}</strong>;
    else if (mark.type === 'code') node = <code>{node}</code>;
    else if (mark.type === 'link')
      node = (
        <a href={mark.href} rel="noopener noreferrer nofollow ugc" target="_blank">
          {node}
        </a>
      );
  }
  if (s.annotationIds.length === 0) return <span key={s.start}>{node}</span>;
  return (
    <mark
      key={s.start}
      className={s.annotationIds.length > 1 ? 'overlap' : undefined}
      data-annotations={s.annotationIds.join(' ')}
    >
      {node}
    </mark>
  );
}

const TAGS: Record<string, 'h2' | 'p' | 'li' | 'blockquote' | 'pre'> = {
  heading: 'h2',
  paragraph: 'p',
  'list-item': 'p',
  quote: 'blockquote',
  code: 'pre',
};

/**
 * One numbered, linkable block of the reading text; highlights are server-rendered <mark>s.
 * The text element's textContent, minus `[data-skip-offset]`, is the block's stored text: the
 * reader island turns selections into offsets with it.
 */
export function ReaderBlockView({
  block,
  canAnnotate = false,
}: {
  block: ReaderBlock;
  /** Shows the "start a thread on this paragraph" button (it needs the reader island). */
  canAnnotate?: boolean;
}) {
  const id = `p-${block.key}`;
  const Text = TAGS[block.type] ?? 'p';
  const threads = block.threadIds.length;
  return (
    <section
      className={`block block-${block.type}`}
      id={id}
      data-block-key={block.key}
      aria-label={`Paragraph ${block.number}`}
      tabIndex={-1}
    >
      <a className="pno" href={`#${id}`} aria-label={`Link to paragraph ${block.number}`}>
        ¶&nbsp;{block.number}
      </a>
      <Text className="text" data-block-text={block.key}>
        {block.type === 'list-item' ? (
          <span aria-hidden="true" data-skip-offset="">
            •{' '}
          </span>
        ) : null}
        {block.segments.map(renderSegment)}
      </Text>
      <span className="threads">
        {threads > 0 ? (
          <a
            href={`#thread-${block.threadIds[0]}`}
            aria-label={`${threads} ${threads === 1 ? 'thread' : 'threads'} on paragraph ${block.number}`}
          >
            💬&nbsp;{threads}
          </a>
        ) : null}
        {canAnnotate ? (
          <button
            type="button"
            className="para-thread"
            data-paragraph-thread={block.key}
            data-paragraph-number={block.number}
            aria-label={`Comment on paragraph ${block.number}`}
            title="Start a thread on this paragraph"
          >
            <span aria-hidden="true">+</span>
          </button>
        ) : null}
      </span>
    </section>
  );
}
