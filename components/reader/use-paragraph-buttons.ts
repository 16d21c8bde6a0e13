'use client';

import { useEffect } from 'react';
import { TEXT_REPLACED_EVENT } from './reader-text-slot';

/**
 * Adds the "start a thread on this paragraph" button to every block of the server-rendered text
 * (after its thread count), and again after a refresh replaces the text. They are added here,
 * not in the page's HTML: they only work with scripts, and a 2,000-block document would carry
 * 2,000 of them (~0.23 MB) for nothing. The island handles their clicks (button[data-paragraph]).
 */
export function useParagraphButtons(articleId: string, enabled: boolean) {
  useEffect(() => {
    const article = document.getElementById(articleId);
    if (!article || !enabled) return;
    const add = () => {
      for (const block of article.querySelectorAll<HTMLElement>('section.block')) {
        const slot = block.querySelector(':scope > .threads');
        if (!slot || slot.querySelector('.para-thread')) continue;
        const n = /\d+/.exec(block.querySelector('.pno')?.getAttribute('aria-label') ?? '')?.[0];
        if (!n) continue;
        slot.append(paragraphButton(n));
      }
    };
    add();
    article.addEventListener(TEXT_REPLACED_EVENT, add);
    return () => {
      article.removeEventListener(TEXT_REPLACED_EVENT, add);
      for (const b of article.querySelectorAll('.para-thread')) b.remove();
    };
  }, [articleId, enabled]);
}

function paragraphButton(n: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'para-thread';
  button.dataset.paragraph = n;
  button.setAttribute('aria-label', `Comment on paragraph ${n}`);
  button.textContent = '+';
  return button;
}
