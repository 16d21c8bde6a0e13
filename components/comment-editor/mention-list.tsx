'use client';

import { useSyncExternalStore } from 'react';
import styles from './comment-editor.module.css';
import type { MentionController } from './mention-suggestion';

export function mentionOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The @-suggestion popup. Focus never leaves the editor: the editor carries aria-controls /
 * aria-activedescendant pointing here, and arrow keys / Enter are handled by the controller.
 */
export function MentionList({
  controller,
  listId,
}: {
  controller: MentionController;
  listId: string;
}) {
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, () => null);
  if (!state || state.items.length === 0) return null;
  const style = state.rect
    ? { position: 'fixed' as const, left: state.rect.left, top: state.rect.bottom + 4 }
    : undefined;
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Mention a member"
      className={styles.mentions}
      style={style}
    >
      {state.items.map((member, i) => (
        <li
          key={member.id}
          id={mentionOptionId(listId, i)}
          role="option"
          aria-selected={i === state.active}
          className={styles.mentionOption}
          // mousedown, not click: keep focus (and the suggestion range) in the editor.
          onMouseDown={(event) => {
            event.preventDefault();
            controller.select(i);
          }}
        >
          {member.name}
        </li>
      ))}
    </ul>
  );
}
