/** Debian's Chromium driven by playwright-core: never a browser download. */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export const baseUrl = () => process.env.E2E_BASE_URL!;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * One Chromium for the calling test file: launched before its tests, closed after them. Call it
 * at the top level of the file; contexts come from the returned `newContext`.
 */
export function browserForFile(): {
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  return { newContext: (options) => browser!.newContext(options) };
}

export async function signIn(
  context: BrowserContext,
  email: string,
  password = 'closeread-demo',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  return page;
}

const axeSource = readFileSync(
  path.join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8',
);

/** axe-core's serious and critical violations on the current page. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the pages' Content-Security-Policy blocks those.
  await page.evaluate(axeSource);
  const results = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    return axe.run(document);
  })) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * A screenshot for the README, written by every e2e run into docs/screenshots/ (the committed
 * copies are the last run's). Animations are off so the picture does not depend on timing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(process.cwd(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
}

/** Opens the demo document from the library; returns its id. */
export async function openDemoDocument(page: Page): Promise<string> {
  await page.goto(`${baseUrl()}/w/demo`);
  await page
    .getByRole('link', { name: /Standing Committee/ })
    .first()
    .click();
  await page.waitForURL(/\/d\/[a-z0-9]+/);
  // A client navigation: the text comes by token once the page is interactive.
  await page.locator('[data-block-text]').first().waitFor();
  await page.locator('[data-reader-js]').first().waitFor({ state: 'attached' });
  return page.url().split('/d/')[1]!.split(/[?#]/)[0]!;
}

/**
 * Pastes Markdown into the import form (`/w/<slug>/import`) or a document's revise form
 * (`/d/<id>/revise`) at `url` and submits it with the form's button.
 */
export async function submitPastedMarkdown(
  page: Page,
  url: string,
  markdown: string,
  submit: 'Import' | 'Upload new version',
): Promise<void> {
  await page.goto(url.startsWith('http') ? url : `${baseUrl()}${url}`);
  await page.getByLabel('Paste text').check();
  await page.getByRole('textbox', { name: 'Text' }).fill(markdown);
  await page.getByLabel('Format').selectOption('markdown');
  await page.getByRole('button', { name: submit }).click();
}
