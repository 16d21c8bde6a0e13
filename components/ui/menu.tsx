'use client';

/**
 * The popup of a Radix dropdown menu as Closeread's menus show it (the reaction menu, the
 * reader's export menu): in a portal, under its button, kept on screen. Radix gives it role=menu,
 * arrow keys, type-ahead and Escape with focus back on the button, and names it by the button.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import styles from './menu.module.css';

/** Class names for the items and separators inside a MenuPopup. */
export const menuClasses = { item: styles.item, separator: styles.separator };

export function MenuPopup({ children }: { children: ReactNode }) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        className={styles.menu}
        align="start"
        sideOffset={4}
        collisionPadding={8}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}
