import { browser, type Browser } from 'wxt/browser';

/** Answers one raw runtime message; resolves to the reply (never rejects in practice). */
export type RuntimeMessageHandler = (raw: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;

/**
 * Registers `handler` for `runtime.onMessage` with the `sendResponse` + `return true` pattern
 * (docs/toolchain.md §2): it works with the polyfill, WXT's `browser` and fake-browser, which ignores
 * returned promises. A rejection is answered `{ ok: false, error }`, so the sender never hangs.
 * Call synchronously at service-worker start so wake-up events are not missed.
 */
export function onRuntimeMessage(handler: RuntimeMessageHandler): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    handler(raw, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
}

/**
 * Sends a message to the background and resolves to its reply; never rejects (a worker that is
 * starting or gone answers `{ ok: false, error }`). For fire-and-forget requests from extension
 * pages such as `sync/now` when the popup or library opens.
 */
export async function sendToBackground(message: unknown): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Opens the extension's options page (sign-in, server, devices, teams). Never rejects. */
export async function openOptionsPage(): Promise<void> {
  try {
    await browser.runtime.openOptionsPage();
  } catch (e) {
    console.warn('[satchel] could not open the options page', e);
  }
}
