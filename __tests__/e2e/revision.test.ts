import type { Page } from 'playwright-core';
import {
  browserForFile,
  seriousA11yViolations,
  signIn,
  submitPastedMarkdown,
} from './setup/browser';

const browser = browserForFile();

/** Selects `words` in the reading text (inside one text node), as a keyboard user would end. */
async function selectWords(page: Page, words: string) {
  await page.evaluate((w) => {
    for (const el of document.querySelectorAll('[data-block-text]')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`not in the text: ${w}`);
  }, words);
  // The reader shows its toolbar when a key or the pointer is released.
  await page.keyboard.press('Shift');
}

const markdown = (...paragraphs: string[]) => ['# Revision drill', ...paragraphs].join('\n\n');

it('a revised document carries highlights along; a deleted passage becomes an orphan that can be re-attached', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'alice@example.com');
  await submitPastedMarkdown(
    page,
    '/w/demo/import',
    markdown(
      'Apples grow on the old tree by the river.',
      'Bananas and cherries ripen in the warm south.',
      'The closing line stays put.',
    ),
    'Import',
  );
  await page.waitForURL(/\/d\/[^/]+$/);
  await page.locator('section.block').first().waitFor(); // the text may come by token
  const reader = page.url();
  await page.locator('[data-reader-js]').first().waitFor({ state: 'attached' });

  for (const words of ['old tree', 'cherries']) {
    await selectWords(page, words);
    await page.keyboard.press('Alt+KeyH');
    await page.locator('mark', { hasText: words }).waitFor();
  }

  // Revision 2: paragraphs reordered, one inserted, "cherries" deleted.
  await submitPastedMarkdown(
    page,
    `${reader}/revise`,
    markdown(
      'The closing line stays put.',
      'A new opening paragraph arrives first.',
      'Apples grow on the old tree by the river.',
      'Bananas ripen in the warm south.',
    ),
    'Upload new version',
  );
  const report = page.getByRole('status');
  await report.getByText(/Revision 2 is in place/).waitFor();
  expect(await report.textContent()).toMatch(/1 orphaned/);

  await report.getByRole('link', { name: 'Open the new revision' }).click();
  await page.waitForURL(reader);
  await page.locator('[data-reader-js]').first().waitFor({ state: 'attached' });
  // The highlight followed its words into the moved paragraph.
  await page.locator('mark', { hasText: 'old tree' }).waitFor();
  expect(await page.locator('mark', { hasText: 'cherries' }).count()).toBe(0);
  const orphans = page.locator('section.orphans');
  await orphans.getByRole('heading', { name: /Orphaned/ }).waitFor();
  await orphans.locator('blockquote', { hasText: 'cherries' }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Re-attach it to the words it belongs to now.
  await orphans.getByRole('button', { name: 'Re-attach' }).click();
  await page.getByRole('group', { name: 'Re-attach' }).waitFor();
  await selectWords(page, 'warm south');
  // The orphan's own control takes the selection (the selection toolbar offers it too).
  await page
    .getByRole('group', { name: 'Re-attach' })
    .getByText('Selected: “warm south”')
    .waitFor();
  await page
    .getByRole('group', { name: 'Re-attach' })
    .getByRole('button', { name: 'Re-attach here' })
    .click();
  await page.locator('mark', { hasText: 'warm south' }).waitFor();
  await orphans.waitFor({ state: 'detached' });
  await context.close();
});
