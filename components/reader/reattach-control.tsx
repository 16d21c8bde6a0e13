'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { api } from '@/components/api-client';
import { markOwnAction, readerStore, useReaderStore, type TextSpan } from './reader-store';
import styles from './reattach-control.module.css';

export type ReattachResult = { ok: true } | { ok: false; message: string };

/** Points an orphaned annotation at the selected words (one paragraph, latest revision). */
export async function reattach(
  annotationId: string,
  span: TextSpan | null,
): Promise<ReattachResult> {
  if (!span) return { ok: false, message: 'Select the words in the text first.' };
  if (span.blockKey !== span.endBlockKey)
    return { ok: false, message: 'Select words within a single paragraph.' };
  markOwnAction(annotationId);
  const res = await api(`/api/v1/annotations/${annotationId}/reattach`, {
    method: 'POST',
    body: { blockKey: span.blockKey, start: span.start, end: span.end },
  });
  if (res.ok) return { ok: true };
  if (res.status === 403)
    return {
      ok: false,
      message: `Only the annotation’s author or a moderator can re-attach it. (${res.message})`,
    };
  return { ok: false, message: res.message };
}

/** The "Re-attach" button of an orphan summary and, while active, its instructions. */
export function ReattachControl({ annotationId }: { annotationId: string }) {
  const router = useRouter();
  const { config, reattach: active, span } = useReaderStore();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const hereRef = useRef<HTMLButtonElement>(null);
  const on = active === annotationId;

  useEffect(() => {
    if (on) hereRef.current?.focus();
  }, [on]);

  if (!config?.isLatest) return null;

  async function submit() {
    setBusy(true);
    setError(null);
    const res = await reattach(annotationId, readerStore.get().span);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    readerStore.startReattach(null);
    window.getSelection()?.removeAllRanges();
    router.refresh();
  }

  if (!on) {
    return (
      <p className="reattach">
        <button
          ref={startRef}
          type="button"
          className="quiet small-button"
          onClick={() => {
            setError(null);
            readerStore.startReattach(annotationId);
          }}
        >
          Re-attach
        </button>
      </p>
    );
  }
  return (
    <div className={`reattach ${styles.reattachActive}`} role="group" aria-label="Re-attach">
      <p className="small">
        Select the words this annotation belongs to, then press Re-attach here.
      </p>
      {span ? (
        <p className="small muted">
          Selected: “{span.quote.length > 80 ? `${span.quote.slice(0, 79)}…` : span.quote}”
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error small">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button
          ref={hereRef}
          type="button"
          className="small-button"
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? 'Re-attaching…' : 'Re-attach here'}
        </button>
        <button
          type="button"
          className="quiet small-button"
          onClick={() => {
            readerStore.startReattach(null);
            setError(null);
            requestAnimationFrame(() => startRef.current?.focus());
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
