/** Runs `cb` when the page is idle (at the latest after 5 s): the default `CaptureDeps.idle`. */
export function idleCallback(cb: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => cb(), { timeout: 5000 });
  else setTimeout(cb, 200);
}
