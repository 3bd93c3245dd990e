import { browser } from 'wxt/browser';

/**
 * Makes sure a repeating alarm exists (alarms may be cleared on browser restart, docs/sync-protocol.md 3.9):
 * creates `name` every `periodMinutes` (≥ 0.5, Chrome's minimum) unless one with that period
 * already exists.
 */
export async function ensureAlarm(name: string, periodMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === periodMinutes) return;
  await browser.alarms.create(name, { periodInMinutes: periodMinutes, delayInMinutes: Math.min(1, periodMinutes) });
}

/** Calls `cb` when alarm `name` fires. Register synchronously at service-worker start. */
export function onAlarm(name: string, cb: () => void): void {
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === name) cb();
  });
}
