import { baseUrl, browserForFile } from './setup/browser';

const browser = browserForFile();

it('sign up → create a workspace → invite link → a second user joins', async () => {
  const stamp = Date.now();
  const owner = await browser.newContext();
  const page = await owner.newPage();
  await page.goto(`${baseUrl()}/signup`);
  await page.getByLabel('Name').fill('Olga Owner');
  await page.getByLabel('Email').fill(`olga-${stamp}@example.com`);
  await page.getByLabel(/^Password/).fill('a long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your workspaces' }).waitFor();
  await page.getByLabel('New workspace name').fill(`Desk ${stamp}`);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { name: `Desk ${stamp}` }).waitFor();
  await page.getByRole('link', { name: 'Members and invitations' }).click();
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = (await page.getByTestId('invite-link').textContent())!.trim();
  expect(link).toMatch(/\/invite\/inv_/);

  const guest = await browser.newContext();
  const g = await guest.newPage();
  await g.goto(link);
  await g.waitForURL(/\/signin/);
  await g.getByLabel('Email').fill('bob@example.com');
  await g.getByLabel('Password').fill('closeread-demo');
  await g.getByRole('button', { name: 'Sign in' }).click();
  await g.getByRole('button', { name: 'Join the workspace' }).click();
  // The invite page's heading also contains the name ("Join Desk …"): wait for the library.
  await g.waitForURL(/\/w\/[^/]+$/);
  await g.getByRole('heading', { name: `Desk ${stamp}`, exact: true }).waitFor();

  await page.reload();
  await page.getByText('bob@example.com').waitFor();
  await owner.close();
  await guest.close();
});
