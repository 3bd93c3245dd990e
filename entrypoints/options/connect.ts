import { normalizeServerUrl, writeServerUrl } from '../../lib/db/sync-state';
import { fmt } from '../../components/format';
import { CONNECT_TIMEOUT_MS, describeConnectError } from '../../components/options/errors';
import type { OptionsDeps } from './App';
import type { Words } from './words';

/** What the connect step reads and sets on the options page (./use-options-flow.ts). */
export interface ConnectContext {
  deps: OptionsDeps;
  words: Words;
  /** Counts attempts: an answer to an older one is ignored. */
  attempt: { current: number };
  setBusy: (on: boolean) => void;
  /** The button says "waiting for permission" while the browser's prompt is open. */
  setWaitingForPermission: (on: boolean) => void;
  setError: (text: string | null) => void;
  setNotice: (text: string | null) => void;
  /** The server answered `/healthz` and is stored: go on to sign in. */
  onConnected: (origin: string) => void;
}

/**
 * Step 1 of the options page, the server address: returns `connect(text)`, to be called inside the
 * submit gesture, as the permission prompt comes before any await. The address is normalised
 * (lib/db/sync-state `normalizeServerUrl`; a bad one ends with words), the host permission asked,
 * then `/healthz` checked within `deps.connectTimeoutMs` (default {@link CONNECT_TIMEOUT_MS}) and the
 * server stored. A prompt nobody answers within the timeout ends the wait with words (issue 12:
 * "Checking…" for 46 s); an Allow that comes later still goes on with the check, unless another
 * attempt started since.
 */
export function makeConnect(c: ConnectContext): (text: string) => void {
  const { deps } = c;
  const { t, locale } = deps;
  const timeoutMs = deps.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;

  const check = async (origin: string) => {
    c.setBusy(true);
    try {
      await deps.api(origin, undefined, timeoutMs).health();
      await writeServerUrl(deps.db, origin);
      c.setNotice(fmt(t('optConnected'), { server: origin }));
      c.onConnected(origin);
    } catch (e) {
      c.setError(describeConnectError(e, origin, t, locale));
    } finally {
      c.setBusy(false);
    }
  };

  return (text: string) => {
    c.setError(null);
    c.setNotice(null);
    let origin: string;
    try {
      origin = normalizeServerUrl(text);
    } catch (e) {
      c.setError(c.words(e));
      return;
    }
    const asked = deps.permissions.request(origin);
    const attempt = ++c.attempt.current;
    const current = () => c.attempt.current === attempt;
    c.setBusy(true);
    c.setWaitingForPermission(true);
    void (async () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((r) => { timer = setTimeout(() => r(null), timeoutMs); });
      let perm = await Promise.race([asked, late]);
      clearTimeout(timer);
      if (!current()) return;
      c.setWaitingForPermission(false);
      if (!perm) {
        c.setBusy(false);
        c.setError(fmt(t('optPermissionNoAnswer'), { origin }));
        perm = await asked;
        if (!current() || !perm.granted) return;
        c.setError(null);
      }
      if (!perm.granted) {
        c.setBusy(false);
        c.setError(fmt(t('optPermissionDenied'), { origin }));
        return;
      }
      await check(origin);
    })();
  };
}
