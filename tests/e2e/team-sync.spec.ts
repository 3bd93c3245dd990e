import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { launchWithExtension, extensionServiceWorker, extensionIdOf } from './browser';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { expectOneControlPerPost } from './pages/flows';
import { allowSiteAccess, startApiServer } from './api-server';

// Issue 4, end to end: two Chromium profiles as two team members against the running API server.
// A saves a post and shares it into the team with a note; B sees it (with A's note) after sync.
// B, while the server cannot be reached, shares a capture of their own; it reaches A once B's
// extension can reach the server again. A removes B from the team: B's copy of the team goes away,
// B's personal captures stay.

test.setTimeout(240_000);

/** Options page: connect to `apiUrl`, then create an account. */
async function signUp(context: BrowserContext, extensionId: string, apiUrl: string, email: string, name: string): Promise<Page> {
  await allowSiteAccess(context, extensionId, 'http://127.0.0.1/*');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Server address').fill(apiUrl);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  return page;
}

/** Saves post `i` of the X demo timeline from the page (click, then close the panel). */
async function savePost(page: Page, i: number): Promise<string> {
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const id = (await feed.demoIdOf(i))!;
  await feed.clickSave(feed.control(i));
  await expect.poll(() => feed.state(feed.control(i))).toBe('saved');
  return id;
}

/** Library: open the capture whose text contains `text`, share it into `team` with `note`. */
async function shareFromLibrary(context: BrowserContext, extensionId: string, postId: string, team: string, note: string, collection?: string): Promise<void> {
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/library.html`);
  const row = lib.locator(`[data-capture-key="x:${postId}"]`).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();
  await expect(lib.getByTestId('detail-share')).toBeVisible({ timeout: 30_000 }); // teams known after a sync
  await lib.getByTestId('detail-share').click();
  const dialog = lib.getByRole('dialog', { name: 'Share to a team' });
  await dialog.getByLabel('Team', { exact: true }).selectOption({ label: team });
  if (collection) await dialog.getByLabel('Team collection').selectOption({ label: collection });
  await dialog.getByLabel('Why is this worth reading?').fill(note);
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog).toBeHidden();
  await lib.close();
}

/** The id of the (only) team scope the profile knows, read from its database. */
async function teamScopeOf(context: BrowserContext, extensionId: string): Promise<string> {
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
async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/popup.html`);
  return p;
}

/** Reopens the popup until `check` passes (each open syncs). */
async function pollPopup(context: BrowserContext, extensionId: string, check: (p: Page) => Promise<boolean>, what: string): Promise<Page> {
  const until = Date.now() + 60_000;
  for (;;) {
    const p = await openPopup(context, extensionId);
    await p.waitForTimeout(1500);
    if (await check(p)) return p;
    await p.close();
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
  }
}

test('team: A shares with a note, B sees it; B shares while the server is down and it arrives later; A removes B, B keeps personal captures', async ({ context, server, extensionId, shot }) => {
  let api = await startApiServer(extensionId);
  const b = await launchWithExtension({ port: server.port, headless: true });
  try {
    const idB = extensionIdOf(await extensionServiceWorker(b.context));
    expect(idB, 'both profiles load the same unpacked extension').toBe(extensionId);

    // Accounts; A makes a team and an editor invite; B joins.
    const optA = await signUp(context, extensionId, api.url, 'ana@example.org', 'Ana');
    const optB = await signUp(b.context, extensionId, api.url, 'bo@example.org', 'Bo');
    await optA.getByLabel('Team name').fill('Cohort A');
    await optA.getByRole('button', { name: 'Create', exact: true }).click();
    const team = optA.getByTestId('team').filter({ hasText: 'Cohort A' });
    await team.getByRole('button', { name: 'Members and invites' }).click();
    await team.getByLabel('Role').selectOption('editor');
    await team.getByRole('button', { name: 'Create invite code' }).click();
    const code = await team.getByTestId('invite-code').getByRole('textbox').inputValue();
    await optB.getByLabel('Invite code', { exact: true }).fill(code);
    await optB.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(optB.getByText('You joined the team as editor.')).toBeVisible();

    // B keeps a personal capture of their own.
    const pageB = await firstPage(b.context);
    const bPersonal = await savePost(pageB, 3);

    // A saves a post and shares it into the team with a note.
    const pageA = await firstPage(context);
    const aPost = await savePost(pageA, 1);
    await (await openPopup(context, extensionId)).close(); // sync now: learns the team scope
    // A opens the team's library (next to their own) and makes a team collection.
    const teamLib = await context.newPage();
    await teamLib.goto(`chrome-extension://${extensionId}/library.html`);
    await teamLib.getByTestId('scope-nav').getByRole('link', { name: 'Cohort A' }).click({ timeout: 30_000 });
    await expect(teamLib.getByRole('heading', { level: 1 })).toHaveText('Cohort A');
    await teamLib.getByTestId('new-collection').fill('Must reads');
    await teamLib.getByTestId('new-collection').press('Enter');
    await expect(teamLib.getByText('Must reads')).toBeVisible();
    await teamLib.close();
    await (await openPopup(context, extensionId)).close();
    await shareFromLibrary(context, extensionId, aPost, 'Cohort A', 'Worth reading before Friday', 'Must reads');

    // B sees it in the popup's "From your teams", with A's note and name.
    const popB = await pollPopup(b.context, extensionId, async (p) => (await p.getByTestId('team-item').count()) > 0, 'the shared capture on B');
    await expect(popB.getByTestId('team-item').first()).toContainText('Worth reading before Friday');
    await expect(popB.getByTestId('team-item').first()).toContainText(/Ana shared in Cohort A|Shared in Cohort A/);
    await shot(popB, 'team-popup-b');
    await popB.close();
    // B's team library: the capture sits in the team collection, with who shared it.
    const libB = await b.context.newPage();
    await libB.goto(`chrome-extension://${extensionId}/library.html?scope=${encodeURIComponent(await teamScopeOf(b.context, extensionId))}`);
    await expect(libB.getByText('Must reads')).toBeVisible({ timeout: 15_000 });
    await libB.locator(`[data-capture-key="x:${aPost}"]`).first().click();
    await expect(libB.getByTestId('detail-shared-by')).toHaveText('Shared by Ana', { timeout: 15_000 });
    await shot(libB, 'team-library-b');
    await libB.close();

    // The server goes away (B cannot reach it); B shares its own capture meanwhile: it waits in B's outbox.
    await api.stop({ keepData: true });
    await shareFromLibrary(b.context, extensionId, bPersonal, 'Cohort A', 'From Bo, offline');
    const offline = await openPopup(b.context, extensionId);
    await expect(offline.getByTestId('sync-status')).toHaveAttribute('data-kind', /offline|pending|error/, { timeout: 30_000 });
    await offline.close();
    // Back online: the same server, same data, same port.
    api = await startApiServer(extensionId, { port: api.port, dir: api.dir });
    await pollPopup(b.context, extensionId, async (p) => (await p.getByTestId('sync-status').getAttribute('data-kind').catch(() => null)) === 'synced', 'B synced again').then((p) => p.close());
    const popA = await pollPopup(context, extensionId, async (p) => (await p.getByTestId('team-item').filter({ hasText: 'From Bo, offline' }).count()) > 0, "B's offline share on A");
    await shot(popA, 'team-popup-a');
    await popA.close();

    // A removes B from the team: B's team copy disappears, B's personal captures stay.
    await optA.reload();
    const teamA = optA.getByTestId('team').filter({ hasText: 'Cohort A' });
    await teamA.getByRole('button', { name: 'Members and invites' }).click();
    const boRow = teamA.getByTestId('member').filter({ hasText: 'Bo' });
    await boRow.getByRole('button', { name: /Remove/ }).click();
    // Removing a member asks first, in place (components/options/InlineConfirm.tsx).
    await boRow.getByRole('group', { name: /^Remove .* from Cohort A\?/ }).getByRole('button', { name: 'Remove' }).click();
    await expect(teamA.getByTestId('member')).toHaveCount(1);
    const after = await pollPopup(b.context, extensionId, async (p) => (await p.getByTestId('team-feed').count()) === 0 && (await p.locator(`[data-capture-key="x:${bPersonal}"]`).count()) > 0, "B's team copy gone, personal kept");
    await shot(after, 'team-popup-b-removed');
    await after.close();
  } finally {
    await b.close();
    await api.stop();
  }
});
