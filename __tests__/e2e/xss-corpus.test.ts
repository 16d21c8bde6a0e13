/**
 * Known XSS payloads pushed through every text entry point — titles, document text (Markdown,
 * HTML, Word), comments, links, tags, user names, W3C and Hypothesis imports — then rendered
 * where people read them: the reader, the inbox, search results and every export format.
 *
 * Pages run under a nonce-based Content-Security-Policy, so an escaped payload could not run
 * there anyway; the test therefore also scans the DOM for anything that *would* run without the
 * policy (event-handler attributes, javascript: URLs, foreign scripts and frames). The HTML export
 * is opened without any policy, so there the execution check is the real one.
 */
import { Document, Packer, Paragraph } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../unit/export/csv-parse';
import { baseUrl, launch, signIn } from './setup/browser';

const CANARY = 'xsscanary';
/** Each payload tries to set window.__xss (or open a dialog) in its own way. */
const PAYLOADS = [
  `<script>window.__xss='script'</script>${CANARY}`,
  `<img src=x onerror="window.__xss='img'">${CANARY}`,
  `<svg onload="window.__xss='svg'"></svg>${CANARY}`,
  `"><img src=x onerror=window.__xss='attr'>${CANARY}`,
  `'><script>alert('quote')</script>${CANARY}`,
  `javascript:window.__xss='url' ${CANARY}`,
  `<a href="javascript:window.__xss='href'">click ${CANARY}</a>`,
  `<iframe srcdoc="<script>parent.__xss='srcdoc'</script>"></iframe>${CANARY}`,
  `</textarea></title></style><script>window.__xss='close'</script>${CANARY}`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss='mxss'>${CANARY}`,
  `<details open ontoggle="window.__xss='toggle'">${CANARY}</details>`,
  `{{constructor.constructor('window.__xss=1')()}} \${alert(1)} ${CANARY}`,
  // Spreadsheet formulas, for the CSV export.
  `=HYPERLINK("https://example.com","${CANARY}")`,
  `@SUM(1+1) ${CANARY}`,
];
const ALL = PAYLOADS.join('\n');

let browser: Browser;
let alice: Auth;
let bob: Auth;
let hostile: Auth;
let workspaceId: string;
const documents: string[] = [];

type Auth = { authorization: string };
type Body = { format?: string; value?: string };

async function api<T = Record<string, unknown>>(
  auth: Auth,
  path: string,
  init: { method?: string; body?: unknown; form?: FormData } = {},
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? (init.body || init.form ? 'POST' : 'GET'),
    headers: init.form ? auth : { ...auth, 'content-type': 'application/json' },
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

async function tokenFor(email: string): Promise<Auth> {
  // The test reaches the run's database directly only to mint API tokens (there is no
  // token-by-password endpoint); everything else goes through HTTP.
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  const { db } = await import('@/lib/db/client');
  const { createApiToken } = await import('@/lib/auth/api-tokens');
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const { token } = await createApiToken(user.id, { name: 'xss', scope: 'write' });
  return { authorization: `Bearer ${token}` };
}

const commentDoc = (text: string) => ({
  type: 'doc',
  content: text.split('\n').map((line) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: line }],
  })),
});

async function createDocument(body: unknown): Promise<string> {
  const res = await api<{ id: string }>(alice, `/workspaces/${workspaceId}/documents`, { body });
  expect(res.status).toBe(201);
  documents.push(res.json.id);
  return res.json.id;
}

async function blocksOf(id: string) {
  const res = await api<{ blocks: { key: string; text: string }[] }>(alice, `/documents/${id}`);
  return res.json.blocks.filter((b) => b.text.length > 4);
}

/** What would run if the page had no Content-Security-Policy. */
async function dangerousNodes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')].flatMap((el) => {
      const found: string[] = [];
      const tag = el.tagName;
      // Next's own scripts carry the response's nonce; anything else is foreign.
      if (tag === 'SCRIPT' && !(el as HTMLScriptElement).nonce) found.push('foreign <script>');
      if (/^(IFRAME|OBJECT|EMBED|FRAME|BASE)$/.test(tag)) found.push(`<${tag.toLowerCase()}>`);
      for (const attr of [...el.attributes]) {
        if (/^on/i.test(attr.name)) found.push(`${tag} ${attr.name}`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attr.name)) {
          if (
            /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value) ||
            attr.name === 'srcdoc'
          )
            found.push(`${tag} ${attr.name}=${attr.value.slice(0, 40)}`);
        }
      }
      return found;
    }),
  );
}

async function expectInert(page: Page, where: string) {
  await page.waitForTimeout(200);
  const ran = await page.evaluate(() => (window as { __xss?: unknown }).__xss);
  expect({ where, ran }).toEqual({ where, ran: undefined });
  expect({ where, nodes: await dangerousNodes(page) }).toEqual({ where, nodes: [] });
}

beforeAll(async () => {
  browser = await launch();
  alice = await tokenFor('alice@example.com');
  bob = await tokenFor('bob@example.com');
  const workspaces = await api<{ items: { id: string; slug: string }[] }>(alice, '/workspaces');
  workspaceId = workspaces.json.items.find((w) => w.slug === 'demo')!.id;

  // A user whose name is a payload, signed up through the public form's endpoint.
  const email = `hostile-${Date.now()}@example.com`;
  const signup = await fetch(`${baseUrl()}/api/account/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ name: PAYLOADS[1]!.slice(0, 60), email, password: 'a long passphrase' }),
  });
  expect(signup.status).toBeLessThan(300);
  hostile = await tokenFor(email);
  const { db } = await import('@/lib/db/client');
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  await db().membership.create({ data: { workspaceId, userId: user.id, role: 'MEMBER' } });

  // Documents: every import format, with payloads in titles and text.
  const md = await createDocument({
    title: PAYLOADS[0],
    format: 'markdown',
    text: `# ${PAYLOADS[3]}\n\n${PAYLOADS.map((p) => `${p}\n\n[link ${CANARY}](javascript:window.__xss='md')\n\n![img](x" onerror="window.__xss='mdimg')`).join('\n\n')}`,
  });
  await createDocument({ title: PAYLOADS[2], format: 'html', text: `<h1>Hi</h1>${ALL}` });
  await createDocument({ title: PAYLOADS[8], format: 'text', text: PAYLOADS.join('\n\n') });
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: PAYLOADS.map((p) => new Paragraph(p)) }] }),
  );
  const form = new FormData();
  form.set('title', PAYLOADS[4]!);
  form.set(
    'file',
    new Blob([new Uint8Array(docx)], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
    'hostile.docx',
  );
  const uploaded = await api<{ id: string }>(alice, `/workspaces/${workspaceId}/documents`, {
    form,
  });
  expect(uploaded.status).toBe(201);
  documents.push(uploaded.json.id);

  // Threads: payload comments on the Markdown document, replies by bob and the hostile user
  // (which notify alice), a javascript: link that must be refused, payload tags refused.
  const blocks = await blocksOf(md);
  const threads: string[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const block = blocks[i % blocks.length]!;
    const res = await api<{ id: string }>(alice, `/documents/${md}/annotations`, {
      body: {
        blockKey: block.key,
        start: 0,
        end: Math.min(5, block.text.length),
        comment: commentDoc(payload),
        tags: ['xss'],
      },
    });
    expect(res.status).toBe(201);
    threads.push(res.json.id);
  }
  for (const [i, id] of threads.entries()) {
    const by = i % 2 ? bob : hostile;
    const reply = await api(by, `/annotations/${id}/comments`, {
      body: { comment: commentDoc(PAYLOADS[(i + 5) % PAYLOADS.length]!) },
    });
    expect(reply.status).toBe(201);
  }
  const badLink = await api(alice, `/annotations/${threads[0]}/comments`, {
    body: {
      comment: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'link',
                marks: [{ type: 'link', attrs: { href: "javascript:window.__xss='mark'" } }],
              },
            ],
          },
        ],
      },
    },
  });
  expect(badLink.status).toBe(400);
  const badTags = await api(alice, `/annotations/${threads[0]}`, {
    method: 'PATCH',
    body: { tags: ['<script>'] },
  });
  expect(badTags.status).toBe(400);

  // Imports: a W3C collection and a Hypothesis export whose bodies, authors and tags are payloads.
  const quote = blocks[0]!.text.slice(0, 12);
  const w3c = await api(alice, `/documents/${md}/import?format=w3c`, {
    body: {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: PAYLOADS.map((p, i) => ({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: `urn:xss:w3c:${i}`,
          type: 'Annotation',
          motivation: 'commenting',
          creator: { type: 'Person', name: p.slice(0, 80) },
          body: [
            { type: 'TextualBody', format: 'text/html', value: p },
            { type: 'TextualBody', purpose: 'tagging', value: p.slice(0, 30) },
          ],
          target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: quote } },
        })),
      },
    },
  });
  expect(w3c.status).toBe(201);
  const hypothesis = await api(alice, `/documents/${md}/import?format=hypothesis`, {
    body: {
      export_date: new Date().toISOString(),
      export_userid: 'acct:someone@hypothes.is',
      annotations: PAYLOADS.map((p, i) => ({
        id: `hxss${i}`,
        created: new Date().toISOString(),
        updated: new Date().toISOString(),
        user: `acct:user${i}@hypothes.is`,
        user_info: { display_name: p.slice(0, 60) },
        text: p,
        tags: [p.slice(0, 20)],
        uri: 'https://example.com',
        target: [
          {
            source: 'https://example.com',
            selector: [{ type: 'TextQuoteSelector', exact: quote }],
          },
        ],
      })),
    },
  });
  expect(hypothesis.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  const { db } = await import('@/lib/db/client');
  await db().$disconnect();
});

it('nothing runs in the reader, the inbox or search results', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'alice@example.com');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const id of documents) {
    await page.goto(`${baseUrl()}/d/${id}`);
    await page.locator('section.block').first().waitFor();
    await expectInert(page, `reader ${id}`);
  }
  await page.goto(`${baseUrl()}/inbox`);
  await page.getByText(CANARY).first().waitFor();
  await expectInert(page, 'inbox');
  await page.goto(`${baseUrl()}/search?q=${CANARY}`);
  await page.getByText(CANARY).first().waitFor();
  await expectInert(page, 'search');
  expect(dialogs).toEqual([]);
  await context.close();
});

it('no export carries live markup: HTML opened without a policy runs nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const id of documents) {
    const html = await fetch(`${baseUrl()}/api/v1/documents/${id}/export?format=html`, {
      headers: alice,
    });
    expect(html.status).toBe(200);
    await page.setContent(await html.text(), { waitUntil: 'load' });
    await expectInert(page, `html export ${id}`);

    const md = await (
      await fetch(`${baseUrl()}/api/v1/documents/${id}/export?format=md`, { headers: alice })
    ).text();
    // Markdown renderers pass raw HTML through: none may survive unescaped.
    expect(md).not.toMatch(/<\s*(script|img|svg|iframe|details|math|a)\b/i);
    expect(md).not.toMatch(/\]\(\s*javascript:/i);

    const csv = await (
      await fetch(`${baseUrl()}/api/v1/documents/${id}/export?format=csv`, { headers: alice })
    ).text();
    // Spreadsheets run a cell starting with = + - @ (or tab/CR) as a formula.
    const formulas = parseCsv(csv)
      .flat()
      .filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect({ id, formulas }).toEqual({ id, formulas: [] });

    // The W3C export's text/html bodies, put into a page as a client would show them.
    const jsonld = (await (
      await fetch(`${baseUrl()}/api/v1/documents/${id}/export?format=jsonld`, { headers: alice })
    ).json()) as { first?: { items?: { body?: Body | Body[] }[] } };
    const bodies = (jsonld.first?.items ?? [])
      .flatMap((item) => [item.body ?? []].flat())
      .filter((b) => b.format === 'text/html')
      .map((b) => b.value ?? '');
    // The Markdown document (the first) carries the threads and the imports.
    if (id === documents[0]) expect(bodies.length).toBeGreaterThan(20);
    await page.setContent(`<main>${bodies.join('\n')}</main>`, { waitUntil: 'load' });
    await expectInert(page, `jsonld bodies ${id}`);
  }
  expect(dialogs).toEqual([]);
  await context.close();
});
