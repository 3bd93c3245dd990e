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

  openLibraryLink(): Locator {
    return this.page.getByTestId('open-library');
  }
}
