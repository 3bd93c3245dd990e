import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { launchWithExtension, extensionServiceWorker } from './browser';
import { startApiServer } from './api-server';
import { createTeamWith, openPopup, pollPopup, savePost, shareFromLibrary, signUp } from './pages/team-flows';

// Issue 11, What's new and credit, end to end with two profiles against the API server: B is in
// A's team; A shares a capture with a note; B's toolbar badge counts it, the popup lists it, the
// library's What's new view and A's member page pass axe (no serious or critical violations);
// "Mark all read" clears the badge.

test.setTimeout(240_000);

/** axe violations of impact serious or critical, one line each. */
async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The global toolbar badge text of the profile whose service worker is `sw`. */
const badge = (sw: Worker) => sw.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

test("what's new: B's badge and popup count A's share; the What's new view and A's member page pass axe; Mark all read clears the badge", async ({ context, server, extensionId, shot }) => {
  const api = await startApiServer(extensionId);
  const b = await launchWithExtension({ port: server.port, headless: true });
  try {
    const swB = await extensionServiceWorker(b.context);
    const optA = await signUp(context, extensionId, api.url, 'ana@example.org', 'Ana');
    const optB = await signUp(b.context, extensionId, api.url, 'bo@example.org', 'Bo');
    await createTeamWith(optA, optB, 'Cohort A');

    // B syncs once in the team: its history so far is not news (the team's watermark starts here).
    await pollPopup(b.context, extensionId, async (p) => (await p.getByTestId('popup-whats-new').count()) > 0, "B's What's new section").then((p) => p.close());
    expect(await badge(swB)).toBe('');

    // A shares a capture with a note.
    const aPost = await savePost(await firstPage(context), 1);
    await (await openPopup(context, extensionId)).close(); // A learns the team scope
    await pollPopup(context, extensionId, async (p) => (await p.getByTestId('popup-whats-new').count()) > 0, "A's team known").then((p) => p.close());
    await shareFromLibrary(context, extensionId, aPost, 'Cohort A', 'Worth reading before Friday');

    // B: the badge and the popup count it; the feed credits Ana with a link to her page.
    const popB = await pollPopup(b.context, extensionId, async (p) => ((await p.getByTestId('popup-whats-new-count').textContent().catch(() => '')) ?? '').startsWith('1 '), "A's share in B's What's new");
    await expect(popB.getByTestId('whats-new-item').first()).toContainText('Ana shared in Cohort A');
    await expect(popB.getByTestId('team-item-sharer').first()).toHaveText('Ana');
    await expect.poll(() => badge(swB), { timeout: 15_000 }).toBe('1');
    await shot(popB, 'whats-new-popup-b');
    await popB.close();

    // The library's What's new view.
    const lib = await b.context.newPage();
    await lib.goto(`chrome-extension://${extensionId}/library.html?view=whats-new`);
    const item = lib.getByTestId('whats-new-item').first();
    await expect(item).toContainText('Ana shared in Cohort A', { timeout: 15_000 });
    await expect(item).toHaveAttribute('data-unread', 'true');
    expect(await serious(lib)).toEqual([]);
    await shot(lib, 'whats-new-library-b');

    // Ana's member page, from her name.
    await item.getByTestId('whats-new-actor').click();
    await expect(lib.getByRole('heading', { name: 'Ana in Cohort A' })).toBeVisible({ timeout: 15_000 });
    await expect(lib.getByTestId('member-shared-item')).toContainText('Worth reading before Friday');
    expect(await serious(lib)).toEqual([]);
    await shot(lib, 'whats-new-member-page');

    // Mark all read: the view and the badge clear.
    await lib.goto(`chrome-extension://${extensionId}/library.html?view=whats-new`);
    await lib.getByTestId('whats-new-mark-all').click();
    await expect(lib.getByTestId('whats-new-count')).toHaveText('0 unread');
    await expect.poll(() => badge(swB), { timeout: 15_000 }).toBe('');
    await lib.close();
  } finally {
    await b.close();
    await api.stop();
  }
});
