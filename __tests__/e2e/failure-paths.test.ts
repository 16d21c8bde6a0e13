import pg from 'pg';
import type { Page } from 'playwright-core';
import {
  baseUrl,
  browserForFile,
  openDemoDocument,
  seriousA11yViolations,
  signIn,
} from './setup/browser';

const browser = browserForFile();

/** Opens the composer on paragraph 3 of the demo document with its paragraph button. */
async function composeOnParagraph3(page: Page) {
  const third = page.locator('section.block').nth(2);
  await third.hover();
  await third.getByRole('button', { name: 'Comment on paragraph 3' }).click();
  const dialog = page.getByRole('dialog', { name: 'Comment on paragraph 3' });
  await dialog.waitFor();
  return dialog;
}

describe('failure paths while writing', () => {
  it('a session that ends mid-compose keeps the draft and asks to sign in again', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    await openDemoDocument(page);
    const reader = page.url();
    const dialog = await composeOnParagraph3(page);
    const editor = dialog.getByRole('textbox', { name: 'Your comment' });
    await editor.click();
    await page.keyboard.type('A point I do not want to lose.');
    // The session ends (expired or signed out elsewhere).
    await context.clearCookies();
    await page.keyboard.press('Control+Enter');
    const alert = dialog.getByRole('alert');
    await alert.getByText('Your session has ended.').waitFor();
    expect(await editor.textContent()).toContain('A point I do not want to lose.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Signing in again comes back to the document; the same composer brings the draft back.
    await alert.getByRole('link', { name: 'Sign in again' }).click();
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await page.getByLabel('Email').fill('bob@example.com');
    await page.getByLabel('Password').fill('closeread-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(reader);
    await page.locator('[data-reader-js]').first().waitFor({ state: 'attached' });
    const again = await composeOnParagraph3(page);
    const restored = again.getByRole('textbox', { name: 'Your comment' });
    await restored.getByText('A point I do not want to lose.').waitFor();
    await restored.click();
    await page.keyboard.press('Control+Enter');
    await page
      .locator('.thread-summary', { hasText: 'A point I do not want to lose.' })
      .first()
      .waitFor();
    await context.close();
  });

  it('a server error shows a clear message and keeps the draft', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    await openDemoDocument(page);
    const dialog = await composeOnParagraph3(page);
    const editor = dialog.getByRole('textbox', { name: 'Your comment' });
    await editor.click();
    await page.keyboard.type('Written while the server fails.');
    await page.route('**/api/v1/documents/*/annotations', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'UNAVAILABLE', message: 'The database is unavailable. Try again.' },
        }),
      }),
    );
    await page.keyboard.press('Control+Enter');
    await dialog.getByRole('alert').getByText('The database is unavailable. Try again.').waitFor();
    expect(await editor.textContent()).toContain('Written while the server fails.');
    // The server is back: the same submit goes through.
    await page.unroute('**/api/v1/documents/*/annotations');
    await editor.click();
    await page.keyboard.press('Control+Enter');
    await page
      .locator('.thread-summary', { hasText: 'Written while the server fails.' })
      .first()
      .waitFor();
    await context.close();
  });

  it('the live stream says when it is down, and catches up when the network is back', async () => {
    const reader = await browser.newContext();
    const writer = await browser.newContext();
    const page = await signIn(reader, 'alice@example.com');
    const other = await signIn(writer, 'bob@example.com');
    await openDemoDocument(page);
    await openDemoDocument(other);
    await reader.setOffline(true);
    await page
      .getByRole('status')
      .getByText(/Reconnecting/)
      .waitFor({ timeout: 15_000 });
    // Bob comments while Alice is offline.
    const dialog = await composeOnParagraph3(other);
    await dialog.getByRole('textbox', { name: 'Your comment' }).click();
    await other.keyboard.type('Posted while Alice was offline.');
    await other.keyboard.press('Control+Enter');
    await other
      .locator('.thread-summary', { hasText: 'Posted while Alice was offline.' })
      .first()
      .waitFor();
    await reader.setOffline(false);
    await page
      .locator('.thread-summary', { hasText: 'Posted while Alice was offline.' })
      .first()
      .waitFor({ timeout: 20_000 });
    await page
      .getByRole('status')
      .getByText(/Reconnecting/)
      .waitFor({ state: 'detached' });
    await reader.close();
    await writer.close();
  });
});

/** The <title> elements of a served HTML page, in order. */
const titlesIn = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

/** Runs `sql` against the database the server under test uses. */
async function onServerDatabase(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('failure paths while reading', () => {
  it('an unknown or private document is a calm 404 page that does not say which', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    const response = await page.goto(`${baseUrl()}/d/no-such-document`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    await page.getByRole('link', { name: 'Your workspaces' }).waitFor();
    expect(await page.title()).toBe('Not found · Closeread');
    // The served HTML, before any script runs, has that one title (it used to carry the
    // layout's "Closeread" first, and which one the tab showed depended on timing).
    expect(titlesIn(await response!.text())).toEqual(['Not found · Closeread']);
    // An address no route matches gets the same page and title.
    const unmatched = await page.goto(`${baseUrl()}/no-such-page`);
    expect(unmatched?.status()).toBe(404);
    expect(titlesIn(await unmatched!.text())).toEqual(['Not found · Closeread']);
    expect(await page.title()).toBe('Not found · Closeread');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('a page the server cannot render says so, hides the cause, and recovers on Try again', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    const id = await openDemoDocument(page);
    // The reader's query fails as it would on a broken database; the layout's queries do not.
    await onServerDatabase('ALTER TABLE "Block" RENAME TO "Block_away"');
    try {
      await page.goto(`${baseUrl()}/d/${id}`);
      const heading = page.getByRole('heading', { name: 'This page could not be shown' });
      await heading.waitFor();
      // Focus moves to the message, and nothing of the server's error reaches the page.
      expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/Block|relation|prisma|stack/i);
      expect(text).toMatch(/Reference for a report: \w+/);
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await onServerDatabase('ALTER TABLE "Block_away" RENAME TO "Block"');
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-block-text]').first().waitFor();
    await page.getByRole('heading', { name: 'This page could not be shown' }).waitFor({
      state: 'detached',
    });
    await context.close();
  });
});
