'use client';

/**
 * The reader's "Export" menu: a Radix dropdown (role=menu, arrow keys, type-ahead, Escape
 * returns focus; Radix names it by its button) whose items download each format (the export
 * page describes each one). Until the page is interactive, and without
 * JavaScript, it is a plain link to the export page, which lists the same formats.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { EXPORT_CHOICES, exportUrl } from './export-formats';
import { MenuPopup, menuClasses } from '@/components/ui/menu';
import styles from './export-menu.module.css';

const noSubscription = () => () => {};

export function ExportMenu({ documentId }: { documentId: string }) {
  // false in the server's HTML and while hydrating, true once the page is interactive.
  const interactive = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const page = `/d/${documentId}/export`;
  if (!interactive) return <Link href={page}>Export</Link>;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className={styles.trigger}>
          Export <span aria-hidden="true">▾</span>
        </button>
      </DropdownMenu.Trigger>
      <MenuPopup>
        {EXPORT_CHOICES.map((f) => (
          <DropdownMenu.Item key={f.query} asChild textValue={f.name}>
            <a className={menuClasses.item} href={exportUrl(documentId, f.query)} download>
              {f.name}
            </a>
          </DropdownMenu.Item>
        ))}
        <DropdownMenu.Separator className={menuClasses.separator} />
        <DropdownMenu.Item asChild textValue="About exports">
          <Link className={menuClasses.item} href={page}>
            About exports…
          </Link>
        </DropdownMenu.Item>
      </MenuPopup>
    </DropdownMenu.Root>
  );
}
