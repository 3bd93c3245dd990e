import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../../lib/sites/types';
import { startCapture } from '../../lib/capture/controller';
import type { Send, Translate } from '../../lib/capture/types';
import { errorOf } from '../../lib/capture/replies';
import { SITE_META } from '../../lib/sites/meta';
import { parseBackgroundToContent, type HealthReply } from '../../lib/messages/to-content';
import { createMountControl } from './mount-control';
import type { ControlUi } from './control-ui';
import { CONTROL_UI_GLOBAL } from './ui-global';
import { REPORT_UI_GLOBAL, type ReportUi } from '../../lib/report/global';
import { SAVE_BUTTON_LABEL, SAVE_BUTTON_TEXT } from '../../components/save-button-labels';

/**
 * The content script of one site, shared by entrypoints/<site>.content.ts (one bundle per site, so
 * a page loads only its own adapter: content-size bench). Composition only (docs/architecture.md 6.1):
 * uses the site's adapter on its supported pages, starts the
 * capture flow with `ctx.signal` (everything is removed when the extension is updated or
 * disabled), follows SPA navigation and answers the background's messages. It imports no zod and
 * no lib/db: messages are validated by the background.
 */
export function runContent(ctx: ContentScriptContext, adapter: SiteAdapter): void {
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
  // The first getMessage of a page loads the extension's strings with a synchronous call to the
  // browser (about 10 ms here, content-overhead bench): do it while the page is idle rather than
  // when its first posts arrive and get their controls.
  ctx.requestIdleCallback(() => {
    for (const key of [...Object.values(SAVE_BUTTON_LABEL), ...Object.values(SAVE_BUTTON_TEXT)]) t(key);
  }, { timeout: 2000 });

  const capture = startCapture({
    pickAdapter: (url) => (adapter.isSupportedPage(url) ? adapter : null),
    document,
    url: () => location.href,
    send,
    mount: createMountControl(t, loadControlUi(send), (m, e) => console.warn(`[Satchel] ${m}`, e), ctx.signal),
    // Only the open panel calls these, so panel-ui.js is loaded by then.
    panelEdits: () => loadedControlUi()?.panelEdits ?? null,
    signal: ctx.signal,
    t,
    idAttributes: SITE_META[adapter.id].idAttributes,
  });

  // SPA navigation: WXT uses the Navigation API where present, else polls the URL every second.
  // The controller also checks the URL on every DOM change batch.
  ctx.addEventListener(window, 'wxt:locationchange', () => capture.urlChanged());
  ctx.addEventListener(window, 'popstate', () => capture.urlChanged());

  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
    const msg = parseBackgroundToContent(raw);
    if (!msg || ctx.isInvalid) return undefined;
    if (msg.type === 'capture/save-in-view') {
      // sendResponse + `return true`: works with the polyfill, plain Chromium and fake-browser (docs/toolchain.md 2).
      capture.saveInView().then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: String(err) }));
      return true;
    }
    if (msg.type === 'health/get') {
      const reply: HealthReply = { ok: true, health: capture.health() };
      sendResponse(reply);
      return undefined;
    }
    if (msg.type === 'report/start') {
      // The popup/options page injected report-ui.js into this world first (docs/reporting-a-page.md).
      const ui = (globalThis as Record<string, unknown>)[REPORT_UI_GLOBAL] as ReportUi | undefined;
      ui?.start({ adapter, t, document, url: () => location.href });
      sendResponse(ui ? { ok: true } : { ok: false, error: 'the report UI is not loaded' });
      return undefined;
    }
    capture.savedElsewhere(msg.keys);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/**
 * Loads the Preact control UI once per frame: asks the background to inject panel-ui.js into this
 * frame's content-script world (`ui/load`), then reads it from {@link CONTROL_UI_GLOBAL}. Another
 * Satchel script of the frame may have loaded it already. A failed load may be retried.
 */
function loadControlUi(send: Send): () => Promise<ControlUi> {
  let pending: Promise<ControlUi> | null = null;
  const present = loadedControlUi;
  return () => {
    const ui = present();
    if (ui) return Promise.resolve(ui);
    pending ??= send({ type: 'ui/load' }).then((reply) => {
      const loaded = present();
      if (loaded) return loaded;
      pending = null;
      throw new Error(errorOf(reply) ?? 'the save panel could not be loaded');
    }, (err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}

/** The Preact control UI if panel-ui.js has been injected into this frame's world (see {@link loadControlUi}). */
function loadedControlUi(): ControlUi | undefined {
  return (globalThis as Record<string, unknown>)[CONTROL_UI_GLOBAL] as ControlUi | undefined;
}
