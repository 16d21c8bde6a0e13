import type { ReaderBlock } from '@/lib/documents/get-reader';

/** One numbered, linkable block of the reading text; highlights are server-rendered <mark>s. */
export function ReaderBlockView({ block }: { block: ReaderBlock }) {
  const id = `p-${block.key}`;
  const Text = block.type === 'heading' ? 'h2' : 'p';
  return (
    <section className="block" id={id} aria-label={`Paragraph ${block.number}`}>
      <a className="pno" href={`#${id}`} aria-label={`Link to paragraph ${block.number}`}>
        ¶ {block.number}
      </a>
      <Text className="text">
        {block.segments.map((s) =>
          s.annotationIds.length === 0 ? (
            <span key={s.start}>{s.text}</span>
          ) : (
            <mark
              key={s.start}
              className={s.annotationIds.length > 1 ? 'overlap' : undefined}
              data-annotations={s.annotationIds.join(' ')}
            >
              {s.text}
            </mark>
          ),
        )}
      </Text>
      <span className="threads">
        {block.threadCount > 0 ? (
          <span
            aria-label={`${block.threadCount} ${block.threadCount === 1 ? 'thread' : 'threads'}`}
          >
            💬 {block.threadCount}
          </span>
        ) : null}
      </span>
    </section>
  );
}
