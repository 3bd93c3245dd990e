/**
 * Flows of the team discussion e2e (tests/e2e/team-discussion.spec.ts, issue 11): a team with
 * members of given roles made on the options pages, sharing a capture as a question to discuss,
 * opening a team capture in the team's library, the discussion's parts, syncing until a probe
 * holds, and the toolbar badge read through the service worker. UI flows only: every write goes
 * through the extension's own pages.
 */
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import { openPopup } from './team-flows';

/** A member to invite: their signed-in options page and the role of their invite. */
export interface Joiner {
  options: Page;
  role: 'editor' | 'viewer';
}

/**
 * On the owner's signed-in options page, creates team `name`, then for each joiner an invite code
 * of their role, which they enter on their own options page ("You joined the team as <role>.").
 */
export async function createTeamWithRoles(owner: Page, name: string, joiners: readonly Joiner[]): Promise<void> {
  await owner.getByLabel('Team name').fill(name);
  await owner.getByRole('button', { name: 'Create', exact: true }).click();
  const team = owner.getByTestId('team').filter({ hasText: name });
  await team.getByRole('button', { name: 'Members and invites' }).click();
  let previous = '';
  for (const j of joiners) {
    await team.getByLabel('Role').selectOption(j.role);
    await team.getByRole('button', { name: 'Create invite code' }).click();
    const field = team.getByTestId('invite-code').getByRole('textbox');
    await expect(field).toHaveValue(/\S/);
    if (previous) await expect(field).not.toHaveValue(previous); // a new code replaces the one shown before
    previous = await field.inputValue();
    await j.options.getByLabel('Invite code', { exact: true }).fill(previous);
    await j.options.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(j.options.getByText(`You joined the team as ${j.role}.`)).toBeVisible({ timeout: 15_000 });
  }
}

/**
 * Library: opens the learner's capture of X post `postId` and shares it into `team` as a question
 * to discuss (the share dialog's checkbox), `question` being the note. Waits for the dialog to close.
 */
export async function shareAsQuestion(context: BrowserContext, extensionId: string, postId: string, team: string, question: string): Promise<void> {
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/library.html`);
  await lib.locator(`[data-capture-key="x:${postId}"]`).first().click({ timeout: 15_000 });
  await expect(lib.getByTestId('detail-share')).toBeVisible({ timeout: 30_000 }); // teams known after a sync
  await lib.getByTestId('detail-share').click();
  const dialog = lib.getByRole('dialog', { name: 'Share to a team' });
  await dialog.getByRole('radio', { name: team }).check(); // the team picker is a group of radio cards (issue 12)
  await dialog.getByLabel('Ask the team: share as a question to discuss').check();
  await dialog.getByLabel('Your question for the team').fill(question);
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog).toBeHidden();
  await lib.close();
}

/**
 * Opens the team library `scopeId` in a new page of `context` and the team copy of X post
 * `postId` in it (waits for the row: a fresh member may still be pulling). Returns the page.
 */
export async function openTeamCapture(context: BrowserContext, extensionId: string, scopeId: string, postId: string, timeout = 60_000): Promise<Page> {
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/library.html?scope=${encodeURIComponent(scopeId)}`);
  const row = lib.locator(`[data-capture-key="x:${postId}"]`).first();
  await expect(row).toBeVisible({ timeout });
  await row.click();
  await expect(lib.getByTestId('discussion')).toBeVisible({ timeout: 15_000 });
  return lib;
}

/** The parts of the open capture's discussion the spec reads (components/discussion/**). */
export function discussionOf(lib: Page) {
  const comments = lib.getByTestId('comment');
  return {
    question: lib.getByTestId('discussion-question'),
    status: lib.getByTestId('question-status'),
    answer: lib.getByTestId('question-answer'),
    discussion: lib.getByTestId('discussion'),
    comments,
    /** the comment whose text contains `text` */
    comment: (text: string): Locator => comments.filter({ hasText: text }),
    /** the reaction button `kind` (useful | tried | thanks) in the group named `group` */
    reaction: (group: string | RegExp, kind: string): Locator => lib.getByRole('group', { name: group }).locator(`button[data-reaction="${kind}"]`),
    /** writes a top-level comment and sends it */
    async write(text: string): Promise<void> {
      await lib.getByRole('textbox', { name: 'Write a comment' }).fill(text);
      await lib.getByTestId('discussion').getByTestId('composer-send').last().click();
    },
  };
}

/**
 * Opens the popup of `context` (each open asks the background for a sync), waits up to 5 s for
 * `probe` (given the popup; it may read any other page), closes the popup, and repeats until `probe` holds or `timeout` ms have passed.
 * Throws "timed out waiting for: <what>".
 */
export async function syncUntil(context: BrowserContext, extensionId: string, probe: (popup: Page) => Promise<boolean>, what: string, timeout = 90_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const popup = await openPopup(context, extensionId);
    const ok = await expect.poll(() => probe(popup).catch(() => false), { timeout: 5_000 }).toBe(true).then(() => true, () => false);
    await popup.close();
    if (ok) return;
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
  }
}

/** The global toolbar badge text of the profile whose extension service worker is `sw`. */
export function badgeText(sw: Worker): Promise<string> {
  return sw.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}
