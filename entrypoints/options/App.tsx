import { writeMembers } from '../../lib/db/members';
import { useEffect, useRef, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { RejectedRow, SatchelDb } from '../../lib/db';
import { listRefused, dismissRefused } from '../../lib/db/refused';
import {
  SyncStateError, normalizeServerUrl, readServerUrl, writeServerUrl, ensureDeviceId, readSyncAuth, writeSyncAuth, clearSyncAuth,
  readSyncState, readDeviceName, writeDeviceName, countPending, countLocalCaptures, clearLocalLibrary, type StoredSyncAuth, type StoredSyncState,
} from '../../lib/db/sync-state';
import type { ApiClient } from '../../lib/sync/api-client';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import { ServerForm } from '../../components/options/ServerForm';
import { AccountForm, type AccountMode, type AccountValues } from '../../components/options/AccountForm';
import { DevicesList } from '../../components/options/DevicesList';
import { TeamsPanel, type TeamActions } from '../../components/options/TeamsPanel';
import { SignOutDialog } from '../../components/options/SignOutDialog';
import { SyncStatus, syncStatusOf } from '../../components/options/SyncStatus';
import { RefusedChanges } from '../../components/options/RefusedChanges';
import { CONNECT_TIMEOUT_MS, describeConnectError, describeError, type ErrorContext } from '../../components/options/errors';
import type { ActionResult } from '../../components/options/types';
import { downloadBlob } from '../../lib/platform/download';
import { OptionsReport } from '../report-ui/containers';
import { friendlyTime } from '../../lib/util/time';
import { clearCachedProfile, readCachedProfile, writeCachedProfile, type Profile } from './profile-cache';
import { Appearance } from './appearance';
import { Logo } from '../../components/Logo';

/** What the options page needs from the outside world (real ones in main.tsx, fakes in tests). */
export interface OptionsDeps {
  db: SatchelDb;
  t: Translate;
  locale?: string;
  /** A REST client for `serverUrl` (with the device token when signed in), giving up after `timeoutMs` (default 20 s). */
  api: (serverUrl: string, token?: string, timeoutMs?: number) => ApiClient;
  /** Host permission for the server origin (lib/platform/permissions). `request` needs a user gesture. */
  permissions: {
    request: (origin: string) => Promise<{ granted: boolean; error: string | null }>;
    has: (origin: string) => Promise<boolean>;
  };
  /** Default device name, e.g. "Chrome on Linux". */
  deviceName: string;
  copy: (text: string) => Promise<boolean>;
  /** `navigator.onLine` and its changes. */
  online: () => boolean;
  /** Starts a browser download of `blob` as `name` (default: a temporary `<a download>` link). */
  download?: (blob: Blob, name: string) => void;
  /** Asks the background for a sync run now (the status line's Retry); resolves when the run ended. */
  syncNow?: () => Promise<unknown> | void;
  /** How long the host-permission request and then the `/healthz` check each may take, in ms (default {@link CONNECT_TIMEOUT_MS}). */
  connectTimeoutMs?: number;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'server' }
  | { kind: 'account' }
  | { kind: 'signed-in'; auth: StoredSyncAuth };

const URL_ERRORS: Record<string, string> = { url_invalid: 'optUrlInvalid', url_insecure: 'optUrlInsecure', url_not_origin: 'optUrlNotOrigin', url_scheme: 'optUrlScheme' };
const HEADING: Record<Phase['kind'], string | null> = { loading: null, server: 'server-title', account: 'account-title', 'signed-in': 'signed-in-title' };

/**
 * Options page container: server address (with its host permission and a `/healthz` check) →
 * sign in or create an account → account, devices, teams, sync status, sign out. Reads and writes
 * lib/db/sync-state; talks to the server through `deps.api`; errors are turned into words by
 * components/options/errors. Moves focus to the heading of each new step.
 */
export function App(deps: OptionsDeps) {
  const { db, t, locale, api } = deps;
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The connect step waits for the browser's permission prompt, then for the check (the button says which).
  const [waitingForPermission, setWaitingForPermission] = useState(false);
  const connectAttempt = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [profileError, setProfileError] = useState<{ text: string; signIn: boolean } | null>(null);
  // When the shown profile was loaded (epoch ms), and whether the server just failed to answer:
  // then the last known profile stays, marked as possibly out of date (issue 12).
  const [profileAt, setProfileAt] = useState<number | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [signingOut, setSigningOut] = useState<{ pending: number; captures: number } | null>(null);
  const [online, setOnline] = useState(deps.online());
  const [sync, setSync] = useState<{ pending: number; lastError: StoredSyncState['lastError']; lastSyncedAt: number | null }>({ pending: 0, lastError: null, lastSyncedAt: null });
  const [refused, setRefused] = useState<RejectedRow[]>([]);
  const [focusNext, setFocusNext] = useState(false);
  const [deviceName, setDeviceName] = useState(deps.deviceName);

  const words = (e: unknown, ctx: ErrorContext = 'general') =>
    e instanceof SyncStateError && URL_ERRORS[e.code] ? fmt(t(URL_ERRORS[e.code]!), { scheme: e.detail ?? '' }, locale) : describeError(e, t, ctx, locale);
  const go = (p: Phase) => {
    setPhase(p);
    setFocusNext(true);
  };

  // Start: signed in → the account; a saved server we may reach → sign in; else the address.
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
  }, [focusNext, phase, profile]);

  useEffect(() => {
    const up = () => setOnline(deps.online());
    window.addEventListener('online', up);
    window.addEventListener('offline', up);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', up);
    };
  }, []);

  // Sync state and pending count, live (the background writes them).
  useEffect(() => {
    const sub = liveQuery(async () => {
      const [state, pending] = await Promise.all([readSyncState(db), countPending(db)]);
      return { pending, lastError: state.lastError, lastSyncedAt: state.lastSyncedAt };
    }).subscribe({ next: setSync, error: (e: unknown) => console.error('[satchel] options could not read the sync state', e) });
    return () => sub.unsubscribe();
  }, [db]);

  // Changes the server refused (sync keeps them in `rejected`), live.
  useEffect(() => {
    // An empty result keeps the same array, so a library with nothing refused does not re-render.
    const sub = liveQuery(() => listRefused(db)).subscribe({ next: (rows) => setRefused((prev) => (rows.length === 0 && prev.length === 0 ? prev : rows)), error: (e: unknown) => console.error('[satchel] options could not read the refused changes', e) });
    return () => sub.unsubscribe();
  }, [db]);

  const auth = phase.kind === 'signed-in' ? phase.auth : null;
  const client = auth ? api(auth.serverUrl, auth.token) : null;

  const loadProfile = async (): Promise<void> => {
    if (!client || !auth) return;
    try {
      const [me, dev] = await Promise.all([client.me(), client.devices()]);
      const next: Profile = { account: { userId: me.user.id, email: me.user.email, displayName: me.user.displayName }, teams: me.teams, devices: dev.devices };
      const at = Date.now();
      setProfile(next);
      setProfileAt(at);
      setProfileError(null);
      setUnreachable(false);
      await writeCachedProfile(db, next, at);
    } catch (e) {
      const status = (e as { status?: number }).status ?? -1;
      if (status === 0 || status >= 500) {
        // The server is down or unreachable: keep what we know, never the sign-in form.
        setUnreachable(true);
        setProfileError(null);
        const cached = await readCachedProfile(db, auth.userId);
        if (cached) setProfile((cur) => cur ?? cached.profile);
        if (cached) setProfileAt((cur) => cur ?? cached.at);
      } else {
        setUnreachable(false);
        setProfileError({ text: words(e), signIn: status === 401 });
      }
    }
  };
  useEffect(() => {
    if (auth) void loadProfile();
    else {
      setProfile(null);
      setProfileAt(null);
      setUnreachable(false);
    }
  }, [auth?.token]);
  /** The status line's Retry / Sync now: a sync run and a fresh profile; resolves when both ended. */
  const retry = () => Promise.all([deps.syncNow?.(), loadProfile()]);

  /** Step 1, after the permission: `/healthz` within the timeout, then store the server and go on. */
  const check = async (origin: string) => {
    setBusy(true);
    try {
      await api(origin, undefined, deps.connectTimeoutMs ?? CONNECT_TIMEOUT_MS).health();
      await writeServerUrl(db, origin);
      setServerUrl(origin);
      setNotice(fmt(t('optConnected'), { server: origin }));
      go({ kind: 'account' });
    } catch (e) {
      setError(describeConnectError(e, origin, t, locale));
    } finally {
      setBusy(false);
    }
  };

  /**
   * Step 1: called inside the submit gesture: the permission prompt comes before any await. A prompt
   * nobody answers within the timeout ends the wait with words (issue 12: "Checking…" for 46 s); an
   * Allow that comes later still goes on with the check, unless another attempt started since.
   */
  const connect = (text: string) => {
    setError(null);
    setNotice(null);
    let origin: string;
    try {
      origin = normalizeServerUrl(text);
    } catch (e) {
      setError(words(e));
      return;
    }
    const asked = deps.permissions.request(origin);
    const attempt = ++connectAttempt.current;
    const current = () => connectAttempt.current === attempt;
    setBusy(true);
    setWaitingForPermission(true);
    void (async () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((r) => { timer = setTimeout(() => r(null), deps.connectTimeoutMs ?? CONNECT_TIMEOUT_MS); });
      let perm = await Promise.race([asked, late]);
      clearTimeout(timer);
      if (!current()) return;
      setWaitingForPermission(false);
      if (!perm) {
        setBusy(false);
        setError(fmt(t('optPermissionNoAnswer'), { origin }));
        perm = await asked;
        if (!current() || !perm.granted) return;
        setError(null);
      }
      if (!perm.granted) {
        setBusy(false);
        setError(fmt(t('optPermissionDenied'), { origin }));
        return;
      }
      await check(origin);
    })();
  };

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

  /** Runs a server action for a component and refreshes the profile after a success. */
  const action = async <T,>(ctx: ErrorContext, fn: (c: ApiClient) => Promise<T>, refresh = true): Promise<ActionResult<T>> => {
    if (!client) return { ok: false, error: t('optErrSessionEnded') };
    try {
      const value = await fn(client);
      if (refresh) await loadProfile();
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: words(e, ctx) };
    }
  };
  const me = profile?.account.userId ?? auth?.userId ?? '';
  const teamActions: TeamActions = {
    createTeam: (name) => action('create-team', async (c) => void (await c.createTeam(name))),
    invite: (teamId, role, hours, maxUses) => action('invite', (c) => c.createInvite(teamId, role, hours, maxUses), false),
    loadInvites: (teamId) => action('invites', async (c) => (await c.invites(teamId)).invites.map(({ createdBy, ...i }) => ({ ...i, createdByName: createdBy.displayName })), false),
    revokeInvite: (teamId, inviteId) => action('revoke-invite', async (c) => void (await c.revokeInvite(teamId, inviteId)), false),
    join: (code) => action('join', (c) => c.acceptInvite(code)),
    loadMembers: (teamId) => action('members', async (c) => (await c.members(teamId)).members, false),
    setRole: (teamId, userId, role) => action('member', async (c) => void (await c.setRole(teamId, userId, role)), false),
    removeMember: (teamId, userId) => action('member', async (c) => void (await c.removeMember(teamId, userId)), false),
    // Spotlight (issue 11): the device's member cache follows at once, so credit lines change without waiting for the next refresh.
    setSpotlight: (teamId, on) => action('spotlight', async (c) => {
      await c.setSpotlight(teamId, me, on);
      await writeMembers(db, `team:${teamId}`, (await c.members(teamId)).members, Date.now());
    }, false),
    leave: (teamId) => action('leave', async (c) => void (await c.removeMember(teamId, me))),
    copy: deps.copy,
  };

  const openSignOut = async () => setSigningOut({ pending: await countPending(db), captures: await countLocalCaptures(db) });

  const signOut = async (removeLibrary: boolean): Promise<ActionResult> => {
    if (client) {
      try {
        await client.signOut();
      } catch (e) {
        // Already signed out on the server (401): fine. Anything else: stay signed in, say why.
        const status = (e as { status?: number }).status;
        if (status !== 401) return { ok: false, error: words(e, 'sign-out') };
      }
    }
    try {
      await clearSyncAuth(db);
      await clearCachedProfile(db);
      if (removeLibrary) await clearLocalLibrary(db);
    } catch (e) {
      return { ok: false, error: words(e) };
    }
    setSigningOut(null);
    setNotice(t(removeLibrary ? 'optSignedOutRemoved' : 'optSignedOutKept'));
    go({ kind: 'account' });
    return { ok: true, value: undefined };
  };

  /** After a 401 on the account page: forget the dead token and offer sign-in again (outbox kept). */
  const signInAgain = async () => {
    await clearSyncAuth(db);
    await clearCachedProfile(db);
    setProfileError(null);
    go({ kind: 'account' });
  };

  const dismiss = async (ids: string[]): Promise<ActionResult> => {
    try {
      await dismissRefused(db, ids);
      return { ok: true, value: undefined };
    } catch (e) {
      return { ok: false, error: words(e, 'refused') };
    }
  };
  const teamNames = Object.fromEntries((profile?.teams ?? []).map((tm) => [tm.teamId, tm.name]));

  const status = syncStatusOf({ signedIn: !!auth, pending: sync.pending, online, lastError: sync.lastError, lastSyncedAt: sync.lastSyncedAt, serverUnreachable: unreachable });

  return (
    <main class="options" aria-busy={phase.kind === 'loading' ? 'true' : undefined}>
      <header class="options__head">
        <h1><Logo size={28} class="options__logo" />{t('optTitle')}</h1>
        <p class="muted">{t('optIntro')}</p>
      </header>
      {phase.kind !== 'loading' && <SyncStatus status={status} t={t} locale={locale} onSyncNow={auth ? retry : undefined} />}
      {phase.kind === 'signed-in' && (
        <RefusedChanges
          changes={refused}
          onDismiss={dismiss}
          onDownload={(f) => (deps.download ?? downloadBlob)(f.blob, f.name)}
          teamNames={teamNames}
          t={t}
          locale={locale}
        />
      )}
      {phase.kind === 'server' && (
        <section class="opt-card">
          <ServerForm initialUrl={serverUrl} onConnect={connect} busy={busy} busyText={waitingForPermission ? t('optPermissionWaiting') : undefined} error={error} notice={notice} t={t} />
        </section>
      )}
      {phase.kind === 'account' && serverUrl && (
        <>
          {notice && <p class="opt-notice" role="status">{notice}</p>}
          <AccountForm
            serverUrl={serverUrl}
            defaultDeviceName={deviceName}
            onSubmit={(m, v) => void signIn(m, v)}
            onChangeServer={() => {
              setError(null);
              setNotice(null);
              go({ kind: 'server' });
            }}
            busy={busy}
            error={error}
            t={t}
          />
        </>
      )}
      {phase.kind === 'signed-in' && (
        <>
          <section class="opt-card" aria-labelledby="signed-in-title">
            <h2 id="signed-in-title" tabIndex={-1}>{t('optSignedInTitle')}</h2>
            {profile ? (
              <dl class="opt-facts" data-testid="account">
                <dt>{t('optDisplayName')}</dt>
                <dd>{profile.account.displayName}</dd>
                <dt>{t('optEmail')}</dt>
                <dd>{profile.account.email}</dd>
                <dt>{t('optServerLabel')}</dt>
                <dd>{phase.auth.serverUrl}</dd>
              </dl>
            ) : unreachable ? <p class="muted">{t('optProfileUnknown')}</p> : !profileError && <p class="muted">{t('optLoading')}</p>}
            {unreachable && profile && profileAt !== null && (
              <p class="opt-warning" data-testid="profile-stale">{fmt(t('optProfileStale'), { time: friendlyTime(profileAt, Date.now(), locale) }, locale)}</p>
            )}
            {profileError && (
              <div class="opt-error" role="alert">
                <p>{profileError.text}</p>
                <div class="inline-actions">
                  <button type="button" class="btn btn--small" onClick={() => void loadProfile()}>{t('optRetry')}</button>
                  {profileError.signIn && <button type="button" class="btn btn--small" onClick={() => void signInAgain()}>{t('syncSignIn')}</button>}
                </div>
              </div>
            )}
            <div class="inline-actions">
              <button type="button" class="btn" onClick={() => void openSignOut()}>{t('optSignOut')}</button>
            </div>
          </section>
          {profile && (
            <>
              <DevicesList devices={profile.devices} onRevoke={(id) => action('revoke-device', async (c) => void (await c.revokeDevice(id)))} t={t} locale={locale} />
              <TeamsPanel teams={profile.teams} myUserId={profile.account.userId} actions={teamActions} t={t} locale={locale} syncedAt={sync.lastSyncedAt} />
            </>
          )}
          {signingOut && (
            <SignOutDialog pending={signingOut.pending} captures={signingOut.captures} onConfirm={signOut} onClose={() => setSigningOut(null)} t={t} locale={locale} />
          )}
        </>
      )}
      {phase.kind !== 'loading' && <Appearance db={db} t={t} />}
      {phase.kind !== 'loading' && <OptionsReport t={t} />}
    </main>
  );
}
