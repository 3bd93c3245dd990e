import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { CONTENT_MATCHES } from '../../lib/sites/matches';
import { adapterForUrl } from '../../lib/sites';
import { startCapture } from '../../lib/capture/controller';
import type { Send, Translate } from '../../lib/capture/types';
import { parseBackgroundToContent } from '../../lib/messages/to-content';
import { createMountControl } from './save-button-ui';

/**
 * Content script: composition only (ARCHITECTURE.md 6.1). Picks the adapter by URL, starts the
 * capture flow with `ctx.signal` (everything is removed when the extension is updated or
 * disabled), follows SPA navigation and answers the background's messages. It imports no zod and
 * no lib/db: messages are validated by the background.
 */
export default defineContentScript({
  matches: CONTENT_MATCHES,
  cssInjectionMode: 'ui',
  main(ctx) {
    // Strings are looked up once per key (getMessage costs a native call per use; a feed renders
    // the same few labels thousands of times).
    const cache = new Map<string, string>();
    const t: Translate = (key, subs) => {
      const hit = subs ? undefined : cache.get(key);
      if (hit !== undefined) return hit;
      let out = key;
      try {
        // Keys are ours (public/_locales/en/messages.json); the generated typing lists them.
        out = (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;
      } catch {
        // not translatable now (context invalidated): show the key
      }
      if (!subs) cache.set(key, out);
      return out;
    };
    const send: Send = (msg) => browser.runtime.sendMessage(msg);

    const capture = startCapture({
      pickAdapter: adapterForUrl,
      document,
      url: () => location.href,
      send,
      mount: createMountControl(t),
      signal: ctx.signal,
      t,
    });

    // SPA navigation: WXT uses the Navigation API where present, else polls the URL every second.
    // The controller also checks the URL on every DOM change batch.
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.urlChanged());
    ctx.addEventListener(window, 'popstate', () => capture.urlChanged());

    const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
      const msg = parseBackgroundToContent(raw);
      if (!msg || ctx.isInvalid) return undefined;
      if (msg.type === 'capture/save-in-view') {
        // sendResponse + `return true`: works with the polyfill, plain Chromium and fake-browser (TOOLCHAIN.md 2).
        capture.saveInView().then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: String(err) }));
        return true;
      }
      capture.savedElsewhere(msg.keys);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
