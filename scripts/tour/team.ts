import { expect, type BrowserContext, type Page } from '@playwright/test';
import { allowSiteAccess } from '../../tests/e2e/api-server';
import { PopupPage } from '../../tests/e2e/pages/popup-page';
import { createTeamWith } from '../../tests/e2e/pages/team-flows';
import { syncUntil } from '../../tests/e2e/pages/discussion-flows';
import { ANNOTATED_TEXT, libraryPage } from './library';
import type { Recorder } from './recorder';

/**
 * Tour steps with the sync server: sign in, the team "L&D Guild 🎓" made on the options page, a
 * second member (Sam, in a second browser profile) who joins with an invite code, a capture shared
 * into the team, its discussion (a comment, a reaction, Sam's reply), What's new and the digest.
 */

export const TEAM = 'L&D Guild 🎓';
const PASSWORD = 'satchel-demo-password';
/** The demo accounts: the learner whose browser the tour shows, and a colleague. */
export const DEMO_ACCOUNT = { email: 'demo@example.org', name: 'Demo learner' };
const COLLEAGUE = { email: 'sam@example.org', name: 'Sam Rivera' };
const SHARE_NOTE = 'A two-minute read that replaces a page of our error-handling guide.';
const COMMENT = 'Who wants to try this in Thursday’s onboarding lab? 🙋';
const REPLY = 'Tried it with my group today: fewer questions about nested try/catch.';

/**
 * Points a profile at the sync server: grants its origin (as on chrome://extensions → Site access)
 * and connects the options page. Returns the options page (signed in or on "Your account").
 */
export async function connectExtension(context: BrowserContext, extensionId: string, url: string): Promise<Page> {
  await allowSiteAccess(context, extensionId, 'http://127.0.0.1/*');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const signedIn = page.getByRole('heading', { name: 'Signed in' });
  await Promise.race([signedIn.waitFor({ timeout: 15_000 }), page.getByLabel('Server address').waitFor({ timeout: 15_000 })]);
  if (await signedIn.isVisible()) return page;
  await page.getByLabel('Server address').fill(url);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor({ timeout: 15_000 });
  return page;
}

/** On a connected options page: signs in to `who`'s account, creating it the first time. */
export async function signInOrCreate(opt: Page, who: { email: string; name: string }): Promise<void> {
  const signedIn = opt.getByRole('heading', { name: 'Signed in' });
  await Promise.race([signedIn.waitFor({ timeout: 15_000 }), opt.getByRole('heading', { name: 'Your account' }).waitFor({ timeout: 15_000 })]);
  if (await signedIn.isVisible()) return;
  await opt.getByLabel('Email').fill(who.email);
  await opt.getByLabel('Password').fill(PASSWORD);
  await opt.getByRole('button', { name: 'Sign in' }).last().click();
  if (await signedIn.waitFor({ timeout: 8_000 }).then(() => true, () => false)) return;
  await opt.getByRole('tab', { name: 'Create account' }).click();
  await opt.getByLabel('Email').fill(who.email);
  await opt.getByLabel('Password').fill(PASSWORD);
  await opt.getByLabel('Name', { exact: true }).fill(who.name);
  await opt.getByRole('button', { name: 'Create account' }).last().click();
  await signedIn.waitFor({ timeout: 15_000 });
}

/** Opens the team's library and the capture whose text has `text`; returns the page with its discussion shown. */
async function openTeamCapture(context: BrowserContext, extensionId: string, text: string): Promise<Page> {
  const lib = await libraryPage(context, extensionId);
  const link = lib.getByTestId('scope-nav').getByRole('link', { name: TEAM });
  await expect(async () => {
    await lib.reload();
    await expect(link).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await link.click();
  await expect(lib.getByRole('heading', { level: 1 })).toHaveText(TEAM, { timeout: 15_000 });
  const row = lib.getByTestId('capture-row').filter({ hasText: text }).first();
  await expect(async () => {
    await expect(row).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await row.click();
  await expect(lib.getByTestId('discussion')).toBeVisible({ timeout: 15_000 });
  return lib;
}

/** Writes a comment in the open discussion and waits until it shows. */
async function comment(lib: Page, text: string): Promise<void> {
  await lib.getByRole('textbox', { name: 'Write a comment' }).fill(text);
  await lib.getByTestId('discussion').getByTestId('composer-send').last().click();
  await expect(lib.getByTestId('comment').filter({ hasText: text })).toBeVisible({ timeout: 15_000 });
}

export interface TeamTourOptions {
  context: BrowserContext;
  extensionId: string;
  apiUrl: string;
  /** Opens a second browser profile with the extension (the colleague); closed by the caller. */
  openColleague: () => Promise<BrowserContext>;
}

export async function teamSteps(rec: Recorder, o: TeamTourOptions): Promise<void> {
  const { context, extensionId } = o;
  let opt: Page | null = null;
  const signedIn = await rec.step('sync: sign in on the local server, the popup shows Synced', async () => {
    opt = await connectExtension(context, extensionId, o.apiUrl);
    await signInOrCreate(opt, DEMO_ACCOUNT);
    await opt.getByRole('heading', { name: 'Devices' }).waitFor({ timeout: 30_000 });
    await expect(opt.getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
    // The first sync has run (the options page asks for one when it opens).
    await expect(async () => {
      await opt!.reload();
      await expect(opt!.getByTestId('sync-status')).toHaveAttribute('data-kind', 'synced', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await rec.shoot(opt, 'options-signed-in', 'Options: signed in to the local Satchel server; devices and teams', { dark: true });
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.page.setViewportSize({ width: 400, height: 640 });
    await popup.open();
    // Synced, with a time: the first sync after signing in has run (the background starts it).
    await popup.page.getByTestId('sync-status').filter({ hasText: 'Last sync' }).and(popup.page.locator('[data-kind="synced"]')).waitFor({ timeout: 30_000 });
    await rec.shoot(popup.page, 'popup-synced', 'The popup after the first sync');
    await popup.page.close();
  });
  if (!signedIn || !opt) return;
  const options: Page = opt;

  let colleague: BrowserContext | null = null;
  const teamMade = await rec.step(`team: create "${TEAM}" and invite a colleague`, async () => {
    colleague = await o.openColleague();
    const colleagueOptions = await connectExtension(colleague, extensionId, o.apiUrl);
    await signInOrCreate(colleagueOptions, COLLEAGUE);
    // The team, an editor invite code, and Sam joining with it (the e2e specs' flow).
    await createTeamWith(options, colleagueOptions, TEAM);
    // Reopened, the team lists Sam among its members.
    const team = options.getByTestId('team').filter({ hasText: TEAM });
    await expect(async () => {
      await options.reload();
      await team.getByRole('button', { name: 'Members and invites' }).click({ timeout: 5_000 });
      await expect(team.getByText(COLLEAGUE.name).first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await team.scrollIntoViewIfNeeded();
    await rec.shoot(options, 'options-team', `Options: the team "${TEAM}" with its members and invites`, { dark: true });
  }, () => rec.shoot(options, 'failed-team', 'FAILED: the team step (options page)'));
  if (!teamMade) return;

  await rec.step('share: the annotated post goes to the team with a note', async () => {
    await syncUntil(context, extensionId, async (p) => (await p.getByTestId('sync-status').getAttribute('data-kind')) === 'synced', 'the team known');
    const lib = await libraryPage(context, extensionId);
    await lib.getByTestId('capture-row').filter({ hasText: ANNOTATED_TEXT }).first().click({ timeout: 15_000 });
    const share = lib.getByTestId('detail-share');
    await expect(async () => {
      if (!(await share.isVisible())) await lib.reload();
      await lib.getByTestId('capture-row').filter({ hasText: ANNOTATED_TEXT }).first().click({ timeout: 5_000 });
      await expect(share).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 }); // the share button shows once the team is known
    await share.click();
    const dialog = lib.getByRole('dialog', { name: 'Share to a team' });
    await expect(dialog).toBeVisible();
    // The team picker: radio cards (issue 12), or a select in older builds.
    const radio = dialog.getByRole('radio', { name: TEAM });
    if ((await radio.count()) > 0) await radio.check();
    else await dialog.getByLabel('Team', { exact: true }).selectOption({ label: TEAM });
    await dialog.getByLabel('Why is this worth reading?').fill(SHARE_NOTE);
    await rec.shoot(lib, 'share-dialog', 'Sharing a saved post into the team, with why it is worth reading', { dark: true });
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await lib.close();
  });

  await rec.step('team library and discussion: a comment and a reaction', async () => {
    const lib = await openTeamCapture(context, extensionId, ANNOTATED_TEXT);
    await rec.shoot(lib, 'team-library', `The team library of "${TEAM}": what members shared, who shared it and why`, { dark: true });
    await comment(lib, COMMENT);
    const useful = lib.getByRole('group', { name: 'Reactions to this capture' }).locator('button[data-reaction="useful"]');
    await useful.click();
    await expect(useful).toHaveAttribute('aria-pressed', 'true');
    await syncUntil(context, extensionId, async () => (await lib.getByTestId('comment-pending').count()) === 0, 'the comment sent');
    await lib.getByTestId('discussion').scrollIntoViewIfNeeded();
    await rec.shoot(lib, 'discussion', 'The discussion on a team capture: a comment and one-tap reactions ("Useful", "Tried it", "Thanks")', { dark: true });
    await lib.close();
  });

  await rec.step("colleague: Sam reads the share and replies", async () => {
    const ctx = colleague!;
    await syncUntil(ctx, extensionId, async (p) => (await p.getByTestId('team-item').filter({ hasText: ANNOTATED_TEXT }).count()) > 0, 'the share on Sam');
    const lib = await openTeamCapture(ctx, extensionId, ANNOTATED_TEXT);
    await expect(lib.getByTestId('comment').filter({ hasText: COMMENT })).toBeVisible({ timeout: 60_000 });
    await comment(lib, REPLY);
    await syncUntil(ctx, extensionId, async () => (await lib.getByTestId('comment').filter({ hasText: REPLY }).getByTestId('comment-pending').count()) === 0, "Sam's reply sent");
    await lib.close();
  });

  await rec.step("What's new: Sam's reply, in the library and the popup", async () => {
    await syncUntil(context, extensionId, async (p) => (await p.getByTestId('popup-whats-new').count()) > 0, "What's new on the learner");
    const lib = await libraryPage(context, extensionId, '?view=whats-new');
    const item = lib.getByTestId('whats-new-item').filter({ hasText: REPLY.slice(0, 20) });
    await expect(async () => {
      await lib.reload();
      await expect(item).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await rec.shoot(lib, 'whats-new', "What's new: shares, replies, mentions and answers in the learner's teams", { dark: true });
    // The popup shows it too (before it is read).
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.page.setViewportSize({ width: 400, height: 640 });
    await popup.open();
    await expect(popup.page.getByTestId('popup-whats-new-count')).toHaveText(/^1 /, { timeout: 15_000 });
    await rec.shoot(popup.page, 'popup-whats-new', "The popup with What's new: Sam's reply, unread", { dark: true });
    await popup.page.close();
    // Opened from What's new: the discussion with Sam's reply.
    await item.getByTestId('whats-new-open').click();
    const reply = lib.getByTestId('comment').filter({ hasText: REPLY });
    await expect(reply).toBeVisible({ timeout: 15_000 });
    await reply.scrollIntoViewIfNeeded();
    await rec.shoot(lib, 'discussion-reply', "Opened from What's new: Sam's reply in the discussion", { dark: true });
    await lib.close();
  });

  await rec.step('digest: the team digest of this week', async () => {
    const lib = await openTeamCapture(context, extensionId, ANNOTATED_TEXT);
    await lib.getByTestId('open-digest').click({ timeout: 15_000 });
    const digest = lib.getByTestId('digest-view');
    await expect(digest).toBeVisible({ timeout: 30_000 });
    await expect(digest.getByTestId('digest-item').first()).toBeVisible({ timeout: 30_000 });
    await rec.shoot(lib, 'digest', `The weekly digest of "${TEAM}": most discussed, questions, and who contributed`, { dark: true });
    await lib.close();
  });
}
