import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './demo-feeds';
import { startApiServer } from './api-server';
import { signUp, openPopup } from './pages/team-flows';

// Issue 12 "A server outage reads as Offline": signed in against the real server, the server stops.
// The options page and the popup say "Can't reach your Satchel server (last synced …)" with Retry,
// the options page keeps the account, this device and the teams (marked as possibly out of date)
// and never shows the sign-in form. The server starts again: Retry → Synced.

const SHOTS = join(REPO_ROOT, 'test-results', 'screens', 'options');

test('a server outage keeps the account view and says the server cannot be reached; Retry after it is back → Synced', async ({ context, extensionId, pageErrors }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  let api = await startApiServer(extensionId);
  try {
    const options = await signUp(context, extensionId, api.url, 'ada@example.org', 'Ada');
    await options.getByLabel('Team name').fill('L&D Guild 🎓');
    await options.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(options.getByTestId('team').filter({ hasText: 'L&D Guild' })).toBeVisible({ timeout: 30_000 });
    await expect(options.getByTestId('sync-status')).toHaveAttribute('data-kind', 'synced', { timeout: 30_000 });

    // The server goes away (same port and data kept, to come back later).
    const { port, dir } = api;
    await api.stop({ keepData: true });

    await options.reload();
    const status = options.getByTestId('sync-status');
    await expect(status).toHaveAttribute('data-kind', 'unreachable', { timeout: 30_000 });
    await expect(status).toContainText("Can't reach your Satchel server (last synced");
    await expect(status).not.toContainText('Offline');
    await expect(status.getByRole('button', { name: 'Retry' })).toBeVisible();
    // The account view is kept, from the last known state, marked.
    await expect(options.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(options.getByTestId('account')).toContainText('ada@example.org');
    await expect(options.getByTestId('devices').getByRole('listitem')).toHaveCount(1);
    await expect(options.getByTestId('team').filter({ hasText: 'L&D Guild' })).toBeVisible();
    await expect(options.getByTestId('profile-stale')).toContainText('it may be out of date');
    await expect(options.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    await expect(options.getByLabel('Password')).toHaveCount(0);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page: options }).analyze();
      expect(axe.violations.map((v) => `${v.impact}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
      await options.screenshot({ path: join(SHOTS, `outage-options-${scheme}.png`), fullPage: true });
    }

    // The popup says the same (its own sync run fails: no answer), not "Offline".
    const popup = await openPopup(context, extensionId);
    const popupStatus = popup.getByTestId('sync-status');
    await expect(popupStatus).toHaveAttribute('data-kind', 'unreachable', { timeout: 30_000 });
    await expect(popupStatus).toContainText("Can't reach your Satchel server");
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(SHOTS, 'outage-popup-dark.png') });
    await popup.close();

    // The server is back: Retry → Synced, the mark goes.
    api = await startApiServer(extensionId, { port, dir });
    await status.getByRole('button', { name: 'Retry' }).click();
    await expect(status).toHaveAttribute('data-kind', 'synced', { timeout: 30_000 });
    await expect(options.getByTestId('profile-stale')).toHaveCount(0);
    await expect(options.getByTestId('account')).toContainText('ada@example.org');
    expect(pageErrors.filter((e) => !/Failed to load resource|net::ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  } finally {
    await api.stop();
  }
});
