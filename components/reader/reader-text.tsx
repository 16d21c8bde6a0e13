import type { ReaderBlock } from '@/lib/documents/get-reader';
import { blocksHtml, threadNumbers } from './reader-blocks-html';

/**
 * The reading text of a revision, server-rendered: numbered blocks with their highlights. Built
 * as an HTML string (see reader-blocks-html.ts for why); the island never re-renders it.
 */
export function ReaderText({
  blocks,
  canAnnotate = false,
  threadIds,
}: {
  blocks: readonly ReaderBlock[];
  canAnnotate?: boolean;
  /** The page's threads in the order the island numbers them; without it highlights are inert. */
  threadIds?: readonly string[];
}) {
  const html = blocksHtml(blocks, {
    canAnnotate,
    ...(threadIds ? { threadNumbers: threadNumbers(threadIds) } : {}),
  });
  return <div className="reader-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
