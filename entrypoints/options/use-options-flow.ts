import { useEffect, useRef, useState } from 'preact/hooks';
import { ensureDeviceId, readServerUrl, readSyncAuth, readDeviceName, writeSyncAuth, writeDeviceName, type StoredSyncAuth } from '../../lib/db/sync-state';
import type { AccountMode, AccountValues } from '../../components/options/AccountForm';
import type { OptionsDeps } from './App';
import type { Words } from './words';
import { makeConnect } from './connect';

/** The options page's step: the server address, sign in / create an account, or the signed-in account. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'server' }
  | { kind: 'account' }
  | { kind: 'signed-in'; auth: StoredSyncAuth };

/** DOM id of each step's heading: focus moves there when the step changes. */
const HEADING: Record<Phase['kind'], string | null> = { loading: null, server: 'server-title', account: 'account-title', 'signed-in': 'signed-in-title' };

/**
 * The options page's steps and their forms' state. Starts signed in → the account; a saved server
 * whose host permission is held → sign in; else the address. `go` changes step and moves focus to
 * the new step's heading. `connect` is step 1 (./connect.ts); `signIn` step 2 (stores the device
 * token, lib/db/sync-state); `changeServer` goes back to step 1. `busy`, `error` and `notice`
 * belong to the form on screen.
 */
export function useOptionsFlow(deps: OptionsDeps, words: Words) {
  const { db, api } = deps;
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [focusNext, setFocusNext] = useState(false);
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [deviceName, setDeviceName] = useState(deps.deviceName);
  const [busy, setBusy] = useState(false);
  // The connect step waits for the browser's permission prompt, then for the check (the button says which).
  const [waitingForPermission, setWaitingForPermission] = useState(false);
  const connectAttempt = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const go = (p: Phase) => {
    setPhase(p);
    setFocusNext(true);
  };

  useEffect(() => {
    void (async () => {
      const [auth, saved, name] = await Promise.all([readSyncAuth(db), readServerUrl(db), readDeviceName(db)]);
      setServerUrl(auth?.serverUrl ?? saved);
      if (name) setDeviceName(name);
      if (auth) setPhase({ kind: 'signed-in', auth });
      else if (saved && (await deps.permissions.has(saved))) setPhase({ kind: 'account' });
      else setPhase({ kind: 'server' });
    })();
  }, [db]);

  useEffect(() => {
    if (!focusNext) return;
    const id = HEADING[phase.kind];
    if (id) document.getElementById(id)?.focus();
    setFocusNext(false);
  }, [focusNext, phase]);

  const connect = makeConnect({
    deps, words, attempt: connectAttempt, setBusy, setWaitingForPermission, setError, setNotice,
    onConnected: (origin) => {
      setServerUrl(origin);
      go({ kind: 'account' });
    },
  });

  const signIn = async (mode: AccountMode, v: AccountValues) => {
    if (!serverUrl) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const deviceId = await ensureDeviceId(db);
      const c = api(serverUrl);
      const res = mode === 'create'
        ? await c.createAccount({ email: v.email, password: v.password, displayName: v.displayName, deviceId, deviceName: v.deviceName })
        : await c.signIn({ email: v.email, password: v.password, deviceId, deviceName: v.deviceName });
      const next: StoredSyncAuth = { serverUrl, token: res.token, deviceId, userId: res.userId };
      await writeSyncAuth(db, next);
      await writeDeviceName(db, v.deviceName);
      setDeviceName(v.deviceName);
      go({ kind: 'signed-in', auth: next });
    } catch (e) {
      setError(words(e, mode === 'create' ? 'create-account' : 'sign-in'));
    } finally {
      setBusy(false);
    }
  };

  const changeServer = () => {
    setError(null);
    setNotice(null);
    go({ kind: 'server' });
  };

  return { phase, go, serverUrl, deviceName, busy, waitingForPermission, error, notice, setNotice, connect, signIn, changeServer };
}
