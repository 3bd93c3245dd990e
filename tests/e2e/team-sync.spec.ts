import { test, expect, firstPage } from './fixtures';
import { launchWithExtension, extensionServiceWorker, extensionIdOf } from './browser';
import { startApiServer } from './api-server';
import { createTeamWith, openPopup, pollPopup, savePost, shareFromLibrary, signUp, teamScopeOf } from './pages/team-flows';

// Issue 4, end to end: two Chromium profiles as two team members against the running API server.
// A saves a post and shares it into the team with a note; B sees it (with A's note) after sync.
// B, while the server cannot be reached, shares a capture of their own; it reaches A once B's
// extension can reach the server again. A removes B from the team: B's copy of the team goes away,
// B's personal captures stay.

test.setTimeout(240_000);

test('team: A shares with a note, B sees it; B shares while the server is down and it arrives later; A removes B, B keeps personal captures', async ({ context, server, extensionId, shot }) => {
  let api = await startApiServer(extensionId);
  const b = await launchWithExtension({ port: server.port, headless: true });
  try {
    const idB = extensionIdOf(await extensionServiceWorker(b.context));
    expect(idB, 'both profiles load the same unpacked extension').toBe(extensionId);

    // Accounts; A makes a team and an editor invite; B joins.
    const optA = await signUp(context, extensionId, api.url, 'ana@example.org', 'Ana');
    const optB = await signUp(b.context, extensionId, api.url, 'bo@example.org', 'Bo');
    await createTeamWith(optA, optB, 'Cohort A');

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
    await expect(offline.getByTestId('sync-status')).toHaveAttribute('data-kind', /unreachable|pending|error/, { timeout: 30_000 });
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
