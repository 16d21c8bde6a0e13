/** The reading layout in the conditions users bring: dark theme, zoom, phones, reduced motion. */
import type { BrowserContextOptions, Page } from 'playwright-core';
import {
  baseUrl,
  browserForFile,
  openDemoDocument,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './setup/browser';

const browser = browserForFile();

async function bobOn(options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  return signIn(context, 'bob@example.com');
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

it('the library and the reader have a comfortable measure and keep threads beside the text', async () => {
  const page = await bobOn({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${baseUrl()}/w/demo`);
  await page.getByRole('link', { name: /Standing Committee/ }).waitFor();
  await screenshot(page, 'library');
  await openDemoDocument(page);
  // Characters per line of the longest paragraph: its length over its number of line boxes.
  const perLine = await page.evaluate(() => {
    const texts = [...document.querySelectorAll<HTMLElement>('#reader-text [data-block-text]')];
    const longest = texts.sort((x, y) => y.textContent!.length - x.textContent!.length)[0]!;
    const lineHeight = parseFloat(getComputedStyle(longest).lineHeight);
    const lines = Math.round(longest.getBoundingClientRect().height / lineHeight);
    return longest.textContent!.length / lines;
  });
  expect(perLine).toBeGreaterThanOrEqual(60);
  expect(perLine).toBeLessThanOrEqual(80);
  const [text, panel] = await Promise.all(
    ['#reader-text', 'aside.thread-panel'].map((s) =>
      page.locator(s).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    ),
  );
  expect(panel!.left).toBeGreaterThanOrEqual(text!.right);
  await page.context().close();
});

it('dark theme: the reader, an open thread and the library pass axe, contrast included', async () => {
  const page = await bobOn({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(24, 23, 21)',
  );
  await page.goto(`${baseUrl()}/w/demo`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await openDemoDocument(page);
  await page.locator('#reader-text mark', { hasText: 'continued to improve' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.context().close();
});

it('at 200 % zoom nothing scrolls sideways and the thread panel follows the text', async () => {
  // 200 % zoom of a 1280 px window: a 640 CSS px viewport at device scale 2.
  const page = await bobOn({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  for (const path of ['/w/demo', '/inbox', '/settings']) {
    await page.goto(`${baseUrl()}${path}`);
    expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
  }
  await openDemoDocument(page);
  expect(await horizontalOverflow(page)).toBe(0);
  const [text, panel] = await Promise.all(
    ['#reader-text', 'aside.thread-panel'].map((s) =>
      page.locator(s).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    ),
  );
  expect(panel!.top).toBeGreaterThanOrEqual(text!.bottom);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.context().close();
});

it('on a phone an open thread is a bottom sheet over the text, closed by its button', async () => {
  const page = await bobOn({ viewport: { width: 320, height: 640 }, hasTouch: true });
  await openDemoDocument(page);
  const mark = page.locator('#reader-text mark', { hasText: 'continued to improve' });
  await mark.click();
  const sheet = page.locator('.thread-sheet');
  await sheet.getByRole('button', { name: 'Close', exact: true }).waitFor();
  const box = await sheet.evaluate((el) => ({
    position: getComputedStyle(el).position,
    bottom: Math.round(el.getBoundingClientRect().bottom),
    height: el.getBoundingClientRect().height,
  }));
  expect(box.position).toBe('fixed');
  expect(box.bottom).toBe(640);
  expect(box.height).toBeLessThanOrEqual(640 * 0.7 + 1);
  // The highlight stays on screen above the sheet: opening the thread did not scroll away.
  const markBox = (await mark.boundingBox())!;
  expect(markBox.y).toBeGreaterThanOrEqual(0);
  expect(markBox.y + markBox.height).toBeLessThanOrEqual(640);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
  await sheet.getByRole('button', { name: 'Close', exact: true }).click();
  await sheet.waitFor({ state: 'detached' });
  await page.context().close();
});

it('reduced motion turns transitions off', async () => {
  const durations = async (reducedMotion: 'reduce' | 'no-preference') => {
    const page = await bobOn({ reducedMotion });
    await openDemoDocument(page);
    const d = await page
      .locator('#reader-text .para-thread')
      .first()
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    await page.context().close();
    return d;
  };
  expect(await durations('no-preference')).not.toBe('0s');
  expect(await durations('reduce')).toBe('0s');
});
