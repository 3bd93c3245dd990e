import type { SatchelDb } from '../../lib/db';
import { dismissRefused } from '../../lib/db/refused';
import type { ApiClient } from '../../lib/sync/api-client';
import type { Translate } from '../../lib/util/i18n';
import { ServerForm } from '../../components/options/ServerForm';
import { AccountForm } from '../../components/options/AccountForm';
import { DevicesList } from '../../components/options/DevicesList';
import { TeamsPanel } from '../../components/options/TeamsPanel';
import { SignOutDialog } from '../../components/options/SignOutDialog';
import { SyncStatus, syncStatusOf } from '../../components/options/SyncStatus';
import { RefusedChanges } from '../../components/options/RefusedChanges';
import { CONNECT_TIMEOUT_MS } from '../../components/options/errors';
import type { ActionResult } from '../../components/options/types';
import { downloadBlob } from '../../lib/platform/download';
import { OptionsReport } from '../report-ui/containers';
import { Appearance } from './appearance';
import { Logo } from '../../components/Logo';
import { errorWords } from './words';
import { useOptionsFlow } from './use-options-flow';
import { useSyncView } from './use-sync-view';
import { useProfile } from './use-profile';
import { useSignOut } from './use-sign-out';
import { teamActions, type ServerAction } from './team-actions';
import { AccountCard } from './AccountCard';

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

/**
 * Options page container: server address (with its host permission and a `/healthz` check) →
 * sign in or create an account → account, devices, teams, sync status, sign out. Reads and writes
 * lib/db/sync-state; talks to the server through `deps.api`; errors are turned into words by
 * components/options/errors (./words.ts). Moves focus to the heading of each new step. The parts
 * live beside it: the steps (use-options-flow.ts, connect.ts), the sync view, the profile, sign-out,
 * the team actions and the signed-in card.
 */
export function App(deps: OptionsDeps) {
  const { db, t, locale, api } = deps;
  const words = errorWords(t, locale);
  const flow = useOptionsFlow(deps, words);
  const { phase, go } = flow;
  const { online, sync, refused } = useSyncView(db, deps.online);

  const auth = phase.kind === 'signed-in' ? phase.auth : null;
  const client = auth ? api(auth.serverUrl, auth.token) : null;
  const { profile, profileAt, profileError, unreachable, loadProfile, clearProfileError } = useProfile(db, auth, client, words);
  /** The status line's Retry / Sync now: a sync run and a fresh profile; resolves when both ended. */
  const retry = () => Promise.all([deps.syncNow?.(), loadProfile()]);

  const action: ServerAction = async (ctx, fn, refresh = true) => {
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
  const session = useSignOut({
    db, client, words,
    onSignedOut: (noticeKey) => {
      flow.setNotice(t(noticeKey));
      go({ kind: 'account' });
    },
    onTokenDropped: () => {
      clearProfileError();
      go({ kind: 'account' });
    },
  });

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
          <ServerForm initialUrl={flow.serverUrl} onConnect={flow.connect} busy={flow.busy} busyText={flow.waitingForPermission ? t('optPermissionWaiting') : undefined} error={flow.error} notice={flow.notice} t={t} />
        </section>
      )}
      {phase.kind === 'account' && flow.serverUrl && (
        <>
          {flow.notice && <p class="opt-notice" role="status">{flow.notice}</p>}
          <AccountForm
            serverUrl={flow.serverUrl}
            defaultDeviceName={flow.deviceName}
            onSubmit={(m, v) => void flow.signIn(m, v)}
            onChangeServer={flow.changeServer}
            busy={flow.busy}
            error={flow.error}
            t={t}
          />
        </>
      )}
      {phase.kind === 'signed-in' && (
        <>
          <AccountCard
            profile={profile}
            serverUrl={phase.auth.serverUrl}
            unreachable={unreachable}
            profileAt={profileAt}
            profileError={profileError}
            onRetry={() => void loadProfile()}
            onSignInAgain={() => void session.signInAgain()}
            onSignOut={() => void session.openSignOut()}
            t={t}
            locale={locale}
          />
          {profile && (
            <>
              <DevicesList devices={profile.devices} onRevoke={(id) => action('revoke-device', async (c) => void (await c.revokeDevice(id)))} t={t} locale={locale} />
              <TeamsPanel teams={profile.teams} myUserId={profile.account.userId} actions={teamActions(db, action, me, deps.copy)} t={t} locale={locale} syncedAt={sync.lastSyncedAt} />
            </>
          )}
          {session.signingOut && (
            <SignOutDialog pending={session.signingOut.pending} captures={session.signingOut.captures} onConfirm={session.signOut} onClose={session.closeSignOut} t={t} locale={locale} />
          )}
        </>
      )}
      {phase.kind !== 'loading' && <Appearance db={db} t={t} />}
      {phase.kind !== 'loading' && <OptionsReport t={t} />}
    </main>
  );
}
