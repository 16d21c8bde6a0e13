import { readFile } from 'node:fs/promises';
import {
  baseUrl,
  browserForFile,
  openDemoDocument,
  seriousA11yViolations,
  signIn,
} from './setup/browser';

const browser = browserForFile();

it('highlights with the mouse, comments by keyboard with bold text, and a second reader sees it live', async () => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await signIn(alice, 'alice@example.com');
  const b = await signIn(bob, 'bob@example.com');
  const id = await openDemoDocument(a);
  await b.goto(`${baseUrl()}/d/${id}`);
  await b.locator('[data-block-text]').first().waitFor();

  // Mouse: drag across the start of the last paragraph, then Highlight.
  const last = a.locator('[data-block-text]').last();
  const box = (await last.boundingBox())!;
  const marksBefore = await last.locator('mark').count();
  await a.mouse.move(box.x + 2, box.y + box.height / 2);
  await a.mouse.down();
  await a.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await a.mouse.up();
  await a
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Highlight' })
    .click();
  await last.locator('mark').nth(marksBefore).waitFor();

  // Keyboard: select a word, extend it with Shift+Arrow, Alt+C opens the composer.
  const second = a.locator('[data-block-text]').nth(1);
  await second.dblclick({ position: { x: 30, y: 10 } });
  for (let i = 0; i < 8; i++) await a.keyboard.press('Shift+ArrowRight');
  await a.keyboard.press('Alt+KeyC');
  const dialog = a.getByRole('dialog');
  await dialog.waitFor();
  expect(await seriousA11yViolations(a)).toEqual([]);
  const editor = dialog.getByRole('textbox', { name: 'Your comment' });
  await editor.click();
  await a.keyboard.press('Control+KeyB');
  await a.keyboard.type('Bold point');
  await a.keyboard.press('Control+KeyB');
  await a.keyboard.type(' and a plain one.');
  await a.keyboard.press('Control+Enter');
  await a.locator('.comment strong', { hasText: 'Bold point' }).first().waitFor();

  // Bob sees the new thread without reloading.
  await b.getByText('Bold point and a plain one.').first().waitFor({ timeout: 15_000 });

  // Bob replies and resolves; Alice's thread updates.
  await b.getByText('Bold point and a plain one.').first().click();
  await b.getByRole('button', { name: 'Reply to the thread' }).first().click();
  const reply = b.getByRole('textbox', { name: 'Reply to the thread' }).first();
  await reply.waitFor();
  await reply.click();
  await b.keyboard.type('Agreed.');
  await b.keyboard.press('Control+Enter');
  await b.getByText('Agreed.').first().waitFor();
  await b.getByRole('button', { name: 'Resolve' }).first().click();
  await b
    .getByText(/Resolved by Bob/)
    .first()
    .waitFor();
  await alice.close();
  await bob.close();
});

it('exports download in every format, each a file of its kind with the discussion in it', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await signIn(context, 'alice@example.com');
  const id = await openDemoDocument(page);
  await page.goto(`${baseUrl()}/d/${id}/export`);
  const checks: Record<string, (file: Buffer) => void> = {
    'W3C Web Annotation (JSON-LD)': (file) => {
      const collection = JSON.parse(file.toString('utf8'));
      expect(collection.type).toBe('AnnotationCollection');
      expect(collection.total).toBeGreaterThanOrEqual(3);
    },
    'Markdown brief': (file) => {
      expect(file.toString('utf8')).toMatch(/^# .*Standing Committee/);
      expect(file.toString('utf8')).toContain('> continued to improve');
    },
    'CSV spreadsheet': (file) => {
      const [header] = file.toString('utf8').split('\r\n');
      expect(header).toMatch(/^document,revision,paragraph,quote,/);
    },
    'Word document': (file) => {
      // A .docx is a zip archive with the comments part inside.
      expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(file.includes(Buffer.from('word/comments.xml'))).toBe(true);
    },
    'Printable report': (file) => {
      expect(file.toString('utf8')).toMatch(/^<!doctype html>/i);
      expect(file.toString('utf8')).toContain('continued to improve');
    },
  };
  for (const [name, check] of Object.entries(checks)) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name, exact: true }).click(),
    ]);
    expect({ name, failure: await download.failure() }).toEqual({ name, failure: null });
    check(await readFile(await download.path()));
  }
  await context.close();
});
