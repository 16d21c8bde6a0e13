'use client';

import { useEffect, useState } from 'react';
import { useReaderStore } from './reader-store';
import { TEXT_REPLACED_EVENT } from './reader-text-slot';

/**
 * Marks the open thread's highlights in the server-rendered text with `data-selected`, so they
 * take the "selected" colour while the thread is open — again after the text is replaced by a
 * refresh. Highlights name their threads by page-local base-36 numbers (reader-blocks-html.ts);
 * `pageThreadIds` maps them back.
 */
export function useSelectedHighlights(articleId: string, pageThreadIds: readonly string[]) {
  const openId = useReaderStore().open?.id ?? null;
  const [textVersion, setTextVersion] = useState(0);

  useEffect(() => {
    const article = document.getElementById(articleId);
    const bump = () => setTextVersion((v) => v + 1);
    article?.addEventListener(TEXT_REPLACED_EVENT, bump);
    return () => article?.removeEventListener(TEXT_REPLACED_EVENT, bump);
  }, [articleId]);

  useEffect(() => {
    const article = document.getElementById(articleId);
    if (!article || !openId) return;
    const n = pageThreadIds.indexOf(openId);
    if (n < 0) return;
    const marks = article.querySelectorAll<HTMLElement>(`mark[data-threads~="${n.toString(36)}"]`);
    for (const m of marks) m.setAttribute('data-selected', '');
    return () => {
      for (const m of marks) m.removeAttribute('data-selected');
    };
  }, [articleId, openId, pageThreadIds, textVersion]);
}
