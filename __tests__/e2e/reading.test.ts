import {
  baseUrl,
  browserForFile,
  openDemoDocument,
  seriousA11yViolations,
  signIn,
} from './setup/browser';

const browser = browserForFile();

describe('reading the demo document', () => {
  it('a signed-out reader is sent to sign in and brought back to the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/w/demo`);
    await page.waitForURL(/\/signin\?callbackUrl=%2Fw%2Fdemo/);
    await page.getByLabel('Email').fill('alice@example.com');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an account.').waitFor();
    await page.getByLabel('Password').fill('closeread-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl()}/w/demo`);
    await page.getByRole('heading', { name: 'Demo reading group' }).waitFor();
    await context.close();
  });

  it('shows the library, the reader with numbered paragraphs and server-rendered highlights, without serious a11y violations', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'alice@example.com');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Demo reading group' }).click();
    await page.waitForURL(/\/w\/demo$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Standing Committee/ }).click();
    await page.waitForURL(/\/d\//);
    await page.locator('section.block').first().waitFor(); // the text may come by token
    expect(await page.locator('section.block').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining([
        'continued to improve',
        "the downward pressure on China's economy continues to increase",
      ]),
    );
    const firstKey = await page.locator('section.block').first().getAttribute('id');
    expect(firstKey).toMatch(/^p-[a-z0-9]+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const path of ['/inbox', '/settings', '/w/demo/settings', '/w/demo/import']) {
      await page.goto(`${baseUrl()}${path}`);
      expect({ path, violations: await seriousA11yViolations(page) }).toEqual({
        path,
        violations: [],
      });
    }
    await context.close();
  });

  it('a highlight opens its thread, and the paragraph button opens a composer, by mouse and keyboard', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    await page.goto(`${baseUrl()}/w/demo`);
    await page.getByRole('link', { name: /Standing Committee/ }).click();
    await page.waitForURL(/\/d\//);
    await page.locator('section.block').first().waitFor(); // the text may come by token
    await page.locator('[data-reader-js]').first().waitFor({ state: 'attached' });
    // Highlights name their threads by page-local numbers; the island maps them to threads.
    await page.locator('mark', { hasText: 'continued to improve' }).click();
    await page.getByText('It pairs with "accelerating the restoration"').first().waitFor();
    // The paragraph button of the second paragraph, with the keyboard: it names the block it
    // belongs to through its section, so the new thread must land on that paragraph.
    const second = page.locator('section.block').nth(1);
    const key = (await second.getAttribute('id'))!.slice('p-'.length);
    await second.locator('a.pno').focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      if (label === 'Comment on paragraph 2') break;
    }
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Comment on paragraph 2' });
    await dialog.getByRole('textbox', { name: 'Your comment' }).click();
    await page.keyboard.type('A note on the whole paragraph.');
    await page.keyboard.press('Control+Enter');
    const summary = page.locator('.thread-summary', { hasText: 'A note on the whole paragraph.' });
    await summary.first().waitFor();
    expect(await summary.first().locator('a', { hasText: 'go to text' }).getAttribute('href')).toBe(
      `#p-${key}`,
    );
    await context.close();
  });

  it('the reading text renders without client JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Sign in with JavaScript on, then read with it off.
    const withJs = await browser.newContext();
    await signIn(withJs, 'bob@example.com');
    await context.addCookies(await withJs.cookies());
    await page.goto(`${baseUrl()}/w/demo`);
    await page.getByRole('link', { name: /Standing Committee/ }).click();
    await page.waitForURL(/\/d\//);
    await page.locator('section.block').first().waitFor(); // the text may come by token
    expect(await page.locator('mark').count()).toBeGreaterThanOrEqual(3);
    await context.close();
    await withJs.close();
  });

  it('the pages of a document or workspace name it in their titles; one the reader may not see does not', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    const id = await openDemoDocument(page);
    // The title once scripts have run: the browser is hydrated with metadata of its own, which
    // must agree with the served page's (a 404 used to turn back into the page's title).
    const titleAt = async (path: string) => {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      return page.title();
    };
    expect(await titleAt(`/d/${id}/history`)).toMatch(
      /^What changed — The Standing Committee .* · Closeread$/,
    );
    expect(await titleAt(`/d/${id}/export`)).toMatch(
      /^Export — The Standing Committee .* · Closeread$/,
    );
    expect(await titleAt('/w/demo')).toBe('Demo reading group · Closeread');
    expect(await titleAt('/w/demo/settings')).toBe(
      'Workspace settings — Demo reading group · Closeread',
    );
    for (const unknown of [
      '/d/no-such-document/export',
      `/d/${id}/history?rev=999`,
      '/w/no-such-workspace/settings',
      '/invite/no-such-invitation',
    ]) {
      expect({ unknown, title: await titleAt(unknown) }).toEqual({
        unknown,
        title: 'Not found · Closeread',
      });
    }
    await context.close();
  });

  it('the page carries the reading text once: in its HTML, not again in React’s payload', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'bob@example.com');
    const id = await openDemoDocument(page);
    // The tab (and a screen reader's page announcement) names the document.
    expect(await page.title()).toMatch(/^The Standing Committee .* · Closeread$/);
    const html = await (await page.request.get(`${baseUrl()}/d/${id}`)).text();
    const count = (phrase: string) => html.split(phrase).length - 1;
    expect(count('presided over the meeting and delivered an important speech')).toBe(1);
    expect(count('data-block-text=')).toBeGreaterThanOrEqual(8);
    // A client navigation (from the library) gets the same text by its token.
    await page.goto(`${baseUrl()}/w/demo`);
    await page.getByRole('link', { name: /Standing Committee/ }).click();
    await page.getByText('presided over the meeting and delivered an important speech').waitFor();
    await context.close();
  });

  it('works at 320 px wide', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await signIn(context, 'bob@example.com');
    await page.goto(`${baseUrl()}/w/demo`);
    await page.getByRole('link', { name: /Standing Committee/ }).click();
    await page.waitForURL(/\/d\//);
    await page.locator('section.block').first().waitFor(); // the text may come by token
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await context.close();
  });
});

describe('a published document', () => {
  it('a signed-out reader sees the text and the workspace threads at its link, and cannot annotate', async () => {
    const owner = await browser.newContext();
    const page = await signIn(owner, 'alice@example.com');
    const id = await openDemoDocument(page);
    await page.goto(`${baseUrl()}/d/${id}/share`);
    await page.getByLabel(/threads/i).check();
    await page.getByRole('button', { name: /Publish/ }).click();
    const link = (await page.getByRole('link', { name: /\/p\// }).getAttribute('href'))!;

    const stranger = await browser.newContext();
    const reader = await stranger.newPage();
    await reader.goto(link.startsWith('http') ? link : `${baseUrl()}${link}`);
    await reader.getByText('presided over the meeting and delivered an important speech').waitFor();
    expect(await reader.locator('section.block').count()).toBeGreaterThanOrEqual(8);
    expect(await reader.locator('mark').count()).toBeGreaterThanOrEqual(3);
    await reader.locator('#main').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await reader.getByRole('button', { name: /Comment on paragraph/ }).count()).toBe(0);
    expect(await seriousA11yViolations(reader)).toEqual([]);

    await page.getByRole('button', { name: 'Revoke the link' }).click();
    await page.getByText('The public link is revoked.').waitFor();
    const gone = await reader.goto(link.startsWith('http') ? link : `${baseUrl()}${link}`);
    expect(gone?.status()).toBe(404);
    await owner.close();
    await stranger.close();
  });
});
