'use client';

/**
 * "Add a reaction": a Radix dropdown menu (role=menu, arrow keys, type-ahead, Escape returns
 * focus to the button; Radix names the menu by its button) listing the reactions the comment
 * does not carry yet.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { MenuPopup, menuClasses } from '@/components/ui/menu';
import styles from './reaction-menu.module.css';

export function ReactionMenu({
  available,
  busy,
  onReact,
}: {
  available: { emoji: string; name: string }[];
  busy: boolean;
  onReact: (emoji: string) => void;
}) {
  if (available.length === 0) return null;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="reaction add-reaction" disabled={busy}>
          <span aria-hidden="true">☺+</span>
          <span className="visually-hidden">Add a reaction</span>
        </button>
      </DropdownMenu.Trigger>
      <MenuPopup>
        {available.map((r) => (
          <DropdownMenu.Item
            key={r.emoji}
            className={menuClasses.item}
            textValue={r.name}
            onSelect={() => onReact(r.emoji)}
          >
            <span aria-hidden="true" className={styles.emoji}>
              {r.emoji}
            </span>
            {r.name}
          </DropdownMenu.Item>
        ))}
      </MenuPopup>
    </DropdownMenu.Root>
  );
}
