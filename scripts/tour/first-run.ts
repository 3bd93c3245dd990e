import type { BrowserContext, Page } from '@playwright/test';
import type { Recorder } from './recorder';

/**
 * The tour's first step: the first-run page the extension opens once when it is installed
 * (entrypoints/welcome, lib/platform/first-run.ts), shot light and dark, then closed.
 */

/** Whether `page` is the extension's welcome page. */
const isWelcome = (page: Page): boolean => /^chrome-extension:\/\/[^/]+\/welcome\.html/.test(page.url());

/** How long the install may take to open its welcome tab on a busy machine. */
const WELCOME_TAB_MS = 30_000;

export async function firstRunStep(rec: Recorder, context: BrowserContext): Promise<void> {
  await rec.step('first run: the welcome page opened on install', async () => {
    const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: WELCOME_TAB_MS }));
    await welcome.setViewportSize({ width: 1280, height: 860 });
    await welcome.getByRole('heading', { level: 1 }).waitFor({ timeout: 15_000 });
    await rec.shoot(welcome, 'welcome', 'First run: what Satchel does on LinkedIn, X and Viva Engage, the shortcut, and sign-in or use it offline', { dark: true });
    await welcome.close();
  });
}
