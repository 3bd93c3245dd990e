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
}
