/** Small pieces the team components share (TeamsPanel, InvitesSection). */
import { useState } from 'preact/hooks';
import type { ActionResult, RoleView } from './types';

/** The messages key of a role's name (`roleOwner`, `roleEditor`, `roleViewer`). */
export const roleKey = (r: RoleView): string => (r === 'owner' ? 'roleOwner' : r === 'editor' ? 'roleEditor' : 'roleViewer');

/**
 * Runs server actions one at a time with a busy flag and an error line: `run(fn)` sets `busy`,
 * clears `error`, awaits `fn`, and on failure shows its words in `error`. Resolves with the result.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(fn: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) setError(r.error);
    return r;
  };
  return { busy, error, run };
}
