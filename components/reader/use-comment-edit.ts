'use client';

/**
 * Editing one comment of a thread: starts from the stored version (with its formatting), saves
 * against the version it started from, and on a conflict keeps the draft, shows the newer text
 * and lets the next save replace it.
 */
import { useRef, useState } from 'react';
import type { ApiFailure } from '@/components/api-error';
import { api } from '@/components/api-client';
import type { CommentDoc } from '@/lib/richtext/types';
import { markOwnAction } from './reader-store';
import { explain } from './thread-comment';
import type { History, Thread, ThreadComment } from './thread-types';

export type CommentEdit = { id: string; version: number; doc: CommentDoc };

export function useCommentEdit({
  annotationId,
  setAlert,
  setBusy,
  setThread,
  afterSave,
}: {
  annotationId: string;
  setAlert: (failure: ApiFailure | null) => void;
  setBusy: (busy: boolean) => void;
  setThread: (thread: Thread) => void;
  /** Re-fetches the thread and the page's highlights. */
  afterSave: () => Promise<void>;
}) {
  const [editing, setEditing] = useState<CommentEdit | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [latestShown, setLatestShown] = useState(false);
  // The version an edit is based on; a ref so a save always sends the latest one.
  const editVersion = useRef(0);
  const fail = (status: number, message: string) =>
    setAlert({ status, message: explain(status, message) });

  async function start(c: ThreadComment): Promise<boolean> {
    setAlert(null);
    setConflict(null);
    const res = await api<History>(`/api/v1/comments/${c.id}/history`);
    if (!res.ok) {
      fail(res.status, res.message);
      return false;
    }
    setLatestShown(false);
    editVersion.current = res.data.current.version;
    setEditing({ id: c.id, version: res.data.current.version, doc: res.data.current.body });
    return true;
  }

  async function save(doc: CommentDoc): Promise<boolean> {
    if (!editing) return false;
    setConflict(null);
    setAlert(null);
    markOwnAction(annotationId);
    setBusy(true);
    const res = await api(`/api/v1/comments/${editing.id}`, {
      method: 'PATCH',
      body: { body: doc, version: editVersion.current },
    });
    setBusy(false);
    if (!res.ok) {
      if (res.status === 409) setConflict(res.message);
      else fail(res.status, res.message);
      return false;
    }
    setEditing(null);
    await afterSave();
    return true;
  }

  /** After a conflict: show the newer text, keep the draft, and let the next save win. */
  async function loadLatest() {
    const res = await api<Thread>(`/api/v1/annotations/${annotationId}`);
    if (!res.ok) {
      fail(res.status, res.message);
      return;
    }
    setThread(res.data);
    const latest = res.data.comments.find((c) => c.id === editing?.id);
    if (latest) editVersion.current = latest.version;
    setConflict(null);
    setLatestShown(true);
  }

  function cancel() {
    setEditing(null);
    setConflict(null);
  }

  return { editing, conflict, latestShown, start, save, loadLatest, cancel };
}
