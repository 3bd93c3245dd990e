/** Small pieces the team components share (TeamsPanel, InvitesSection). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionResult, RoleView } from './types';
import { useActionError } from './action-errors';

/** The messages key of a role's name (`roleOwner`, `roleEditor`, `roleViewer`). */
export const roleKey = (r: RoleView): string => (r === 'owner' ? 'roleOwner' : r === 'editor' ? 'roleEditor' : 'roleViewer');

/**
 * Runs server actions one at a time with a busy flag and an error line: `run(fn)` sets `busy`,
 * clears `error` (and every other action's error line: components/options/action-errors.ts), awaits
 * `fn`, and on failure shows its words in `error`. `clear()` hides the error (the learner edits the
 * field it is about). Resolves with the result.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useActionError<string>();
  const run = async <T,>(fn: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) setError(r.error);
    return r;
  };
  return { busy, error, run, clear: () => setError(null) };
}

/** Least time between two refreshes {@link useRefreshOnFocus} starts, in ms. */
export const FOCUS_REFRESH_GAP_MS = 2_000;

/**
 * Calls `refresh` when the page comes back into view (window `focus`, or `visibilitychange` to
 * visible), so lists another person changed (someone joined with an invite) catch up without a
 * reload. Bounded: never while one is running, and at most once per {@link FOCUS_REFRESH_GAP_MS}
 * (switching tabs fires both events). While `enabled` is false (a closed panel) it does nothing and
 * uses up no time: before issue 12's fix, a focus with the panel closed counted as a refresh, so the
 * first return to the page after opening it was skipped and "Uses left 1 of 1" stayed.
 */
export function useRefreshOnFocus(refresh: () => Promise<unknown>, enabled = true): void {
  const state = useRef({ refresh, enabled, last: -Infinity, running: false });
  state.current.refresh = refresh;
  state.current.enabled = enabled;
  useEffect(() => {
    const onView = () => {
      const s = state.current;
      if (!s.enabled || document.visibilityState === 'hidden' || s.running || Date.now() - s.last < FOCUS_REFRESH_GAP_MS) return;
      s.running = true;
      s.last = Date.now();
      void s.refresh().finally(() => {
        s.running = false;
      });
    };
    window.addEventListener('focus', onView);
    document.addEventListener('visibilitychange', onView);
    return () => {
      window.removeEventListener('focus', onView);
      document.removeEventListener('visibilitychange', onView);
    };
  }, []);
}

/**
 * Calls `refresh` each time `syncedAt` (the last sync's epoch ms, from the sync state) changes while
 * `enabled`, not on the first render: a sync is when another member's join or a used invite shows
 * up, even while the page never lost focus.
 */
export function useRefreshAfterSync(refresh: () => Promise<unknown>, syncedAt: number | null | undefined, enabled = true): void {
  const first = useRef(true);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (enabled && syncedAt != null) void latest.current();
  }, [syncedAt]);
}
