import type { Locator, Page } from '@playwright/test';

/** The library page: chrome-extension://<id>/library.html (entrypoints/library). */
export class LibraryPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/library.html`);
    await this.list().waitFor();
  }

  /** The windowed listbox of captures. */
  list(): Locator {
    return this.page.getByTestId('capture-list');
  }

  rows(): Locator {
    return this.page.locator('[data-testid="capture-row"]');
  }

  /** A row by capture key `<platform>:<postId>`. */
  row(key: string): Locator {
    return this.page.locator(`[data-testid="capture-row"][data-capture-key="${key}"]`);
  }

  /** Number of captures the list holds (not only the rendered rows). */
  async count(): Promise<number> {
    return Number(await this.list().getAttribute('data-count'));
  }

  search(): Locator {
    return this.page.getByTestId('search');
  }

  detail(): Locator {
    return this.page.getByTestId('capture-detail');
  }

  /** A filter checkbox, by facet name and visible label. */
  filter(facet: string, label: string | RegExp): Locator {
    return this.page.locator(`[data-facet="${facet}"]`).getByRole('checkbox', { name: label });
  }

  collection(name: string): Locator {
    return this.page.locator(`[data-testid="collection-item"][data-collection="${name}"]`);
  }

  /** Adds a tag through the detail's tag editor. */
  async addTag(tag: string): Promise<void> {
    const input = this.detail().getByTestId('tag-input');
    await input.fill(tag);
    await input.press('Enter');
  }

  toast(): Locator {
    return this.page.getByTestId('toast');
  }

  /**
   * Saves `n` made-up X posts through the service worker (`capture/save`, as the content scripts
   * do), numbered from `from`: author "Author <i>", text "Post <i> …". Faster than saving from a feed
   * when a test needs captures but not the capture path. Returns their keys, oldest first.
   */
  async seed(n: number, from = 1): Promise<string[]> {
    const drafts = Array.from({ length: n }, (_, k) => seedDraft(from + k));
    await this.page.evaluate(async (list) => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean; error?: string }> } } }).chrome.runtime;
      for (const draft of list) {
        const r = await rt.sendMessage({ type: 'capture/save', draft });
        if (!r || r.ok === false) throw new Error(`seed failed: ${JSON.stringify(r)}`);
      }
    }, drafts);
    return drafts.map((d) => `x:${d.postId}`);
  }

  /**
   * The focused element, described for asserts: `testid`, `#id`, or `tag "accessible text"`; for the
   * list, `capture-list > <key of the cursor row>`. `body` when focus fell to the page.
   */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      const testId = el.getAttribute('data-testid');
      if (testId === 'capture-list') {
        const row = el.getAttribute('aria-activedescendant');
        const key = row ? document.getElementById(row)?.getAttribute('data-capture-key') : null;
        return `capture-list > ${key ?? 'none'}`;
      }
      if (testId) return testId;
      if (el.id) return `#${el.id}`;
      const name = el.getAttribute('aria-label') ?? (el.closest('label')?.textContent ?? el.textContent)?.trim().slice(0, 40) ?? '';
      const type = el.getAttribute('type');
      return `${el.tagName.toLowerCase()}${type ? `[type=${type}]` : ''} "${name}"`;
    });
  }
}

/** A made-up X post draft number `i` (lib/schema CaptureDraft), for {@link LibraryPage.seed}. */
export function seedDraft(i: number): Record<string, unknown> & { postId: string } {
  const id = String(1_900_000_000_000_000_000n + BigInt(i));
  return {
    platform: 'x', postId: id, permalink: `https://x.com/author${i}/status/${id}`, permalinkMissing: false,
    author: { name: `Author ${i}`, handle: `author${i}`, profileUrl: null, avatarUrl: null },
    text: `Post ${i}: a tip about learning in the flow of work.\nSecond line of post ${i}.`, lang: 'en',
    postedAt: new Date(Date.UTC(2026, 10, i % 28 + 1, 9, 0, 0)).toISOString(),
    media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false,
    title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
  };
}
