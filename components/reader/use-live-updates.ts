'use client';

import { useEffect, useState } from 'react';
import { isRecentOwnAction, readerStore } from './reader-store';

/** The document events the reader listens to (server-sent, resumable with Last-Event-ID). */
const LIVE_EVENTS = [
  'annotation.created',
  'annotation.updated',
  'annotation.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'revision.created',
] as const;

/** Whether live updates are flowing; `reconnecting` while the stream (or the network) is down. */
export type LiveState = 'live' | 'reconnecting';

/**
 * Subscribes to the document's event stream: each event refreshes the page's server-rendered
 * parts and is announced (unless it is the reader's own action). The browser reconnects a broken
 * stream by itself and the server replays what was missed (Last-Event-ID); meanwhile the state
 * says so, and on recovery the page is refreshed once more.
 */
export function useLiveUpdates(
  documentId: string,
  refresh: () => void,
  announce: (text: string) => void,
): LiveState {
  const [state, setState] = useState<LiveState>('live');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/documents/${documentId}/events`);
    let down = false;
    const onEvent = (e: MessageEvent<string>) => {
      let data: { annotationId?: string } = {};
      try {
        data = JSON.parse(e.data) as { annotationId?: string };
      } catch {
        // an event without a payload still means "something changed"
      }
      readerStore.bump();
      refresh();
      if (isRecentOwnAction(data.annotationId)) return;
      if (e.type === 'comment.created') announce('New comment in a thread');
      else if (e.type === 'annotation.created') announce('New thread');
      else if (e.type === 'revision.created')
        announce('A new revision of this document was uploaded');
    };
    const onError = () => {
      if (down) return;
      down = true;
      setState('reconnecting');
    };
    const onOpen = () => {
      if (!down) return;
      down = false;
      setState('live');
      announce('Live updates resumed');
      refresh();
    };
    const onOffline = () => onError();
    for (const type of LIVE_EVENTS) source.addEventListener(type, onEvent as EventListener);
    source.addEventListener('error', onError);
    source.addEventListener('open', onOpen);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('offline', onOffline);
      source.close();
    };
  }, [documentId, refresh, announce]);
  return state;
}
