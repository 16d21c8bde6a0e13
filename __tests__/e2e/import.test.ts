import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseUrl, browserForFile, signIn, submitPastedMarkdown } from './setup/browser';

const browser = browserForFile();

it('imports pasted Markdown and an uploaded demo file', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'alice@example.com');
  await submitPastedMarkdown(
    page,
    '/w/demo/import',
    '# Seminar notes\n\nThe *first* point, with a [link](https://example.com).\n\n- a list item\n',
    'Import',
  );
  await page.waitForURL(/\/d\//);
  await page.locator('section.block').first().waitFor(); // the text may come by token
  await page.getByRole('heading', { name: 'Seminar notes' }).waitFor();
  expect(await page.locator('section.block em').first().textContent()).toBe('first');

  await page.goto(`${baseUrl()}/w/demo/import`);
  await page
    .getByLabel(/^File/)
    .setInputFiles(path.join(process.cwd(), 'lib/seed/standing-committee-2020-03-18.txt'));
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForURL(/\/d\//);
  await page.locator('section.block').first().waitFor(); // the text may come by token
  expect(await page.locator('section.block').count()).toBeGreaterThanOrEqual(8);
  await context.close();
});

it('nothing in a hostile imported document runs script in the reader', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'closeread-xss-'));
  const file = path.join(dir, 'hostile.html');
  writeFileSync(
    file,
    `<html><head><title>&lt;img src=x onerror=window.__xss=1&gt;</title><script>window.__xss=1</script></head><body>
     <h1 onclick="window.__xss=1">Heading</h1><p>Text <img src=x onerror="window.__xss=1"> and <a href="javascript:window.__xss=1">a link</a>.</p>
     <iframe src="javascript:window.__xss=1"></iframe><p style="background:url(javascript:window.__xss=1)">Styled</p></body></html>`,
  );
  const context = await browser.newContext();
  const page = await signIn(context, 'alice@example.com');
  await page.goto(`${baseUrl()}/w/demo/import`);
  await page.getByLabel(/^File/).setInputFiles(file);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForURL(/\/d\//);
  await page.locator('section.block').first().waitFor();
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  // Hostile text may be shown (escaped); no element may carry script.
  const dangerous = await page.evaluate(() =>
    [...document.querySelectorAll('article.reader *')].flatMap((el) => {
      const found: string[] = [];
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|IMG)$/.test(el.tagName)) found.push(el.tagName);
      for (const attr of [...el.attributes]) {
        if (/^on/i.test(attr.name) || /javascript:/i.test(attr.value))
          found.push(`${el.tagName} ${attr.name}`);
      }
      return found;
    }),
  );
  expect(dangerous).toEqual([]);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
    '<img src=x onerror=window.__xss=1>',
  );
  await context.close();
});
