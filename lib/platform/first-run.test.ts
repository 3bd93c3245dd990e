import { describe, it, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { commandShortcut, openWelcomeOnInstall, WELCOME_PATH } from './first-run';

describe('first run (issue 12)', () => {
  it('opens the welcome page on install only, not on an update', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    openWelcomeOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledOnce();
    expect(create.mock.calls[0]![0].url).toBe(browser.runtime.getURL(WELCOME_PATH));
  });

  it('reads the shortcut of a command: its key, "" when unset, null when the browser cannot say', async () => {
    const getAll = vi.spyOn(browser.commands, 'getAll') as unknown as { mockResolvedValueOnce: (v: unknown) => void; mockRejectedValueOnce: (e: unknown) => void };
    getAll.mockResolvedValueOnce([{ name: 'save-post', shortcut: 'Alt+Shift+S', description: '' }]);
    expect(await commandShortcut('save-post')).toBe('Alt+Shift+S');
    getAll.mockResolvedValueOnce([{ name: 'save-post', shortcut: '', description: '' }]);
    expect(await commandShortcut('save-post')).toBe('');
    getAll.mockRejectedValueOnce(new Error('not supported'));
    expect(await commandShortcut('save-post')).toBeNull();
  });
});
