import type { ReaderBlock } from '@/lib/documents/get-reader';
import { blocksHtml, threadNumbers, type HighlightStates } from './reader-blocks-html';

/**
 * The reading text of a revision, server-rendered: numbered blocks with their highlights. Built
 * as an HTML string (see reader-blocks-html.ts for why); the island never re-renders it.
 */
export function ReaderText({
  blocks,
  canAnnotate = false,
  threadIds,
  states,
}: {
  blocks: readonly ReaderBlock[];
  canAnnotate?: boolean;
  /** The page's threads in the order the island numbers them; without it highlights are inert. */
  threadIds?: readonly string[];
  states?: HighlightStates;
}) {
  const html = blocksHtml(blocks, {
    canAnnotate,
    ...(threadIds ? { threadNumbers: threadNumbers(threadIds) } : {}),
    ...(states ? { states } : {}),
  });
  return <div className="reader-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
