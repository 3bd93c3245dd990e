/**
 * Team flows shared by the e2e specs with several profiles (team-sync, whats-new, idless-sync): sign
 * up or sign in on the options page, save a demo post, share from the library, read the team scope, open and poll the popup.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { DEMO_URLS } from '../demo-feeds';
import { FeedPage } from './feed-page';
import { expectOneControlPerPost } from './flows';
import { allowSiteAccess } from '../api-server';

/** The password every e2e account is made with ({@link signUp}) and signed in with ({@link signIn}). */
export const E2E_PASSWORD = 'correct horse battery';

/** Options page of a new tab: grants the server's host permission, connects to `apiUrl`, and shows the account forms. */
async function connect(context: BrowserContext, extensionId: string, apiUrl: string): Promise<Page> {
  await allowSiteAccess(context, extensionId, 'http://127.0.0.1/*');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Server address').fill(apiUrl);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  return page;
}

/** Options page: connect to `apiUrl`, then create an account. */
export async function signUp(context: BrowserContext, extensionId: string, apiUrl: string, email: string, name: string): Promise<Page> {
  const page = await connect(context, extensionId, apiUrl);
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  return page;
}

/**
 * Options page of another profile (a second device): connect to `apiUrl`, then sign in to the
 * account {@link signUp} made with `email`. Returns the options page, signed in.
 */
export async function signIn(context: BrowserContext, extensionId: string, apiUrl: string, email: string): Promise<Page> {
  const page = await connect(context, extensionId, apiUrl);
  await page.getByRole('tab', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  return page;
}

/** Saves post `i` of the X demo timeline from the page (click, then close the panel). */
export async function savePost(page: Page, i: number): Promise<string> {
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const id = (await feed.demoIdOf(i))!;
  await feed.clickSave(feed.control(i));
  await expect.poll(() => feed.state(feed.control(i))).toBe('saved');
  return id;
}

/** Library: open the capture whose text contains `text`, share it into `team` with `note`. */
export async function shareFromLibrary(context: BrowserContext, extensionId: string, postId: string, team: string, note: string, collection?: string): Promise<void> {
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/library.html`);
  const row = lib.locator(`[data-capture-key="x:${postId}"]`).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();
  await expect(lib.getByTestId('detail-share')).toBeVisible({ timeout: 30_000 }); // teams known after a sync
  await lib.getByTestId('detail-share').click();
  const dialog = lib.getByRole('dialog', { name: 'Share to a team' });
  await dialog.getByRole('radio', { name: team }).check(); // the team picker is a group of radio cards (issue 12)
  if (collection) await dialog.getByLabel('Team collection').selectOption({ label: collection });
  await dialog.getByLabel('Why is this worth reading?').fill(note);
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog).toBeHidden();
  await lib.close();
}

/** The id of the (only) team scope the profile knows, read from its database. */
export async function teamScopeOf(context: BrowserContext, extensionId: string): Promise<string> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/manifest.json`);
  const id = await p.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('satchel');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('kv', 'readonly').objectStore('kv').get('syncScopes');
          get.onsuccess = () => resolve(((get.result?.value ?? []) as Array<{ id: string }>).find((x) => x.id.startsWith('team:'))?.id ?? '');
          get.onerror = () => reject(get.error);
        };
      }),
  );
  await p.close();
  return id;
}

/** Opens the popup (which asks for a sync) and returns it. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/popup.html`);
  return p;
}

/** Reopens the popup until `check` passes (each open syncs). */
export async function pollPopup(context: BrowserContext, extensionId: string, check: (p: Page) => Promise<boolean>, what: string): Promise<Page> {
  const until = Date.now() + 60_000;
  for (;;) {
    const p = await openPopup(context, extensionId);
    await p.waitForTimeout(1500);
    if (await check(p)) return p;
    await p.close();
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
  }
}

/** On options page `optA`: creates team `name` and an editor invite; options page `optB` joins with it. */
export async function createTeamWith(optA: Page, optB: Page, name: string): Promise<void> {
  await optA.getByLabel('Team name').fill(name);
  await optA.getByRole('button', { name: 'Create', exact: true }).click();
  const team = optA.getByTestId('team').filter({ hasText: name });
  await team.getByRole('button', { name: 'Members and invites' }).click();
  await team.getByLabel('Role').selectOption('editor');
  await team.getByRole('button', { name: 'Create invite code' }).click();
  const code = await team.getByTestId('invite-code').getByRole('textbox').inputValue();
  await optB.getByLabel('Invite code', { exact: true }).fill(code);
  await optB.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(optB.getByText('You joined the team as editor.')).toBeVisible();
}
