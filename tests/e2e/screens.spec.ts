import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { DEMO_URLS, REPO_ROOT } from './demo-feeds';
import { FeedPage, type Site } from './pages/feed-page';
import { LibraryPage } from './pages/library-page';
import { PopupPage } from './pages/popup-page';
import { expectOneControlPerPost } from './pages/flows';
import { signUp, teamScopeOf } from './pages/team-flows';
import { discussionOf, syncUntil } from './pages/discussion-flows';
import { startApiServer } from './api-server';
import { launchWithExtension, type LaunchedBrowser } from './browser';
import { THEME_STORAGE_KEY } from '../../lib/platform/theme';

// Issue 12 "Checks": the gallery. Every screen of the extension, with the built extension and the
// demo feeds, in light and in dark, gets axe with every rule and every impact level (0 violations)
// and a screenshot in test-results/screens/audit/<screen>-<light|dark>.png for a person to look at.
// Dark is asked for twice over: the system's colour scheme (emulateMedia) and the theme choice
// (the localStorage mirror of lib/db/settings.ts themeChoice, lib/platform/theme.ts); light resets
// the choice to "system". Each extension page is also shown at 320×256 CSS px (1280 px at 400 %
// zoom, WCAG 1.4.10) and must not scroll sideways. The screens run in order in one browser context:
// saves made on the sites fill the library; one sign-up on a local sync server gives the team ones,
// and a colleague in a second profile replies in the discussion (the popup's What's new). At 1280×800
// the library must fit the window (its panes scroll, the window does not).

const DIR = join(SCREENS_DIR, 'audit');

/** What a screen step leaves on show: the page, and what axe checks (default: the whole page). */
interface Shown {
  page: Page;
  /** CSS selector of the part to check (the save panel's shadow host on a site). */
  include?: string;
  /** Screenshot of the whole scrolling page (long pages) rather than the viewport. */
  fullPage?: boolean;
  /** CSS selector of what the screen is about, scrolled into view for the 320 px screenshot. */
  subject?: string;
}

/** Where a screen lives: an extension page (entrypoints/<entry>/index.html) or a site with the save panel. */
type Entry = 'welcome' | 'popup' | 'library' | 'options' | 'site';

interface Screen {
  name: string;
  entry: Entry;
  /** Also shown at 320×256 (400 % zoom): no sideways scroll. */
  reflow?: boolean;
  show: (s: Session) => Promise<Shown>;
}

/** The screens, in the order they are shown (later ones build on the state earlier ones made). */
const SCREENS: Screen[] = [
  { name: 'welcome', entry: 'welcome', reflow: true, show: async (s) => ({ page: await s.tab('welcome', 'welcome.html', { width: 1280, height: 900 }), fullPage: true }) },
  { name: 'popup-empty', entry: 'popup', reflow: true, show: (s) => s.popup() },
  { name: 'options-signed-out', entry: 'options', reflow: true, show: async (s) => ({ page: await s.tab('options', 'options.html', { width: 1280, height: 900 }) }) },
  { name: 'options-appearance', entry: 'options', show: (s) => s.scrolledTo(s.pages.options!, s.pages.options!.getByTestId('appearance')) },
  { name: 'save-panel-x', entry: 'site', show: (s) => s.savePanel('x', DEMO_URLS.xHome) },
  { name: 'save-panel-linkedin', entry: 'site', show: (s) => s.savePanel('linkedin', DEMO_URLS.linkedinFeed) },
  { name: 'save-panel-engage', entry: 'site', show: (s) => s.savePanel('yammer', DEMO_URLS.engageThread) },
  { name: 'popup-items', entry: 'popup', reflow: true, show: (s) => s.popup() },
  { name: 'popup-quick-edit', entry: 'popup', show: quickEdit },
  { name: 'library-comfortable', entry: 'library', reflow: true, show: (s) => s.library() },
  { name: 'library-dense', entry: 'library', reflow: true, show: dense },
  { name: 'library-detail', entry: 'library', reflow: true, show: detail },
  { name: 'review', entry: 'library', reflow: true, show: review },
  { name: 'tags-manager', entry: 'library', show: (s) => s.dialog('open-tags', 'tags-manager') },
  { name: 'export-dialog', entry: 'library', show: (s) => s.dialog('open-export', 'export-dialog') },
  { name: 'import-dry-run', entry: 'library', reflow: true, show: importDryRun },
  { name: 'collection-rename', entry: 'library', show: collectionRename },
  { name: 'options-signed-in', entry: 'options', reflow: true, show: signIn },
  { name: 'options-devices', entry: 'options', show: (s) => s.scrolledTo(s.pages.options!, s.pages.options!.getByRole('heading', { name: 'Devices' })) },
  { name: 'options-teams', entry: 'options', reflow: true, show: teamWithInvite },
  { name: 'share-dialog', entry: 'library', reflow: true, show: shareDialog },
  { name: 'team-library', entry: 'library', reflow: true, show: teamLibrary },
  { name: 'discussion', entry: 'library', reflow: true, show: discussion },
  { name: 'member-page', entry: 'library', reflow: true, show: memberPage },
  { name: 'digest', entry: 'library', reflow: true, show: digest },
  { name: 'popup-whats-new', entry: 'popup', show: popupWhatsNew },
  { name: 'whats-new', entry: 'library', reflow: true, show: async (s) => ({ page: await s.libraryAt('?view=whats-new'), subject: '[data-testid="whats-new"]' }) },
  { name: 'popup-signed-in', entry: 'popup', show: (s) => s.popup() },
];

test('every extension page has a row in the screens table', () => {
  // WXT pages: entrypoints/<name>/index.html or entrypoints/<name>.html.
  const entries = readdirSync(join(REPO_ROOT, 'entrypoints'), { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return existsSync(join(REPO_ROOT, 'entrypoints', d.name, 'index.html')) ? [d.name] : [];
    return d.name.endsWith('.html') ? [d.name.slice(0, -'.html'.length)] : [];
  });
  expect(entries.length).toBeGreaterThan(0);
  const covered = new Set<string>(SCREENS.map((s) => s.entry));
  expect(entries.filter((e) => !covered.has(e)), 'extension pages without a screen').toEqual([]);
  const reflowed = new Set<string>(SCREENS.filter((s) => s.reflow).map((s) => s.entry));
  expect(entries.filter((e) => !reflowed.has(e)), 'extension pages without a 320 px reflow screen').toEqual([]);
});

test('gallery: every screen, light and dark, axe with every rule finds nothing, no sideways scroll at 320 px', async ({ context, extensionId, server, pageErrors }) => {
  test.setTimeout(420_000);
  const s = new Session(context, extensionId, server.port);
  try {
    for (const screen of SCREENS) {
      await test.step(screen.name, async () => {
        const shown = await screen.show(s);
        for (const scheme of ['light', 'dark'] as const) {
          await setScheme(shown.page, scheme);
          const violations = await axe(shown.page, shown.include);
          expect.soft(violations, `${screen.name} (${scheme}): axe violations`).toEqual([]);
          await shown.page.screenshot({ path: join(DIR, `${screen.name}-${scheme}.png`), fullPage: shown.fullPage });
        }
        await setScheme(shown.page, 'light');
        if (screen.entry === 'library') {
          // The library fits the window and scrolls inside its panes: nothing hangs below it (the
          // window itself cannot scroll, so that part would be out of reach, or focus would scroll the page away).
          const below = await shown.page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
          expect.soft(below, `${screen.name}: px of the library below the window`).toBeLessThanOrEqual(1);
        }
        if (screen.reflow) await reflow(shown.page, screen.name, shown.subject);
      });
    }
    // The theme choice alone turns a page dark while the system is light (and the reverse).
    const lib = await s.libraryAt('');
    await lib.emulateMedia({ colorScheme: 'light' });
    await chooseTheme(lib, 'dark');
    await expect.poll(() => pageIsDark(lib), { message: 'theme choice dark on a light system' }).toBe(true);
    expect.soft(await axe(lib), 'library: chosen dark on a light system').toEqual([]);
    await lib.screenshot({ path: join(DIR, 'library-choice-dark-on-light-system.png') });
    await lib.emulateMedia({ colorScheme: 'dark' });
    await chooseTheme(lib, 'light');
    await expect.poll(() => pageIsDark(lib), { message: 'theme choice light on a dark system' }).toBe(false);
    await chooseTheme(lib, 'system');
  } finally {
    await s.close();
  }
  expect(pageErrors).toEqual([]);
});

// ---- the session: one browser context, one page per extension page, a sync server when signed in ----

class Session {
  /** The open page of each kind (reused across screens). */
  readonly pages: Partial<Record<'welcome' | 'popup' | 'library' | 'options' | 'site', Page>> = {};
  api: Awaited<ReturnType<typeof startApiServer>> | null = null;
  teamScope = '';
  sharedKey = '';
  inviteCode = '';
  /** A colleague's browser (a second profile), for what only another member's activity shows. */
  colleague: LaunchedBrowser | null = null;

  constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    /** the fixture server's port (the site hosts of a second profile map to it) */
    readonly port: number,
  ) {}

  /** The page of `kind` (opened once), at `path` of the extension, with `viewport`. */
  async tab(kind: 'welcome' | 'popup' | 'library' | 'options', path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = this.pages[kind] ?? (this.pages[kind] = await this.context.newPage());
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${this.extensionId}/${path}`);
    return page;
  }

  /** The popup as a 380×600 tab (the toolbar popup's size), reopened so it shows the current state. */
  async popup(): Promise<Shown> {
    const page = await this.tab('popup', 'popup.html', { width: 380, height: 600 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Loading…')).toHaveCount(0, { timeout: 15_000 });
    return { page };
  }

  /** The library (1280×800) with `query`, its list or page shown. */
  async libraryAt(query: string): Promise<Page> {
    const page = await this.tab('library', `library.html${query}`, { width: 1280, height: 800 });
    await expect(page.locator('main, [role="main"]').first()).toBeVisible({ timeout: 15_000 });
    return page;
  }

  async library(): Promise<Shown> {
    const page = await this.libraryAt('');
    const lib = new LibraryPage(page, this.extensionId);
    await expect(lib.rows().first()).toBeVisible({ timeout: 15_000 });
    return { page, subject: '[data-testid="capture-list"]' };
  }

  /** The library with the dialog opened by the header button `button` (testid) showing `dialog` (testid). */
  async dialog(button: string, dialog: string): Promise<Shown> {
    const page = this.pages.library!;
    await page.keyboard.press('Escape'); // whatever the previous screen left open
    await page.getByTestId(button).click();
    await expect(page.getByTestId(dialog)).toBeVisible();
    return { page, subject: `[data-testid="${dialog}"]` };
  }

  /** `page` scrolled so `part` is at the top of the viewport. */
  async scrolledTo(page: Page, part: ReturnType<Page['getByTestId']>): Promise<Shown> {
    await expect(part).toBeVisible({ timeout: 30_000 });
    await part.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    return { page };
  }

  /** A site's demo page with the first post saved and its save panel open (axe: the control's shadow root). */
  async savePanel(site: Site, url: string): Promise<Shown> {
    const page = this.pages.site ?? (this.pages.site = await firstPage(this.context));
    await page.setViewportSize({ width: 1280, height: 720 });
    const feed = new FeedPage(page, site);
    await feed.goto(url);
    if (site !== 'yammer') await expectOneControlPerPost(feed, `${site}: first batch`);
    const control = feed.control(0);
    await control.scrollIntoViewIfNeeded();
    await feed.button(control).click();
    await expect(control.getByRole('dialog', { name: 'Saved in Satchel' })).toBeVisible({ timeout: 15_000 });
    return { page, include: `satchel-save[data-post-id="${await control.getAttribute('data-post-id')}"]` };
  }

  async close(): Promise<void> {
    await this.colleague?.close();
    await this.api?.stop();
  }
}

// ---- screen steps that need more than one line ----

async function quickEdit(s: Session): Promise<Shown> {
  const { page } = await s.popup();
  const quick = new PopupPage(page, s.extensionId).quickEdit();
  await expect(quick).toBeVisible({ timeout: 15_000 });
  await quick.getByRole('button', { name: 'Tip to try' }).click();
  await expect(quick.getByRole('button', { name: 'Tip to try' })).toHaveAttribute('aria-pressed', 'true');
  await quick.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return { page };
}

async function dense(s: Session): Promise<Shown> {
  const { page } = await s.library();
  await page.getByTestId('density').getByText('Dense').click();
  await expect(page.getByTestId('density').getByRole('radio', { name: 'Dense' })).toBeChecked();
  return { page };
}

async function detail(s: Session): Promise<Shown> {
  const { page } = await s.library();
  await page.getByTestId('density').getByText('Comfortable').click();
  const lib = new LibraryPage(page, s.extensionId);
  await lib.rows().first().click();
  await expect(lib.detail()).toBeVisible();
  await lib.detail().getByTestId('detail-note').fill('Try this in Friday’s retro 🎯');
  await lib.detail().getByTestId('detail-note').blur();
  await lib.addTag('retros');
  await expect(lib.detail()).toContainText('retros');
  return { page, subject: '[data-testid="capture-detail"]' };
}

async function review(s: Session): Promise<Shown> {
  const { page } = await s.library();
  await page.getByTestId('start-review').click();
  await expect(page.getByTestId('review-view')).toBeVisible();
  return { page, subject: '[data-testid="review-view"]' };
}

async function importDryRun(s: Session): Promise<Shown> {
  const shown = await s.dialog('open-import', 'import-dialog');
  const dialog = shown.page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(join(REPO_ROOT, 'tests', 'import-fixtures', 'raindrop.csv'));
  await expect(dialog.getByTestId('import-report')).toBeVisible({ timeout: 15_000 });
  return shown;
}

async function collectionRename(s: Session): Promise<Shown> {
  const { page } = await s.library();
  const lib = new LibraryPage(page, s.extensionId);
  await page.getByTestId('new-collection').fill('Onboarding ideas');
  await page.getByTestId('new-collection').press('Enter');
  await lib.collection('Onboarding ideas').click();
  await page.getByRole('button', { name: 'Rename “Onboarding ideas”' }).click();
  await expect(page.locator('#rename-collection')).toBeFocused();
  // An empty collection says so (not "No captures match … clear the filters").
  await expect(page.getByTestId('collection-empty')).toBeVisible();
  await expect(page.getByTestId('no-results')).toHaveCount(0);
  return { page };
}

async function signIn(s: Session): Promise<Shown> {
  s.api = await startApiServer(s.extensionId);
  const page = await signUp(s.context, s.extensionId, s.api.url, 'learner@example.org', 'Ana Learner');
  await s.pages.options?.close();
  s.pages.options = page;
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByTestId('devices')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
  return { page };
}

async function teamWithInvite(s: Session): Promise<Shown> {
  const page = s.pages.options!;
  await page.getByLabel('Team name').fill('L&D Guild 🎓');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const team = page.getByTestId('team').filter({ hasText: 'L&D Guild 🎓' });
  await team.getByRole('button', { name: 'Members and invites' }).click();
  await team.getByLabel('Role').selectOption('editor');
  await team.getByRole('button', { name: 'Create invite code' }).click();
  await expect(team.getByTestId('invite-code').getByRole('textbox')).toHaveValue(/\S/);
  s.inviteCode = await team.getByTestId('invite-code').getByRole('textbox').inputValue();
  await team.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return { page };
}

async function shareDialog(s: Session): Promise<Shown> {
  // The library knows the team after a sync (each popup open asks for one).
  await syncUntil(s.context, s.extensionId, async (p) => (await p.getByTestId('sync-status').getAttribute('data-kind')) === 'synced', 'the team known');
  const { page } = await s.library();
  const lib = new LibraryPage(page, s.extensionId);
  const row = lib.rows().first();
  s.sharedKey = (await row.getAttribute('data-capture-key'))!;
  await expect(async () => {
    await page.reload();
    await lib.row(s.sharedKey).click({ timeout: 5_000 });
    await expect(page.getByTestId('detail-share')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('detail-share').click();
  const dialog = page.getByRole('dialog', { name: 'Share to a team' });
  await dialog.getByRole('radio', { name: 'L&D Guild 🎓' }).check();
  await dialog.getByLabel('Why is this worth reading?').fill('Two minutes that replace a page of our guide.');
  return { page, subject: '[role="dialog"]' };
}

async function teamLibrary(s: Session): Promise<Shown> {
  const page = s.pages.library!;
  const dialog = page.getByRole('dialog', { name: 'Share to a team' });
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  s.teamScope = await teamScopeOf(s.context, s.extensionId);
  expect(s.teamScope).toMatch(/^team:/);
  const row = page.locator(`[data-capture-key="${s.sharedKey}"]`).first();
  await expect(async () => {
    await s.libraryAt(`?scope=${encodeURIComponent(s.teamScope)}`);
    await expect(row).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  return { page, subject: '[data-testid="capture-list"]' };
}

async function discussion(s: Session): Promise<Shown> {
  const page = s.pages.library!;
  await page.locator(`[data-capture-key="${s.sharedKey}"]`).first().click();
  const d = discussionOf(page);
  await expect(d.discussion).toBeVisible({ timeout: 15_000 });
  await d.write('Who wants to try this in Thursday’s lab? 🙋');
  await expect(d.comment('Thursday’s lab')).toBeVisible({ timeout: 15_000 });
  await d.discussion.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return { page, subject: '[data-testid="discussion"]' };
}

/** A colleague joins with the invite code and replies in the discussion: the learner's popup shows it unread. */
async function popupWhatsNew(s: Session): Promise<Shown> {
  s.colleague = await launchWithExtension({ port: s.port, headless: true });
  const ctx = s.colleague.context;
  const opt = await signUp(ctx, s.extensionId, s.api!.url, 'sam@example.org', 'Sam Rivera');
  await opt.getByLabel('Invite code', { exact: true }).fill(s.inviteCode);
  await opt.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(opt.getByText('You joined the team as editor.')).toBeVisible({ timeout: 15_000 });
  const lib = await ctx.newPage();
  const row = lib.locator(`[data-capture-key="${s.sharedKey}"]`).first();
  await expect(async () => {
    await syncUntil(ctx, s.extensionId, async () => true, 'a sync on the colleague');
    await lib.goto(`chrome-extension://${s.extensionId}/library.html?scope=${encodeURIComponent(s.teamScope)}`);
    await expect(row).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await row.click();
  const d = discussionOf(lib);
  await d.write('Tried it with my group today: fewer questions 🙌');
  await syncUntil(ctx, s.extensionId, async () => (await d.comment('fewer questions').getByTestId('comment-pending').count()) === 0, "the colleague's reply sent");
  await syncUntil(s.context, s.extensionId, async (p) => ((await p.getByTestId('popup-whats-new-count').textContent().catch(() => '')) ?? '').startsWith('1 '), "the reply in the learner's What's new");
  const shown = await s.popup();
  await expect(shown.page.getByTestId('popup-whats-new-count')).toHaveText(/^1 /, { timeout: 15_000 });
  return shown;
}

async function memberPage(s: Session): Promise<Shown> {
  const page = await s.libraryAt(`?scope=${encodeURIComponent(s.teamScope)}`);
  const member = page.getByTestId('scope-nav-members').getByRole('link', { name: 'Ana Learner' });
  await expect(member).toBeVisible({ timeout: 15_000 });
  await member.click();
  await expect(page).toHaveURL(/member=/);
  await expect(page.getByRole('heading', { name: /Ana Learner/ })).toBeVisible({ timeout: 15_000 });
  return { page, subject: '[data-testid="member-page"]' };
}

async function digest(s: Session): Promise<Shown> {
  const page = await s.libraryAt(`?scope=${encodeURIComponent(s.teamScope)}`);
  await page.getByTestId('open-digest').click({ timeout: 15_000 });
  await expect(page.getByTestId('digest-view')).toBeVisible({ timeout: 30_000 });
  return { page, subject: '[data-testid="digest-view"]' };
}

// ---- checks ----

/** Every axe violation on `page` (or inside `include`): all rules, every impact level. */
async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const r = await builder.analyze();
  expect(r.passes.length, 'axe checked something (the include matched)').toBeGreaterThan(0);
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Light: a light system, theme choice "system". Dark: a dark system and theme choice "dark". */
async function setScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  if (page.url().startsWith('chrome-extension://')) await chooseTheme(page, scheme === 'dark' ? 'dark' : 'system');
}

/** The theme choice as the options page leaves it: mirrored in localStorage, applied to `<html data-theme>`. */
async function chooseTheme(page: Page, choice: 'system' | 'light' | 'dark'): Promise<void> {
  await page.evaluate(
    ([key, value]) => {
      localStorage.setItem(key, value);
      if (value === 'system') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = value;
    },
    [THEME_STORAGE_KEY, choice] as const,
  );
}

/** Whether the page's body background is dark (relative luminance under 0.2). */
function pageIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const bg = getComputedStyle(document.body).backgroundColor;
    const [r, g, b] = (bg.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.2;
  });
}

/**
 * 320×256 CSS px (1280×1024 at 400 %): no sideways scroll; `subject` scrolled into view; screenshot
 * `<name>-320.png`; viewport restored.
 */
async function reflow(page: Page, name: string, subject?: string): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 256 });
  if (subject) await page.locator(subject).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const sideways = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); // laid out at the new width
    return document.documentElement.scrollWidth - document.documentElement.clientWidth;
  });
  expect.soft(sideways, `${name} at 320 px: sideways scroll (px)`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(DIR, `${name}-320.png`) });
  await page.setViewportSize(before);
}
