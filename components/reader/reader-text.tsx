import type { ReaderBlock } from '@/lib/documents/get-reader';
import { textHandoff } from '@/lib/http/text-handoff';
import { blocksHtml, threadNumbers, type HighlightStates } from './reader-blocks-html';
import { ReaderTextSlot } from './reader-text-slot';

/**
 * The reading text of a revision, server-rendered: numbered blocks with their highlights. Built
 * as an HTML string (see reader-blocks-html.ts for why) and handed to the client slot by token,
 * so it travels once (lib/http/text-handoff.ts, ADR 0011); the island never re-renders it.
 */
export function ReaderText({
  blocks,
  threadIds,
  states,
  viewerId,
}: {
  blocks: readonly ReaderBlock[];
  /** The page's threads in the order the island numbers them; without it highlights are inert. */
  threadIds?: readonly string[];
  states?: HighlightStates;
  /** Who may fetch the text by its token after a refresh; null on public pages. */
  viewerId: string | null;
}) {
  const html = blocksHtml(blocks, {
    ...(threadIds ? { threadNumbers: threadNumbers(threadIds) } : {}),
    ...(states ? { states } : {}),
  });
  return <ReaderTextSlot token={textHandoff().put(html, viewerId)} />;
}
