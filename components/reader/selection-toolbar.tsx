'use client';

import type { KeyboardEvent, Ref } from 'react';
import styles from './selection-toolbar.module.css';

export type SelectionToolbarProps = {
  ref: Ref<HTMLDivElement>;
  top: number;
  left: number;
  /** What the selection can become: a highlight or thread, an orphan's new place, or a link. */
  mode: 'annotate' | 'reattach' | 'link';
  busy: boolean;
  error: string | null;
  copied: string | null;
  /** A link shown to copy by hand when the clipboard is unavailable. */
  fallbackLink: string | null;
  onHighlight: () => void;
  onComment: () => void;
  onCopyLink: () => void;
  onReattach: () => void;
  onCancelReattach: () => void;
  onEscape: () => void;
};

/** The small toolbar under a text selection; arrow keys move between its buttons. */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const { ref, mode, busy } = props;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...e.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const step = e.key === 'ArrowRight' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      props.onEscape();
    }
  }

  return (
    <div
      ref={ref}
      className={styles.selectionToolbar}
      role="toolbar"
      aria-label="Selection"
      tabIndex={-1}
      style={{ top: props.top, left: props.left }}
      onKeyDown={onKeyDown}
    >
      <div className={styles.selectionToolbarButtons}>
        {mode === 'reattach' ? (
          <>
            <button type="button" disabled={busy} onClick={props.onReattach}>
              Re-attach here
            </button>
            <button type="button" className="quiet" onClick={props.onCancelReattach}>
              Cancel re-attach
            </button>
          </>
        ) : (
          <>
            {mode === 'annotate' ? (
              <>
                <button
                  type="button"
                  disabled={busy}
                  onClick={props.onHighlight}
                  aria-keyshortcuts="Alt+H"
                >
                  Highlight
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={props.onComment}
                  aria-keyshortcuts="Alt+C"
                >
                  Comment
                </button>
              </>
            ) : null}
            <button type="button" onClick={props.onCopyLink}>
              Copy link
            </button>
          </>
        )}
      </div>
      {props.error ? (
        <p role="alert" className="error small">
          {props.error}
        </p>
      ) : null}
      {props.copied ? (
        <p role="status" className="small">
          {props.copied}
        </p>
      ) : null}
      {props.fallbackLink ? (
        <label className="small">
          Copy this link:
          <input
            type="text"
            readOnly
            value={props.fallbackLink}
            onFocus={(e) => e.currentTarget.select()}
            autoFocus
          />
        </label>
      ) : null}
    </div>
  );
}
