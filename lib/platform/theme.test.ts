import { afterEach, describe, expect, it, vi } from 'vitest';
import { THEME_STORAGE_KEY, applyTheme, readStoredTheme, storeTheme } from './theme';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme mirror (lib/platform/theme.ts)', () => {
  it('reads system when nothing or an unknown value is stored', () => {
    expect(readStoredTheme()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(readStoredTheme()).toBe('system');
  });

  it('stores a choice and applies it to <html> at once', () => {
    storeTheme('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(readStoredTheme()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    storeTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('system removes data-theme so the stylesheet follows prefers-color-scheme', () => {
    applyTheme('dark');
    applyTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('a storage that throws reads as system and still applies the choice here', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(readStoredTheme(broken)).toBe('system');
    storeTheme('dark', broken);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('the boot applies the stored choice and follows a change made in another page', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    const { applyStoredTheme } = await import('./theme');
    expect(applyStoredTheme()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});

describe('theme mirror for the in-page save panel (browser.storage.local)', () => {
  it('storeTheme mirrors the choice into extension storage, which the panel watches', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { watchExtensionTheme } = await import('./theme');
    fakeBrowser.reset();
    const seen: string[] = [];
    const stop = watchExtensionTheme((c) => seen.push(c));
    await vi.waitFor(() => expect(seen).toEqual(['system']));
    storeTheme('dark');
    await vi.waitFor(() => expect(seen).toEqual(['system', 'dark']));
    expect(await fakeBrowser.storage.local.get(THEME_STORAGE_KEY)).toEqual({ [THEME_STORAGE_KEY]: 'dark' });
    stop();
    storeTheme('light');
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(THEME_STORAGE_KEY)).toEqual({ [THEME_STORAGE_KEY]: 'light' }));
    expect(seen).toEqual(['system', 'dark']);
  });

  it('an unknown stored value reads as system', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { watchExtensionTheme } = await import('./theme');
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [THEME_STORAGE_KEY]: 'purple' });
    const seen: string[] = [];
    const stop = watchExtensionTheme((c) => seen.push(c));
    await vi.waitFor(() => expect(seen).toEqual(['system']));
    stop();
  });
});
