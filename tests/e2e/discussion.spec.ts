import type { Page } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { launchWithExtension } from './browser';
import { startApiServer } from './api-server';
import { createTeamWith, openPopup, pollPopup, savePost, shareFromLibrary, signUp, teamScopeOf } from './pages/team-flows';
import { seriousViolations } from './pages/review-flows';

// Issue 11 "axe … keyboard-only e2e through the discussion": a signed-in member opens a team
// capture in the team's library and, with the keyboard only (Tab, Shift+Tab, Enter, Space,
// arrows, Ctrl+Enter), comments with an @mention picked from the autocomplete, replies, reacts
// (who reacted shows on focus), edits and deletes. axe finds no serious or critical violation in
// the discussion. The setup (accounts, team, share) uses the existing flows.

test.setTimeout(240_000);

/** What has the focus: tag, accessible name or text, and the comment it sits in. */
async function focused(page: Page): Promise<{ tag: string; name: string; comment: string; pressed: string | null; describedBy: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const comment = el?.closest('[data-testid="comment"]')?.querySelector('.comment__body')?.textContent ?? '';
    const tip = el?.getAttribute('aria-describedby');
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      comment,
      pressed: el?.getAttribute('aria-pressed') ?? null,
      describedBy: tip ? (document.getElementById(tip)?.hidden ? '' : document.getElementById(tip)?.textContent ?? '') : '',
    };
  });
}

/** Presses `key` (Tab or Shift+Tab) until `want` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, want: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, key = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (want(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`keyboard: never reached ${what} with ${key} (last: ${JSON.stringify(await focused(page))})`);
}

test('discussion by keyboard only: comment with @mention, reply, react, edit, delete; axe clean', async ({ context, server, extensionId, shot }) => {
  const api = await startApiServer(extensionId);
  const b = await launchWithExtension({ port: server.port, headless: true });
  try {
    // Setup: Ana and Bo in a team; Ana shares a post into it.
    const optA = await signUp(context, extensionId, api.url, 'ana@example.org', 'Ana');
    const optB = await signUp(b.context, extensionId, api.url, 'bo@example.org', 'Bo Okafor');
    await createTeamWith(optA, optB, 'Cohort K');
    const post = await savePost(await firstPage(context), 1);
    await (await openPopup(context, extensionId)).close(); // sync: learns the team scope
    await shareFromLibrary(context, extensionId, post, 'Cohort K', 'Async retros: worth a try?');
    // Ana's device knows Bo by name once a sync refreshed the member list.
    await pollPopup(context, extensionId, async () => true, 'a sync').then((p) => p.close());

    const lib = await context.newPage();
    await lib.goto(`chrome-extension://${extensionId}/library.html?scope=${encodeURIComponent(await teamScopeOf(context, extensionId))}`);
    await expect(lib.locator(`[data-capture-key="x:${post}"]`).first()).toBeVisible({ timeout: 30_000 });

    // Keyboard from here on. Into the list, open the capture (Enter): the detail's heading has the focus.
    await tabTo(lib, (f) => f.name === 'Captures', 'the capture list');
    await lib.keyboard.press('Enter');
    const discussion = lib.getByTestId('discussion');
    await expect(discussion).toBeVisible({ timeout: 15_000 });
    await expect(lib.getByTestId('detail-shared-by')).toContainText('Ana');

    // Comment, with Bo picked from the @ autocomplete by arrow key and Enter; Ctrl+Enter sends.
    await tabTo(lib, (f) => f.name === 'Write a comment', 'the comment box');
    await lib.keyboard.type('Tried it on Friday. @b');
    const options = lib.getByRole('listbox', { name: 'Team members to mention' }).getByRole('option');
    await expect(options).toHaveText(['Bo Okafor'], { timeout: 30_000 });
    await lib.keyboard.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await lib.keyboard.press('Enter');
    await lib.keyboard.type('what do you think?');
    await lib.keyboard.press('Control+Enter');
    const first = discussion.getByTestId('comment').filter({ hasText: 'Tried it on Friday.' });
    await expect(first).toBeVisible();
    await expect(first.locator('.mention')).toHaveText('@Bo Okafor');
    await expect(first.getByTestId('comment-pending')).toBeHidden({ timeout: 30_000 }); // the server acknowledged it
    await expect(lib.getByTestId('discussion-count')).toHaveText('1 comment');

    // Reply: back to the comment's Reply (Shift+Tab), Enter opens the reply box with the focus in it.
    await tabTo(lib, (f) => f.name === 'Reply' && f.comment.startsWith('Tried it on Friday.'), 'Reply', 'Shift+Tab');
    await lib.keyboard.press('Enter');
    await expect.poll(async () => (await focused(lib)).name).toBe('Reply to Ana');
    await lib.keyboard.type('Same here: two teams, one board.');
    await lib.keyboard.press('Control+Enter');
    const reply = first.getByTestId('comment').filter({ hasText: 'Same here' });
    await expect(reply).toBeVisible();
    await expect.poll(async () => (await focused(lib)).name).toBe('Reply'); // focus back on the Reply button
    await expect(lib.getByTestId('discussion-count')).toHaveText('2 comments');

    // React: Space on the comment's "Useful"; who reacted shows while it has the focus.
    await tabTo(lib, (f) => f.name.startsWith('Useful') && f.comment.startsWith('Tried it on Friday.'), 'Useful', 'Shift+Tab');
    expect((await focused(lib)).describedBy).toBe('No reactions yet');
    await lib.keyboard.press('Space');
    await expect(first.locator('article').first().getByRole('button', { name: /^Useful/ })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await focused(lib)).describedBy).toBe('Reacted: Ana');
    await lib.keyboard.press('Space');
    await expect(first.locator('article').first().getByRole('button', { name: /^Useful/ })).toHaveAttribute('aria-pressed', 'false');
    await lib.keyboard.press('Space');
    await expect(first.locator('article').first().getByRole('button', { name: /^Useful/ })).toContainText('1');

    // Edit the reply: Enter on Edit, select all, type, Ctrl+Enter; "(edited)" appears.
    await tabTo(lib, (f) => f.name === 'Edit' && f.comment.startsWith('Same here'), 'Edit on the reply');
    await lib.keyboard.press('Enter');
    await expect.poll(async () => (await focused(lib)).name).toBe('Edit your comment');
    await lib.keyboard.press('Control+A');
    await lib.keyboard.type('Same here: two teams, one board, 15 minutes.');
    await lib.keyboard.press('Control+Enter');
    await expect(reply).toContainText('15 minutes.');
    await expect(reply).toContainText('(edited)');
    await expect.poll(async () => (await focused(lib)).name).toBe('Edit'); // focus back on Edit

    await shot(lib, 'discussion-keyboard');
    expect(await seriousViolations(lib, '[data-testid="discussion"]'), 'axe: the discussion').toEqual([]);
    expect(await seriousViolations(lib, '[data-testid="capture-detail"]'), 'axe: the detail with its discussion').toEqual([]);

    // Delete the reply: Enter on Delete asks in place (focus on the confirming button), Enter deletes.
    await tabTo(lib, (f) => f.name === 'Delete' && f.comment.startsWith('Same here'), 'Delete on the reply');
    await lib.keyboard.press('Enter');
    await expect(reply.getByRole('group', { name: 'Delete this comment?' })).toBeVisible();
    await expect.poll(async () => (await focused(lib)).name).toBe('Delete');
    await lib.keyboard.press('Enter');
    await expect(reply).toHaveCount(0);
    await expect(lib.getByTestId('discussion-count')).toHaveText('1 comment');
    await expect.poll(async () => (await focused(lib)).tag).not.toBe('body'); // the focus stays in the page
    await shot(lib, 'discussion-keyboard-after-delete');
  } finally {
    await b.close();
    await api.stop();
  }
});
