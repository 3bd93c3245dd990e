import type { Locator } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { launchWithExtension, extensionServiceWorker } from './browser';
import { startApiServer } from './api-server';
import { pollPopup, savePost, signUp, teamScopeOf } from './pages/team-flows';
import { badgeText, createTeamWithRoles, discussionOf, openTeamCapture, shareAsQuestion, syncUntil } from './pages/discussion-flows';

// Issue 11, end to end with three Chromium profiles against the API server (docs/discussion.md):
// A (owner) shares a post into the team as a "question to discuss"; B (editor) sees the question
// at the top, open; the server goes away, B replies (shown "Not sent yet"), the server comes back
// and the reply reaches A; C (viewer) reacts "Useful" on the capture and on B's reply; A's toolbar
// badge counts B's reply (reactions are not news) and clears once A opens it from What's new; A
// sees who reacted on focus, marks B's reply as the answer, and every profile shows it pinned at
// the top, "Answered"; the team digest of this week credits Ana and Bo and lists the question.

// Three browsers, a server restart and many sync rounds on a slow, busy 2-core machine.
test.setTimeout(480_000);

const QUESTION = 'Has anyone tried pairing this with code review?';
const REPLY = 'Yes: we tried it for two sprints, review time halved.';

test('team discussion: A asks, B replies offline and it arrives, C reacts, A pins the answer everywhere; badge counts and clears; the digest credits A and B', async ({ context, sw, server, extensionId, shot }) => {
  let api = await startApiServer(extensionId);
  const b = await launchWithExtension({ port: server.port, headless: true });
  const c = await launchWithExtension({ port: server.port, headless: true });
  try {
    await extensionServiceWorker(b.context);
    await extensionServiceWorker(c.context);
    const optA = await signUp(context, extensionId, api.url, 'ana@example.org', 'Ana');
    const optB = await signUp(b.context, extensionId, api.url, 'bo@example.org', 'Bo');
    const optC = await signUp(c.context, extensionId, api.url, 'cy@example.org', 'Cy');
    await createTeamWithRoles(optA, 'Cohort A', [{ options: optB, role: 'editor' }, { options: optC, role: 'viewer' }]);
    // Each profile syncs once in the team: its What's new starts here (the history is not news).
    for (const ctx of [context, b.context, c.context]) {
      await pollPopup(ctx, extensionId, async (p) => (await p.getByTestId('popup-whats-new').count()) > 0, "the team's What's new").then((p) => p.close());
    }
    const scope = await teamScopeOf(context, extensionId);
    expect(scope).toMatch(/^team:/);

    // A saves a post of the X demo and shares it as a question to discuss.
    const aPost = await savePost(await firstPage(context), 1);
    await shareAsQuestion(context, extensionId, aPost, 'Cohort A', QUESTION);

    // B: the team capture opens with the question at the top, open, credited to Ana.
    await pollPopup(b.context, extensionId, async (p) => (await p.getByTestId('team-item').filter({ hasText: QUESTION }).count()) > 0, 'the question on B').then((p) => p.close());
    const libB = await openTeamCapture(b.context, extensionId, scope, aPost);
    const onB = discussionOf(libB);
    await expect(onB.question).toContainText(QUESTION);
    await expect(onB.status).toHaveText('Open question');
    await expect(libB.getByTestId('detail-shared-by')).toHaveText('Shared by Ana', { timeout: 15_000 });
    await expect(onB.answer).toHaveCount(0);

    // The server goes away; B replies: the reply shows, not sent yet.
    await api.stop({ keepData: true });
    await onB.write(REPLY);
    await expect(onB.comment(REPLY)).toBeVisible({ timeout: 15_000 });
    await expect(onB.comment(REPLY).getByTestId('comment-pending')).toHaveText('Not sent yet — will send when online');
    await shot(libB, 'discussion-b-offline');
    // Back online (same data, same port): B's reply is sent.
    api = await startApiServer(extensionId, { port: api.port, dir: api.dir });
    await syncUntil(b.context, extensionId, async () => (await onB.comment(REPLY).getByTestId('comment-pending').count()) === 0, "B's reply sent");
    await expect(onB.comment(REPLY)).toContainText('Bo');

    // A: the reply arrives; the badge counts it.
    await syncUntil(context, extensionId, async () => (await badgeText(sw)) === '1', "B's reply counted on A's badge");

    // C (a viewer) sees B's reply and reacts "Useful" to the capture and to the reply.
    await pollPopup(c.context, extensionId, async (p) => (await p.getByTestId('team-item').filter({ hasText: QUESTION }).count()) > 0, 'the question on C').then((p) => p.close());
    const libC = await openTeamCapture(c.context, extensionId, scope, aPost);
    const onC = discussionOf(libC);
    await syncUntil(c.context, extensionId, async () => (await onC.comment(REPLY).count()) === 1, "B's reply on C");
    for (const group of ['Reactions to this capture', "Reactions to Bo's comment"]) {
      const useful = onC.reaction(group, 'useful');
      await useful.click();
      await expect(useful).toHaveAttribute('aria-pressed', 'true');
      await expect(useful.locator('.count')).toHaveText('1');
    }
    await syncUntil(c.context, extensionId, async (p) => (await p.getByTestId('sync-status').getAttribute('data-kind')) === 'synced', "C's reactions sent");

    // A reads What's new: B's reply is the one unread item (reactions are not news); opening it clears the badge.
    const libA = await context.newPage();
    await libA.goto(`chrome-extension://${extensionId}/library.html?view=whats-new`);
    const item = libA.getByTestId('whats-new-item').filter({ hasText: REPLY.slice(0, 20) });
    await expect(item).toContainText('Bo commented on what you shared in Cohort A', { timeout: 15_000 });
    await expect(item).toHaveAttribute('data-unread', 'true');
    await expect(libA.getByTestId('whats-new-count')).toHaveText('1 unread');
    expect(await badgeText(sw)).toBe('1');
    await item.getByTestId('whats-new-open').click();
    await expect.poll(() => badgeText(sw), { message: "A's badge clears once read", timeout: 15_000 }).toBe('');
    const onA = discussionOf(libA);
    await expect(onA.discussion).toBeVisible({ timeout: 15_000 });
    await expect(onA.comment(REPLY)).toBeVisible();

    // C's reactions on A: counted, and who reacted shows on focus.
    await syncUntil(context, extensionId, async () => (await onA.reaction("Reactions to Bo's comment", 'useful').locator('.count').textContent()) === '1', "C's reactions on A");
    for (const group of ['Reactions to this capture', "Reactions to Bo's comment"]) {
      const useful = onA.reaction(group, 'useful');
      await expect(useful.locator('.count')).toHaveText('1');
      await expect(useful).toHaveAttribute('aria-pressed', 'false');
      await useful.focus();
      await expect(libA.getByRole('tooltip').filter({ hasText: 'Reacted:' })).toHaveText('Reacted: Cy');
      await useful.blur();
    }

    // A marks B's reply as the answer: pinned at the top, "Answered".
    await onA.comment(REPLY).getByRole('button', { name: 'Mark answered' }).click();
    await expect(onA.status).toHaveText('Answered');
    await expect(onA.answer).toContainText(REPLY);
    await expect(onA.answer).toContainText('Answered by Bo');
    await expectAbove(onA.question, onA.discussion);
    await onA.question.scrollIntoViewIfNeeded();
    await shot(libA, 'question-answered-a');

    // Every profile shows the pinned answer after sync.
    for (const [ctx, on] of [[b.context, onB], [c.context, onC]] as const) {
      await syncUntil(ctx, extensionId, async () => (await on.status.textContent()) === 'Answered', 'the answer pinned on B and C');
      await expect(on.answer).toContainText(REPLY);
      await expectAbove(on.question, on.discussion);
      await expect(on.reaction('Reactions to this capture', 'useful').locator('.count')).toHaveText('1');
    }
    await onB.question.scrollIntoViewIfNeeded();
    await shot(libB, 'discussion-b');

    // The team digest of this week credits Ana (shared) and Bo (answered) and lists the answered question.
    await libA.goto(`chrome-extension://${extensionId}/library.html?scope=${encodeURIComponent(scope)}`);
    await libA.getByTestId('open-digest').click({ timeout: 15_000 });
    const digest = libA.getByTestId('digest-view');
    await expect(digest.getByRole('heading', { name: 'Cohort A digest', level: 2 })).toBeVisible({ timeout: 30_000 });
    await expect(digest.getByTestId('digest-period-this-week')).toBeChecked();
    const answered = digest.locator('section').filter({ has: libA.getByRole('heading', { name: 'Answered questions', level: 3 }) });
    await expect(answered.getByTestId('digest-item')).toHaveCount(1, { timeout: 30_000 });
    await expect(answered).toContainText(QUESTION);
    await expect(answered).toContainText('Answered by Bo');
    const curated = digest.getByTestId('digest-curated');
    await expect(curated.locator('p')).toContainText(/Curated by .*(Ana.*Bo|Bo.*Ana)/);
    await expect(curated.getByRole('listitem').filter({ hasText: 'Ana:' })).toContainText('1 share');
    await expect(curated.getByRole('listitem').filter({ hasText: 'Bo:' })).toContainText('1 answer');
    await expect(digest.getByTestId('digest-from-device'), 'built by the server, which is reachable').toHaveCount(0);
    await shot(libA, 'digest-a');
    await curated.scrollIntoViewIfNeeded();
    await shot(libA, 'digest-a-curated');
  } finally {
    await c.close();
    await b.close();
    await api.stop();
  }
});

/** `upper` starts above `lower` on the page (the question and its answer sit above the thread). */
async function expectAbove(upper: Locator, lower: Locator): Promise<void> {
  const [u, l] = [await upper.boundingBox(), await lower.boundingBox()];
  expect(u, 'the upper element is laid out').not.toBeNull();
  expect(l, 'the lower element is laid out').not.toBeNull();
  expect(u!.y).toBeLessThan(l!.y);
}
