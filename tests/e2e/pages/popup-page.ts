import type { Locator, Page } from '@playwright/test';

/** The toolbar popup, opened as a tab: chrome-extension://<id>/popup.html. */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
  }

  items(): Locator {
    return this.page.locator('[data-testid="capture-item"]');
  }

  /** The list item of a capture, by its key `<platform>:<postId>`. */
  item(key: string): Locator {
    return this.page.locator(`[data-testid="capture-item"][data-capture-key="${key}"]`);
  }

  /** "N waiting for review" in the popup header. */
  waiting(): Locator {
    return this.page.getByTestId('waiting-count');
  }

  /** The "Just saved" quick tag/collect/note panel. */
  quickEdit(): Locator {
    return this.page.getByTestId('quick-edit');
  }

  /** A completeness flag on a capture's item, e.g. `permalinkMissing`. */
  flag(key: string, flag: string): Locator {
    return this.item(key).locator(`[data-flag="${flag}"]`);
  }

  /** "Find on LinkedIn": the link a capture saved without its post id has instead of "Open original". */
  findOnSite(key: string): Locator {
    return this.item(key).getByTestId('find-on-site');
  }

  openLibraryLink(): Locator {
    return this.page.getByTestId('open-library');
  }
}
