/** The headers every answer carries, and the nonce-based script policy working in a browser. */
import { baseUrl, browserForFile } from './setup/browser';

const browser = browserForFile();

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

it('pages get a per-request nonce policy with no inline scripts allowed', async () => {
  const [a, b] = await Promise.all([fetch(`${baseUrl()}/signin`), fetch(`${baseUrl()}/signin`)]);
  const policies = [a, b].map((r) => r.headers.get('content-security-policy') ?? '');
  const nonces = policies.map((p) => /'nonce-([^']+)'/.exec(p)?.[1]);
  expect(nonces[0]).toBeTruthy();
  expect(nonces[0]).not.toBe(nonces[1]);
  const csp = directives(policies[0]!);
  expect(csp.get('script-src')).toEqual(expect.arrayContaining(["'strict-dynamic'"]));
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(a.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  // Every script Next rendered into the page carries this response's nonce.
  const html = await a.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[0]}"`);
});

it('API answers may load nothing and be framed by no one', async () => {
  const res = await fetch(`${baseUrl()}/api/health`);
  const csp = directives(res.headers.get('content-security-policy') ?? '');
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});

it('the page hydrates under the policy, and an injected inline handler does not run', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${baseUrl()}/signin`);
  // Hydrated: the client-side form validation answers an empty submit without a page load.
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await page.waitForFunction(() => document.readyState === 'complete');
  expect(violations).toEqual([]);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="data:," onerror="window.__closereadXss = 1" alt="">',
    );
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __closereadXss?: number }).__closereadXss)).toBe(
    undefined,
  );
  expect(violations.join('\n')).toMatch(/inline event handler|script-src/i);
  await context.close();
});

it('the Web Annotation container answers at its slash-terminated IRI, without a redirect', async () => {
  const res = await fetch(`${baseUrl()}/api/annotations/some-document/`, { redirect: 'manual' });
  // Not signed in: the container's own answer (401), not Next's 308 to the slashless URL.
  expect(res.status).toBe(401);
  // Pages are still reachable with a trailing slash.
  const page = await fetch(`${baseUrl()}/signin/`, { redirect: 'manual' });
  expect([200, 307, 308]).toContain(page.status);
});
