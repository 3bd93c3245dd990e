import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { friendlyTime } from '../../lib/util/time';
import './sync-status.css';

/** Kinds of sync error (lib/sync `SyncError.kind`). */
export type SyncErrorKind = 'offline' | 'auth' | 'rate-limited' | 'server' | 'client' | 'device';

/** What the sync status line shows. Derive it with {@link syncStatusOf}. */
export type SyncStatusView =
  | { kind: 'signed-out'; pending: number }
  | { kind: 'synced'; lastSyncedAt: number | null }
  | { kind: 'pending'; pending: number }
  | { kind: 'offline'; pending: number }
  /** signed in and online, but the server did not answer (network error or 5xx): not "Offline" */
  | { kind: 'unreachable'; pending: number; lastSyncedAt: number | null }
  | { kind: 'error'; pending: number; errorKind: SyncErrorKind; message: string };

/** Inputs of {@link syncStatusOf}: the stored sync state, the outbox count and the browser's online flag. */
export interface SyncStatusInput {
  signedIn: boolean;
  /** outbox rows not yet acknowledged */
  pending: number;
  /** `navigator.onLine` */
  online: boolean;
  lastError: { kind: SyncErrorKind; message: string } | null;
  /** epoch ms of the last complete run, or null */
  lastSyncedAt: number | null;
  /** The page itself just saw the server not answer (network error or 5xx), e.g. loading the account. */
  serverUnreachable?: boolean;
}

/**
 * The status to show, in priority order: signed out; offline (the browser is offline:
 * `navigator.onLine` false, nothing else); unreachable (online, but the last run or the page got no
 * answer from the server, or a 5xx: issue 12, an outage is not "Offline"); the last error; pending
 * changes; synced. Pure.
 */
export function syncStatusOf(s: SyncStatusInput): SyncStatusView {
  if (!s.signedIn) return { kind: 'signed-out', pending: s.pending };
  if (!s.online) return { kind: 'offline', pending: s.pending };
  if (s.serverUnreachable || s.lastError?.kind === 'offline' || s.lastError?.kind === 'server') return { kind: 'unreachable', pending: s.pending, lastSyncedAt: s.lastSyncedAt };
  if (s.lastError) return { kind: 'error', pending: s.pending, errorKind: s.lastError.kind, message: s.lastError.message };
  if (s.pending > 0) return { kind: 'pending', pending: s.pending };
  return { kind: 'synced', lastSyncedAt: s.lastSyncedAt };
}

/** Props of {@link SyncStatus}. */
export interface SyncStatusProps {
  status: SyncStatusView;
  t: Translate;
  locale?: string;
  /**
   * "Sync now" / "Retry" (shown when given and a retry can help). When it returns a promise, the
   * button says "Syncing…" / "Retrying…" and ignores presses until it settles (resolved or not).
   */
  onSyncNow?: () => Promise<unknown> | void;
  /** "Sign in" (shown for signed-out and auth errors when given). */
  onSignIn?: () => void;
  /** compact = one line for the popup */
  compact?: boolean;
  /** epoch ms "now" for relative times (default `Date.now()`; tests pass a fixed one). */
  now?: number;
}

const ERROR_HINT: Record<SyncErrorKind, string> = {
  offline: 'syncHintOffline',
  auth: 'syncHintAuth',
  'rate-limited': 'syncHintRateLimited',
  server: 'syncHintServer',
  client: 'syncHintClient',
  device: 'syncHintDevice',
};

/**
 * One status line: synced / N changes waiting / offline / can't reach the server / the error and what to do. A polite live
 * region, so a change is announced. Presentational: props in, callbacks out; the popup reuses it.
 */
export function SyncStatus({ status, t, locale, onSyncNow, onSignIn, compact, now = Date.now() }: SyncStatusProps) {
  // A run started here and not yet ended (issue 12: Retry during an outage changed nothing visible).
  const [running, setRunning] = useState(false);
  const run = () => {
    if (running || !onSyncNow) return;
    const p = onSyncNow();
    if (!p) return;
    setRunning(true);
    void Promise.resolve(p).catch(() => undefined).finally(() => setRunning(false));
  };
  let label: string;
  let hint: string | null = null;
  let tone: 'ok' | 'busy' | 'warn' = 'ok';
  switch (status.kind) {
    case 'signed-out':
      label = t('syncSignedOut');
      hint = status.pending > 0 ? fmt(t('syncPendingLocal'), { n: status.pending }, locale) : null;
      tone = 'busy';
      break;
    case 'synced':
      label = t(status.lastSyncedAt ? 'syncSynced' : 'syncNotYet');
      hint = status.lastSyncedAt ? fmt(t('syncLastAt'), { time: friendlyTime(status.lastSyncedAt, now, locale) }, locale) : null;
      break;
    case 'pending':
      label = fmt(t(status.pending === 1 ? 'syncPendingOne' : 'syncPendingMany'), { n: status.pending }, locale);
      tone = 'busy';
      break;
    case 'offline':
      label = t('syncOffline');
      hint = status.pending > 0 ? fmt(t('syncOfflineHintPending'), { n: status.pending }, locale) : t('syncOfflineHint');
      tone = 'warn';
      break;
    case 'unreachable':
      label = t('syncUnreachable');
      hint = status.lastSyncedAt ? fmt(t('syncUnreachableSince'), { time: friendlyTime(status.lastSyncedAt, now, locale) }, locale) : t('syncUnreachableNever');
      if (status.pending > 0) hint += ` ${fmt(t('syncUnreachablePending'), { n: status.pending }, locale)}`;
      tone = 'warn';
      break;
    case 'error':
      label = t('syncError');
      hint = t(ERROR_HINT[status.errorKind]);
      tone = 'warn';
      break;
  }
  const canSignIn = onSignIn && (status.kind === 'signed-out' || (status.kind === 'error' && (status.errorKind === 'auth' || status.errorKind === 'device')));
  const canRetry = onSyncNow && !canSignIn && status.kind !== 'signed-out';
  return (
    <div class={`sync-status sync-status--${tone}${compact ? ' sync-status--compact' : ''}`} role="status" aria-live="polite" data-testid="sync-status" data-kind={status.kind}>
      <span class="sync-status__dot" aria-hidden="true" />
      <span class="sync-status__text">
        <strong class="sync-status__label">{label}</strong>
        {hint && <span class="sync-status__hint"> {hint}</span>}
        {status.kind === 'error' && !compact && <span class="sync-status__detail small muted"> ({status.message})</span>}
      </span>
      {canRetry && (
        // aria-disabled, not disabled: a disabled button would drop the focus of the person who pressed it.
        <button type="button" class="btn btn--small" onClick={run} aria-disabled={running ? 'true' : undefined}>
          {t(status.kind === 'unreachable' ? (running ? 'syncRetrying' : 'syncRetry') : running ? 'syncSyncing' : 'syncNow')}
        </button>
      )}
      {canSignIn && (
        <button type="button" class="btn btn--small" onClick={onSignIn}>
          {t('syncSignIn')}
        </button>
      )}
    </div>
  );
}
