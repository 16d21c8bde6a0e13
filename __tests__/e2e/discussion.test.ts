import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import {
  baseUrl,
  browserForFile,
  openDemoDocument,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './setup/browser';

const browser = browserForFile();

const TAG = 'e2e-claims';
const comment = (scope: Page | Locator, author: string) =>
  scope.getByRole('article', { name: `Comment by ${author}` });

async function noSeriousViolations(page: Page, state: string) {
  expect({ state, violations: await seriousA11yViolations(page) }).toEqual({
    state,
    violations: [],
  });
}

/**
 * Counts the moments from now on when the page has no title (what a screen reader would announce
 * for it): every write and live update refreshes the reader, and a title streamed after the page
 * used to be absent while it loaded.
 */
async function countUntitledMoments(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { untitledMoments: number };
    w.untitledMoments = 0;
    new MutationObserver(() => {
      if (!document.title) w.untitledMoments++;
    }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  });
  return () =>
    page.evaluate(() => (window as unknown as { untitledMoments: number }).untitledMoments);
}

it('a comment with bold, a link and an @mention reaches the member; replies nest; edits keep history; react, resolve, reopen; filters', async () => {
  const alice = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const bob = await browser.newContext();
  const a = await signIn(alice, 'alice@example.com');
  const id = await openDemoDocument(a);
  const untitledMoments = await countUntitledMoments(a);

  // A highlight opens its thread and takes the "open thread" colour while it is open.
  const highlight = a.locator('#reader-text mark', { hasText: 'continued to improve' });
  await highlight.click();
  await a.getByRole('button', { name: 'Close', exact: true }).waitFor();
  expect(await highlight.getAttribute('data-selected')).toBe('');
  await a.getByRole('button', { name: 'Close', exact: true }).click();
  await a.waitForFunction(() => !document.querySelector('#reader-text mark[data-selected]'));

  // Alice starts a thread on paragraph 4 with the keyboard: tag, bold, link, @mention.
  const para = a.locator('section.block').nth(3);
  await para.locator('a.pno').focus();
  await a.keyboard.press('Tab');
  expect(await a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
    /^(Comment on paragraph 4|\d+ threads? on paragraph 4)$/,
  );
  await para.getByRole('button', { name: 'Comment on paragraph 4' }).press('Enter');
  const dialog = a.getByRole('dialog', { name: 'Comment on paragraph 4' });
  await dialog.getByLabel('Tags').fill(TAG);
  await dialog.getByLabel('Tags').press('Enter');
  const editor = dialog.getByRole('textbox', { name: 'Your comment' });
  await editor.click();
  await a.keyboard.press('Control+KeyB');
  await a.keyboard.type('Key claim');
  await a.keyboard.press('Control+KeyB');
  await a.keyboard.type(': see ');
  await dialog.getByRole('button', { name: 'Link' }).click();
  await dialog.getByLabel('Link URL').fill('example.org/brief');
  await dialog.getByLabel('Link URL').press('Enter');
  await a.keyboard.type(' and ask @Bo');
  await a
    .getByRole('listbox', { name: 'Mention a member' })
    .getByRole('option', { name: 'Bob Okafor' })
    .waitFor();
  await noSeriousViolations(a, 'composer with the mention list');
  await a.keyboard.press('Enter');
  await a.keyboard.type(' to check.');
  await a.keyboard.press('Control+Enter');

  const mine = comment(a, 'Alice Moreau').filter({ hasText: 'Key claim' });
  await mine.locator('strong', { hasText: 'Key claim' }).waitFor();
  expect(await mine.locator('a[href="https://example.org/brief"]').count()).toBe(1);
  expect(await mine.textContent()).toContain('@Bob Okafor');

  // Bob finds the mention in his inbox, opens the thread and replies to Alice's comment.
  const b = await signIn(bob, 'bob@example.com');
  await b.goto(`${baseUrl()}/inbox`);
  const note = b.getByRole('listitem').filter({ hasText: 'Key claim' }).first();
  expect(await note.textContent()).toContain('Alice Moreau mentioned you');
  await noSeriousViolations(b, 'inbox');
  await note.getByRole('link', { name: 'Open the thread' }).click();
  await b.waitForURL(/\/d\/[a-z0-9]+#thread-/);
  const hisView = comment(b, 'Alice Moreau').filter({ hasText: 'Key claim' });
  await hisView.getByRole('button', { name: 'Reply', exact: true }).click();
  const reply = b.getByRole('textbox', { name: 'Reply to Alice Moreau' });
  await reply.click();
  await b.keyboard.type('A nested reply.');
  await b.keyboard.press('Control+Enter');
  await comment(b, 'Bob Okafor').filter({ hasText: 'A nested reply.' }).waitFor();

  // Alice sees the reply arrive live, nested under her comment.
  const nested = a
    .locator('li', { has: mine })
    .locator('ol.comment-replies')
    .getByRole('article', { name: 'Comment by Bob Okafor' });
  await nested.filter({ hasText: 'A nested reply.' }).waitFor({ timeout: 15_000 });

  // She reacts to it with the keyboard through the reaction menu.
  const his = nested.filter({ hasText: 'A nested reply.' });
  await his.getByRole('button', { name: 'Add a reaction' }).focus();
  await a.keyboard.press('Enter');
  const menu = a.getByRole('menu', { name: 'Add a reaction' });
  await menu.waitFor();
  await noSeriousViolations(a, 'reaction menu open');
  await a.keyboard.press('ArrowDown');
  await a.keyboard.press('Enter');
  const heart = his.getByRole('button', { name: /^heart: 1 \(Alice Moreau\)$/ });
  await heart.waitFor();
  expect(await heart.getAttribute('aria-pressed')).toBe('true');

  // She edits her comment: the editor starts from its formatting, and the history shows v1.
  await mine.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = a.getByRole('textbox', { name: 'Edit your comment' });
  await edit.locator('strong', { hasText: 'Key claim' }).waitFor();
  await edit.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Revised.');
  await a.keyboard.press('Control+Enter');
  const edited = comment(a, 'Alice Moreau').filter({ hasText: 'Revised.' });
  await edited.getByRole('button', { name: /edited · History/ }).click();
  const versions = edited.getByRole('list', { name: 'Earlier versions' });
  await versions.waitFor();
  expect(await versions.textContent()).toContain('Version 1');
  expect(await edited.locator('.comment-body strong', { hasText: 'Key claim' }).count()).toBe(1);
  expect(await edited.locator('.comment-body a[href="https://example.org/brief"]').count()).toBe(1);
  await noSeriousViolations(a, 'thread open with its history');
  await screenshot(a, 'reader-thread');

  // Resolve and reopen.
  await a.getByRole('button', { name: 'Resolve', exact: true }).click();
  await a.getByText(/Resolved by Alice Moreau/).waitFor();
  await a.getByRole('button', { name: 'Reopen', exact: true }).click();
  await a.getByRole('button', { name: 'Resolve', exact: true }).waitFor();
  expect(await untitledMoments()).toBe(0);

  // Filters: by tag, then by tag and author.
  const filters = a.getByRole('form', { name: 'Filter annotations' });
  await a.goto(`${baseUrl()}/d/${id}`);
  await filters.getByLabel('Tag').selectOption(TAG);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await a.waitForURL(new RegExp(`tag=${TAG}`));
  const summaries = a.locator('.thread-panel .thread-summary');
  await summaries.first().waitFor();
  for (const text of await summaries.allTextContents()) expect(text).toContain(`#${TAG}`);
  expect((await summaries.allTextContents()).some((t) => t.includes('Key claim'))).toBe(true);
  await filters.getByLabel('Author').selectOption({ label: 'Bob Okafor' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await a.waitForURL(/author=/);
  await a.getByText('No annotations match.').waitFor();
  expect(await summaries.count()).toBe(0);
  await filters.getByLabel('Author').selectOption({ label: 'Alice Moreau' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await summaries.filter({ hasText: 'Key claim' }).waitFor();

  // Alice's inbox has Bob's reply.
  await a.goto(`${baseUrl()}/inbox`);
  const replied = a.getByRole('listitem').filter({ hasText: 'A nested reply.' }).first();
  expect(await replied.textContent()).toContain('Bob Okafor replied');
  await alice.close();
  await bob.close();
});

it('the reader’s export menu works by keyboard and downloads the discussion', async () => {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = await signIn(context, 'alice@example.com');
  await openDemoDocument(page);
  const trigger = page.getByRole('button', { name: 'Export' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await menu.waitFor();
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual(
    expect.arrayContaining([
      expect.stringContaining('W3C Web Annotation (JSON-LD)'),
      expect.stringContaining('Markdown brief'),
      expect.stringContaining('CSV spreadsheet'),
      expect.stringContaining('Word document'),
      expect.stringContaining('Printable report'),
    ]),
  );
  await noSeriousViolations(page, 'export menu open');
  await screenshot(page, 'export-menu');
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Export');

  await page.keyboard.press('Enter');
  await menu.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: /Markdown brief/ }).press('Enter'),
  ]);
  const file = await download.path();
  const markdown = await readFile(file, 'utf8');
  expect(markdown).toMatch(/^# /);
  expect(markdown).toContain('continued to improve');
  await context.close();
});
