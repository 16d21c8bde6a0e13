'use client';

/**
 * Opening threads from the page: a thread's permalink (#thread-<id>), clicks on highlights,
 * thread counts, summaries and paragraph buttons in the server-rendered text (delegated on the
 * document, so they keep working when the text is replaced), and j/k between summaries.
 */
import { useCallback, useEffect } from 'react';
import type { ComposerTarget } from './composer';
import { scrollBehavior } from './hooks';
import { readerStore } from './reader-store';

/** Opens a thread and names it in the URL; opens the one the URL names on load and on change. */
export function useOpenThread(): (id: string, focus?: boolean) => void {
  const openThread = useCallback((id: string, focus = true) => {
    readerStore.openThread(id, focus);
    if (location.hash !== `#thread-${id}`)
      history.replaceState(null, '', `${location.pathname}${location.search}#thread-${id}`);
  }, []);

  useEffect(() => {
    const fromHash = () => {
      const m = /^#thread-(.+)$/.exec(location.hash);
      if (m?.[1]) readerStore.openThread(decodeURIComponent(m[1]), true);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, []);

  return openThread;
}

export function useReaderClicks({
  canAnnotate,
  isLatest,
  openComposer,
  openThread,
  pageThreadIds,
}: {
  canAnnotate: boolean;
  isLatest: boolean;
  openComposer: (target: ComposerTarget, from: HTMLElement | null) => void;
  openThread: (id: string) => void;
  /** The page's threads: highlights name them by base-36 index (reader-blocks-html.ts). */
  pageThreadIds: readonly string[];
}) {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0) return;
      const target = e.target as Element | null;
      if (!target) return;
      const para = target.closest<HTMLElement>('button[data-paragraph]');
      const block = para?.closest<HTMLElement>('section.block');
      if (para && block) {
        e.preventDefault();
        if (!canAnnotate || !isLatest) return;
        openComposer(
          {
            kind: 'paragraph',
            blockKey: block.id.replace(/^p-/, ''),
            number: Number(para.dataset.paragraph ?? 0),
          },
          para,
        );
        return;
      }
      const selectionEmpty = window.getSelection()?.isCollapsed ?? true;
      const link = target.closest<HTMLAnchorElement>('a[href^="#thread-"]');
      if (link && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
        e.preventDefault();
        openThread(decodeURIComponent(link.getAttribute('href')!.slice('#thread-'.length)));
        return;
      }
      const mark = target.closest<HTMLElement>('mark[data-threads]');
      if (mark && selectionEmpty && !target.closest('a')) {
        const ids = (mark.dataset.threads ?? '')
          .split(' ')
          .map((n) => pageThreadIds[parseInt(n, 36)])
          .filter((id): id is string => !!id);
        // Several threads on these words: each click opens the next one.
        const current = readerStore.get().open?.id;
        const next = ids[(ids.indexOf(current ?? '') + 1) % ids.length];
        if (next) openThread(next);
        return;
      }
      const summary = target.closest<HTMLElement>('.thread-summary');
      if (
        summary &&
        selectionEmpty &&
        !target.closest('a, button, input, select, textarea, label, .thread-slot, .reattach')
      ) {
        const id = summary.dataset.annotationId;
        if (id) openThread(id);
      }
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [canAnnotate, isLatest, openComposer, openThread, pageThreadIds]);
}

/**
 * j/k: focuses the next (+1) or previous (-1) thread summary in the panel, from the focused one
 * (or the first/last). Returns whether there was one to go to.
 */
export function stepThreadSummary(step: 1 | -1): boolean {
  const summaries = [...document.querySelectorAll<HTMLElement>('.thread-panel .thread-summary')];
  if (summaries.length === 0) return false;
  const active = document.activeElement;
  const at = summaries.findIndex((s) => s === active || s.contains(active));
  const next =
    at === -1
      ? step === 1
        ? 0
        : summaries.length - 1
      : Math.min(Math.max(at + step, 0), summaries.length - 1);
  const el = summaries[next]!;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  return true;
}
