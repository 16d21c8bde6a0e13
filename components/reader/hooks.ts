'use client';

import { useEffect, useState } from 'react';
import type { MentionMember } from '@/components/comment-editor/comment-editor';
import { loadMembers } from './reader-store';

export function useMembers(slug: string | undefined): MentionMember[] {
  const [members, setMembers] = useState<MentionMember[]>([]);
  useEffect(() => {
    if (!slug) return;
    let live = true;
    void loadMembers(slug).then((m) => {
      if (live) setMembers(m);
    });
    return () => {
      live = false;
    };
  }, [slug]);
  return members;
}

/**
 * Focuses the comment editor inside `root` once it exists (Tiptap creates it after mount).
 * Returns a cleanup that stops waiting.
 */
export function focusEditorIn(root: HTMLElement | null): () => void {
  let frame = 0;
  let tries = 0;
  const attempt = () => {
    const box = root?.querySelector<HTMLElement>('[contenteditable="true"]');
    if (box) {
      box.focus();
      return;
    }
    if (++tries < 120) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? 'auto' : 'smooth';
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

/** True when a key press belongs to a text field or the editor, not to page shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return !!target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]');
}
