import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, SCREENS_DIR } from './fixtures';
import { startApiServer } from './api-server';
import { signUp } from './pages/team-flows';

// Issue 12, red team findings on the options page (docs/settings.md "Connecting to a server"):
// every refused address focuses the field (marked invalid, tied to the words), ftp:// is named as
// not supported, `localhost:…` is plain http, and a host-permission prompt nobody answers (headless
// Chromium never answers it) ends the wait with words instead of "Checking…" for 46 s. Retry during
// an outage shows that it runs.

const SHOTS = join(SCREENS_DIR, 'fixoptions');

test('server address refusals focus the field; an unanswered permission prompt is said, not an endless Checking…', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const field = page.getByLabel('Server address');
  const alert = page.getByRole('alert');
  const submit = async (text: string) => {
    await field.fill(text);
    await page.getByRole('button', { name: 'Connect' }).click();
  };

  await submit('ftp://example.com');
  await expect(alert).toHaveText('Satchel servers are reached over https:// (ftp:// is not supported).', { timeout: 15_000 });
  await expect(field).toBeFocused();

  // The same words twice in a row: focus still goes from the button back to the field.
  await submit('not a url');
  await expect(alert).toHaveText(/^That is not a web address/, { timeout: 15_000 });
  await expect(field).toBeFocused();
  await submit('http://');
  await expect(alert).toHaveText(/^That is not a web address/, { timeout: 15_000 });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /server-error/);

  // A local server without a scheme: http://localhost:8787. Nothing answers the browser's prompt
  // here, so the button says it waits for it, and after 8 s the page says so.
  await submit('localhost:8787');
  await expect(page.getByRole('button', { name: 'Waiting for you to allow access…' })).toBeVisible({ timeout: 15_000 });
  await expect(alert).toHaveText(
    'The browser did not answer the request to reach http://localhost:8787. If its prompt is open, choose Allow there; otherwise press Connect again.',
    { timeout: 30_000 },
  );
  await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled();
  await expect(field).toBeFocused();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.impact}: ${v.id}`)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `permission-no-answer-${scheme}.png`), fullPage: true });
  }
});

test('Retry during an outage says "Retrying…" while it runs, keeps focus, then shows the result', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const api = await startApiServer(extensionId);
  try {
    const options = await signUp(context, extensionId, api.url, 'ada@example.org', 'Ada');
    const status = options.getByTestId('sync-status');
    await expect(status).toHaveAttribute('data-kind', 'synced', { timeout: 30_000 });
    await api.stop({ keepData: true });
    await options.reload();
    await expect(status).toHaveAttribute('data-kind', 'unreachable', { timeout: 30_000 });

    // Every text the status line's button shows from now on (a refused connection ends the run fast).
    await status.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { seenButtons: string[] }).seenButtons = seen;
      const note = () => el.querySelectorAll('button').forEach((b) => seen.push(`${b.textContent}|${b.getAttribute('aria-disabled') ?? ''}`));
      new MutationObserver(note).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const retry = status.getByRole('button', { name: 'Retry' });
    await retry.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => (window as unknown as { seenButtons: string[] }).seenButtons), { timeout: 30_000 }).toContain('Retrying…|true');
    // The run ended with the server still down: Retry again, focus kept on it, the outage still said.
    await expect(status.getByRole('button', { name: 'Retry' })).not.toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });
    await expect(status.getByRole('button', { name: 'Retry' })).toBeFocused();
    await expect(status).toHaveAttribute('data-kind', 'unreachable');
    await expect(status).toContainText("Can't reach your Satchel server");
  } finally {
    await api.stop();
  }
});
