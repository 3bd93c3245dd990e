import type { Locator, Page } from '@playwright/test';
import { LINKEDIN_DEMO_ROOTS } from '../demo-feeds';

/**
 * A feed or thread page with Satchel's controls. The content script mounts one
 * `<satchel-save data-post-id="…">` shadow host per post, holding a button named "Save to Satchel";
 * its state is `data-state` (save / saving / saved / failed) on the host or the button.
 */

export type Site = 'x' | 'linkedin' | 'yammer';

/** Post roots as the demo feeds build them (one per post; quoted posts are not roots). */
export const POST_ROOT: Record<Site, string> = {
  x: 'article[data-testid="tweet"]',
  linkedin: `${LINKEDIN_DEMO_ROOTS}, .feed-shared-update-v2[data-urn]:not([data-finite-scroll-hotkey-item] *)`,
  yammer: '[data-testid="overflow-set"]',
};

/** The post's own action row, where the control belongs. */
export const ACTION_ROW: Record<Site, string> = {
  x: 'div[role="group"]',
  linkedin: '.feed-shared-social-action-bar, .feed-shared-social-actions',
  yammer: '[data-testid="overflow-set"]',
};

export const HOST = 'satchel-save';
export const SAVE_BUTTON_NAME = /save to satchel/i;

export interface ControlCensus {
  /** Post roots in the DOM. */
  posts: number;
  /** `satchel-save` hosts anywhere in the document. */
  hosts: number;
  /** Distinct data-post-id values among the hosts. */
  distinctIds: number;
  /** Posts with no control, or more than one. */
  wrongCount: Array<{ index: number; controls: number; id: string | null }>;
  /** Posts whose control names another post (recycled nodes): control id does not contain the demo's id. */
  stale: Array<{ index: number; control: string | null; actual: string | null }>;
  /** Demo's rendered count (window.satchelDemo.rendered()), when the page is a demo feed. */
  rendered: number | null;
}

export class FeedPage {
  constructor(
    readonly page: Page,
    readonly site: Site,
  ) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
  }

  posts(): Locator {
    return this.page.locator(POST_ROOT[this.site]);
  }

  post(i: number): Locator {
    return this.posts().nth(i);
  }

  /** The control host of the i-th post root (yammer: the control of the i-th action row's post). */
  control(i: number): Locator {
    if (this.site === 'yammer') return this.page.locator(HOST).nth(i);
    return this.post(i).locator(HOST);
  }

  controlFor(postIdPart: string): Locator {
    return this.page.locator(`${HOST}[data-post-id*="${postIdPart}"]`);
  }

  /** The control's own button ("Save to Satchel" / "Saved in Satchel"; the panel's buttons are not matched). */
  button(control: Locator): Locator {
    return control.getByRole('button', { name: /satchel/i }).first();
  }

  saveButton(i: number): Locator {
    return this.button(this.control(i));
  }

  /** The control's state: save | saving | saved | failed (button class `is-<state>`, else data-state, else its name). */
  async state(control: Locator): Promise<string> {
    return control.evaluate((host) => {
      const btn = host.shadowRoot?.querySelector('button.satchel-btn') ?? host.shadowRoot?.querySelector('button') ?? host.querySelector('button');
      const m = /\bis-(save|saving|saved|failed)\b/.exec(btn?.getAttribute('class') ?? '');
      if (m) return m[1]!;
      const s = host.getAttribute('data-state') ?? btn?.getAttribute('data-state') ?? btn?.getAttribute('aria-label') ?? '';
      return s.trim().toLowerCase();
    });
  }

  /** Clicks the control's button and closes the save panel if one opened (Escape). */
  async clickSave(control: Locator): Promise<void> {
    await this.button(control).click();
    // The panel opens once the save is stored and its UI has loaded: wait for it and close it, so
    // the next step starts with no panel open (Escape pressed earlier reached nothing).
    const panel = control.locator('[role="dialog"]');
    const opened = await panel.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    if (!opened) return; // a failed save shows no panel: nothing to close
    await this.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', timeout: 5000 });
  }

  /** The id the demo page put into the i-th post (window.satchelDemo.idOf). */
  async demoIdOf(i: number): Promise<string | null> {
    return this.post(i).evaluate((el) => (window as unknown as { satchelDemo?: { idOf(e: Element): string | null } }).satchelDemo?.idOf(el) ?? null);
  }

  /** The i-th post's text as the page shows it (LinkedIn SDUI text box, its "…more" button left out), white space collapsed. */
  async shownText(i: number): Promise<string> {
    return this.post(i).evaluate((root) => {
      const box = root.querySelector('[data-testid="expandable-text-box"]')?.cloneNode(true) as Element | undefined;
      if (!box) return '';
      box.querySelectorAll('[data-testid="expandable-text-button"]').forEach((b) => b.remove());
      box.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
      return (box.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  }

  /** Elements the content script marked for the MAIN-world id probe (`data-satchel-probe`). */
  async probeMarks(): Promise<number> {
    return this.page.locator('[data-satchel-probe]').count();
  }

  /** True when `text` occurs anywhere in the page's markup (`document.documentElement.outerHTML`). */
  async markupContains(text: string): Promise<boolean> {
    return this.page.evaluate((t) => document.documentElement.outerHTML.includes(t), text);
  }

  async rendered(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { satchelDemo: { rendered(): number } }).satchelDemo.rendered());
  }

  /** Scrolls to the bottom (the demo loads the next batch when the reader nears it). */
  async scrollToBottom(): Promise<void> {
    await this.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  }

  /** Counts controls against posts, per post and in total. */
  async census(): Promise<ControlCensus> {
    return this.page.evaluate(
      ([rootSel, host, site]) => {
        const demo = (window as unknown as { satchelDemo?: { idOf(e: Element): string | null; rendered(): number } }).satchelDemo;
        const roots = Array.from(document.querySelectorAll(rootSel));
        const hosts = Array.from(document.querySelectorAll(host));
        const wrongCount: ControlCensus['wrongCount'] = [];
        const stale: ControlCensus['stale'] = [];
        // Viva Engage replies nest inside their parent post, so controls are counted page-wide there.
        if (site !== 'yammer') {
          roots.forEach((root, index) => {
            const own = root.querySelectorAll(host);
            const actual = demo?.idOf(root) ?? null;
            if (own.length !== 1) wrongCount.push({ index, controls: own.length, id: actual });
            const control = own[0]?.getAttribute('data-post-id') ?? null;
            if (actual && own.length === 1 && !(control ?? '').includes(actual)) stale.push({ index, control, actual });
          });
        }
        return {
          posts: roots.length,
          hosts: hosts.length,
          distinctIds: new Set(hosts.map((h) => h.getAttribute('data-post-id'))).size,
          wrongCount,
          stale,
          rendered: demo ? demo.rendered() : null,
        };
      },
      [POST_ROOT[this.site], HOST, this.site] as const,
    );
  }

  /** True when the control sits inside the post's own action row. */
  async controlInActionRow(i: number): Promise<boolean> {
    const row = ACTION_ROW[this.site];
    return this.control(i).evaluate((host, rowSel) => {
      const r = host.closest(rowSel) ?? (host.parentElement?.matches(rowSel) ? host.parentElement : null);
      // yammer: the control may sit right after the overflow-set, in the same row container.
      const sib = host.previousElementSibling?.matches(rowSel) || host.parentElement?.querySelector(`:scope > ${rowSel}`);
      return Boolean(r || sib);
    }, row);
  }
}
