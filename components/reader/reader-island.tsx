'use client';

// The reader's interactive layer over the server-rendered text: the selection toolbar, the
// new-thread composer, paragraph threads, opening threads, j/k navigation, live updates. It
// never renders the document text; highlights come back through router.refresh(), after which
// the text slot fetches the new text by its token (reader-text-slot.tsx).
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '@/components/api-client';
import { Composer, truncate, type ComposerTarget } from './composer';
import { isTypingTarget } from './hooks';
import { reattach } from './reattach-control';
import { markOwnAction, readerStore, useReaderStore, type TextSpan } from './reader-store';
import { useParagraphButtons } from './use-paragraph-buttons';
import { useOpenThread, useReaderClicks, stepThreadSummary } from './use-reader-clicks';
import { useSelectedHighlights } from './use-selected-highlights';
import { spanFromSelection } from './selection-offsets';
import { SelectionToolbar } from './selection-toolbar';
import { useLiveUpdates } from './use-live-updates';

const TOOLBAR_HINT = 'Selection toolbar available: Alt+H highlight, Alt+C comment';

export type ReaderIslandProps = {
  documentId: string;
  workspaceSlug: string;
  me: { id: string; name: string };
  canAnnotate: boolean;
  isLatest: boolean;
  tagSuggestions?: string[];
  /** The page's thread ids, space-separated, in the order highlights number them (`data-threads`). */
  threadIds?: string;
  /** id of the <article> holding the reading text. */
  articleId?: string;
};

type Toolbar = { span: TextSpan; top: number; left: number };

export function ReaderIsland({
  documentId,
  workspaceSlug,
  me,
  canAnnotate,
  isLatest,
  tagSuggestions = [],
  threadIds = '',
  articleId = 'reader-text',
}: ReaderIslandProps) {
  const router = useRouter();
  const pageThreadIds = useMemo(() => threadIds.split(' '), [threadIds]);
  const { reattach: reattaching } = useReaderStore();
  useSelectedHighlights(articleId, pageThreadIds);
  useParagraphButtons(articleId, canAnnotate);
  const [toolbar, setToolbar] = useState<Toolbar | null>(null);
  const [toolbarError, setToolbarError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [fallbackLink, setFallbackLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [composer, setComposer] = useState<ComposerTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const toolbarRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const pointerDown = useRef(false);
  const dismissed = useRef<string | null>(null);
  const refreshPending = useRef(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const toolbarShown = useRef(false);
  const annotating = isLatest && (canAnnotate || reattaching !== null);

  // ---- shared state for the other islands ------------------------------------------------
  useEffect(() => {
    readerStore.configure({
      documentId,
      workspaceSlug,
      me,
      canAnnotate,
      isLatest,
      tagSuggestions,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- me/tagSuggestions by value
  }, [documentId, workspaceSlug, me.id, me.name, canAnnotate, isLatest, tagSuggestions.join('\n')]);

  useEffect(() => {
    // Scripts run: show the controls that need them (paragraph-thread buttons).
    document.documentElement.setAttribute('data-reader-js', '');
    return () => document.documentElement.removeAttribute('data-reader-js');
  }, []);

  const announce = useCallback((text: string) => {
    // Clearing first makes screen readers repeat an identical message.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 60);
  }, []);

  // ---- refreshing the server-rendered page --------------------------------------------------
  const refresh = useCallback(() => {
    // Re-rendering the highlights replaces text nodes and would drop a selection in progress.
    if (toolbarShown.current || pointerDown.current) {
      refreshPending.current = true;
      return;
    }
    refreshPending.current = false;
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => router.refresh(), 150);
  }, [router]);

  useEffect(() => {
    toolbarShown.current = toolbar !== null;
    if (!toolbar && refreshPending.current) refresh();
  }, [toolbar, refresh]);

  // ---- selection ----------------------------------------------------------------------------
  const readSelection = useCallback(
    (show: boolean) => {
      const article = document.getElementById(articleId);
      if (!article) return;
      const active = document.activeElement;
      if (toolbarRef.current && active && toolbarRef.current.contains(active)) return;
      const span = spanFromSelection(article, window.getSelection());
      if (!span) {
        setToolbar(null);
        setToolbarError(null);
        setFallbackLink(null);
        setCopied(null);
        return;
      }
      readerStore.setSpan(span);
      const key = `${span.blockKey}:${span.start}:${span.endBlockKey}:${span.end}`;
      if (!show || dismissed.current === key || !isLatest) return;
      const range = window.getSelection()!.getRangeAt(0);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      const viewport = document.documentElement.clientWidth;
      // Keep the (at most ~320px wide) toolbar inside the viewport.
      const half = Math.min(160, viewport / 2);
      const center = Math.min(Math.max(last.left + last.width / 2, half), viewport - half);
      setToolbar((prev) => {
        if (!prev) {
          if (canAnnotate) announce(TOOLBAR_HINT);
        }
        return { span, top: last.bottom + window.scrollY + 8, left: center + window.scrollX };
      });
      setToolbarError(null);
    },
    [articleId, isLatest, canAnnotate, announce],
  );

  useEffect(() => {
    let frame = 0;
    const onSelectionChange = () => {
      cancelAnimationFrame(frame);
      // While dragging, only hide; the toolbar appears on mouseup.
      frame = requestAnimationFrame(() =>
        readSelection(!pointerDown.current && toolbarShown.current),
      );
    };
    const onPointerDown = (e: PointerEvent) => {
      if (toolbarRef.current?.contains(e.target as Node)) return;
      pointerDown.current = true;
      dismissed.current = null;
    };
    const onPointerUp = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      // Let the browser settle the selection (a click collapses it after mouseup).
      setTimeout(() => readSelection(true), 0);
      if (refreshPending.current) refresh();
    };
    const onKeyUp = (e: globalThis.KeyboardEvent) => {
      if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key === 'a')
        readSelection(true);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [readSelection, refresh]);

  const closeToolbar = useCallback(() => {
    setToolbar((t) => {
      if (t)
        dismissed.current = `${t.span.blockKey}:${t.span.start}:${t.span.endBlockKey}:${t.span.end}`;
      return null;
    });
    setFallbackLink(null);
    setCopied(null);
  }, []);

  // ---- actions ------------------------------------------------------------------------------
  const highlight = useCallback(
    async (span: TextSpan) => {
      if (!canAnnotate || busy) return;
      setBusy(true);
      setToolbarError(null);
      const res = await api<{ id: string }>(`/api/v1/documents/${documentId}/annotations`, {
        method: 'POST',
        body: {
          blockKey: span.blockKey,
          ...(span.endBlockKey !== span.blockKey ? { endBlockKey: span.endBlockKey } : {}),
          start: span.start,
          end: span.end,
          clientKey: crypto.randomUUID(),
        },
      });
      setBusy(false);
      if (!res.ok) {
        setToolbarError(res.message);
        return;
      }
      markOwnAction(res.data.id);
      window.getSelection()?.removeAllRanges();
      setToolbar(null);
      announce('Highlighted.');
      refreshPending.current = true;
      toolbarShown.current = false;
      refresh();
    },
    [canAnnotate, busy, documentId, announce, refresh],
  );

  const openComposer = useCallback((target: ComposerTarget, from: HTMLElement | null) => {
    returnFocus.current = from;
    setToolbar(null);
    setComposer(target);
  }, []);

  const commentOn = useCallback(
    (span: TextSpan) => {
      if (!canAnnotate) return;
      const block = document.getElementById(`p-${span.blockKey}`);
      openComposer({ kind: 'span', ...span }, block);
    },
    [canAnnotate, openComposer],
  );

  const closeComposer = useCallback(() => {
    setComposer(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    requestAnimationFrame(() => {
      if (back && back.isConnected) back.focus({ preventScroll: false });
    });
  }, []);

  async function copyLink(span: TextSpan) {
    const url = `${location.origin}/d/${documentId}#p-${span.blockKey}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link to the paragraph copied.');
      announce('Link copied.');
    } catch {
      setFallbackLink(url);
    }
  }

  async function reattachHere(span: TextSpan) {
    const id = readerStore.get().reattach;
    if (!id) return;
    setBusy(true);
    const res = await reattach(id, span);
    setBusy(false);
    if (!res.ok) {
      setToolbarError(res.message);
      return;
    }
    readerStore.startReattach(null);
    window.getSelection()?.removeAllRanges();
    setToolbar(null);
    announce('Annotation re-attached.');
    refreshPending.current = true;
    toolbarShown.current = false;
    refresh();
  }

  // ---- opening threads (clicks on highlights, counts, summaries, paragraph buttons) -------
  const openThread = useOpenThread();
  useReaderClicks({ canAnnotate, isLatest, openComposer, openThread, pageThreadIds });

  // Keys: Alt+H / Alt+C on a selection, Escape, j/k between thread summaries, Enter opens.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const typing = isTypingTarget(e.target);
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyH' || e.code === 'KeyC')) {
        if (typing || !canAnnotate || !isLatest) return;
        const article = document.getElementById(articleId);
        const span = article ? spanFromSelection(article, window.getSelection()) : null;
        if (!span) return;
        e.preventDefault();
        if (e.code === 'KeyH') void highlight(span);
        else commentOn(span);
        return;
      }
      if (e.key === 'Escape' && toolbarShown.current && !typing) {
        e.preventDefault();
        closeToolbar();
        return;
      }
      if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'j' || e.key === 'k') {
        if (stepThreadSummary(e.key === 'j' ? 1 : -1)) e.preventDefault();
        return;
      }
      if (e.key === 'Enter') {
        const active = document.activeElement as HTMLElement | null;
        if (active?.classList.contains('thread-summary') && active.dataset.annotationId) {
          e.preventDefault();
          const id = active.dataset.annotationId;
          if (readerStore.get().open?.id === id) readerStore.closeThread();
          else openThread(id);
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [articleId, canAnnotate, isLatest, highlight, commentOn, closeToolbar, openThread]);

  const live = useLiveUpdates(documentId, refresh, announce);

  // ---- rendering ----------------------------------------------------------------------------
  const toolbarEl =
    toolbar && (annotating || isLatest) ? (
      <SelectionToolbar
        ref={toolbarRef}
        top={toolbar.top}
        left={toolbar.left}
        mode={reattaching ? 'reattach' : canAnnotate ? 'annotate' : 'link'}
        busy={busy}
        error={toolbarError}
        copied={copied}
        fallbackLink={fallbackLink}
        onHighlight={() => void highlight(toolbar.span)}
        onComment={() => commentOn(toolbar.span)}
        onCopyLink={() => void copyLink(toolbar.span)}
        onReattach={() => void reattachHere(toolbar.span)}
        onCancelReattach={() => {
          readerStore.startReattach(null);
          closeToolbar();
        }}
        onEscape={() => {
          closeToolbar();
          document.getElementById(`p-${toolbar.span.blockKey}`)?.focus();
        }}
      />
    ) : null;

  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {live === 'reconnecting' ? (
        <p className="live-status" role="status">
          Reconnecting… new comments from others will appear when the connection is back.
        </p>
      ) : null}
      {toolbarEl}
      {composer ? (
        <Composer
          key={
            composer.kind === 'span'
              ? `${composer.blockKey}:${composer.start}:${composer.end}`
              : `p:${composer.blockKey}`
          }
          documentId={documentId}
          workspaceSlug={workspaceSlug}
          target={composer}
          tagSuggestions={tagSuggestions}
          onClose={closeComposer}
          onCreated={(id) => {
            markOwnAction(id);
            returnFocus.current = null;
            setComposer(null);
            window.getSelection()?.removeAllRanges();
            announce(
              composer.kind === 'span'
                ? `Thread started on “${truncate(composer.quote, 60)}”.`
                : 'Thread started.',
            );
            openThread(id);
            refreshPending.current = true;
            toolbarShown.current = false;
            refresh();
          }}
        />
      ) : null}
    </>
  );
}
