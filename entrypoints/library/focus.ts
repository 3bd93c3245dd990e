/**
 * Where focus goes after a library action (issue 12, "focus is lost"): a person's place must never
 * fall back to the page body. Actions change state, Preact renders in a microtask, so the target is
 * looked up in a task after that render.
 */

/**
 * Focuses the element `get` returns once the pending render has run (a task later), falling back
 * through `fallbacks` in order when it is missing. Does nothing when every one is missing.
 */
export function focusAfterRender(get: () => HTMLElement | null | undefined, ...fallbacks: Array<() => HTMLElement | null | undefined>): void {
  setTimeout(() => {
    for (const pick of [get, ...fallbacks]) {
      const el = pick();
      if (el && el.isConnected) {
        el.focus();
        return;
      }
    }
  }, 0);
}

/** True when keys typed at `el` are text (so `/` is a character there, not the search shortcut). */
export function isTyping(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable ||
      /^(TEXTAREA|SELECT)$/.test(el.tagName) ||
      (el instanceof HTMLInputElement && !/^(checkbox|radio|button|submit|reset|file|range|color)$/.test(el.type)))
  );
}

/** The element with id `id` (null when absent); for focus targets named by id. */
export const byId = (id: string): HTMLElement | null => document.getElementById(id);
