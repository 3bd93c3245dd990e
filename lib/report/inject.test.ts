import { describe, it, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeReportTab, recentReportTab, startReportInTab, REPORT_UI_FILE } from '../../entrypoints/report-ui/inject';
import { parseBackgroundToContent } from '../messages/to-content';

// The popup/options side of "Report this page" (entrypoints/report-ui/inject.ts), on fakeBrowser.

/** vi.spyOn without the browser typings' callback overloads. */
const spy = (obj: object, key: string) => vi.spyOn(obj as Record<string, (...a: unknown[]) => Promise<unknown>>, key);

describe('report/start', () => {
  it('is a message content scripts accept (hand-written shape check)', () => {
    expect(parseBackgroundToContent({ type: 'report/start' })).toEqual({ type: 'report/start' });
    expect(parseBackgroundToContent({ type: 'report/start', extra: 1 })).toEqual({ type: 'report/start' });
  });
});

describe('startReportInTab', () => {
  it('injects the report UI into the top frame, then sends report/start and returns the reply', async () => {
    const exec = spy(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const send = spy(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    await expect(startReportInTab(7)).resolves.toEqual({ ok: true });
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [REPORT_UI_FILE] });
    expect(send).toHaveBeenCalledWith(7, { type: 'report/start' }, { frameId: 0 });
    expect(exec.mock.invocationCallOrder[0]).toBeLessThan(send.mock.invocationCallOrder[0]!);
  });

  it('says why when the tab has no Satchel content script or injection fails', async () => {
    spy(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    spy(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(startReportInTab(7)).resolves.toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
    spy(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(startReportInTab(7)).resolves.toEqual({ ok: false, error: 'Cannot access contents of the page' });
    spy(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    spy(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await expect(startReportInTab(7)).resolves.toEqual({ ok: false, error: 'no answer from the page' });
  });
});

describe('which tab', () => {
  const tab = (id: number, url: string, lastAccessed = 0) => ({ id, url, title: `t${id}`, windowId: 1, lastAccessed, index: 0, active: false, pinned: false, highlighted: false, incognito: false }) as never;

  it('the active tab only when it is a supported site', async () => {
    const query = spy(fakeBrowser.tabs, 'query').mockResolvedValue([tab(1, 'https://example.com/')]);
    expect(await activeReportTab()).toBeNull();
    query.mockResolvedValue([tab(2, 'https://x.com/home')]);
    expect(await activeReportTab()).toEqual({ id: 2, windowId: 1, site: 'x', siteName: 'X', title: 't2' });
    query.mockRejectedValue(new Error('no tabs'));
    expect(await activeReportTab()).toBeNull();
  });

  it('the most recently used supported tab for the options page', async () => {
    spy(fakeBrowser.tabs, 'query').mockResolvedValue([
      tab(1, 'https://x.com/home', 10),
      tab(2, 'https://example.com/', 99),
      tab(3, 'https://www.linkedin.com/feed/', 50),
    ]);
    expect(await recentReportTab()).toMatchObject({ id: 3, site: 'linkedin', siteName: 'LinkedIn' });
  });
});
