import { describe, it, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToTab, broadcastToTabs } from './tabs';
import { onRuntimeMessage } from './runtime';
import { getMessage } from './i18n';

describe('lib/platform', () => {
  it('sendToTab never rejects', async () => {
    fakeBrowser.tabs.sendMessage = vi.fn().mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.')) as never;
    expect(await sendToTab(1, { type: 'x' })).toEqual({ delivered: false, error: 'Could not establish connection. Receiving end does not exist.' });
    fakeBrowser.tabs.sendMessage = vi.fn().mockResolvedValue({ ok: true }) as never;
    expect(await sendToTab(1, { type: 'x' })).toEqual({ delivered: true, reply: { ok: true } });
  });

  it('broadcastToTabs sends to every matching tab', async () => {
    const send = vi.fn().mockResolvedValue(undefined);
    fakeBrowser.tabs.sendMessage = send as never;
    fakeBrowser.tabs.query = vi.fn().mockResolvedValue([{ id: 3 }, { id: 4 }, {}]) as never;
    await broadcastToTabs(['https://x.com/*'], { type: 'ping' });
    expect(send.mock.calls.map((c) => c[0])).toEqual([3, 4]);
  });

  it('onRuntimeMessage replies through sendResponse, also on rejection', async () => {
    onRuntimeMessage(async (raw) => {
      if (raw === 'boom') throw new Error('bad');
      return { echo: raw };
    });
    expect(await fakeBrowser.runtime.sendMessage('hi')).toEqual({ echo: 'hi' });
    expect(await fakeBrowser.runtime.sendMessage('boom')).toEqual({ ok: false, error: 'bad' });
  });

  it('getMessage returns "" where i18n is not available', () => {
    expect(getMessage('extName')).toBe('');
  });
});
