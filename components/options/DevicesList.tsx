import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { friendlyTime } from '../../lib/util/time';
import type { ActionResult, DeviceView } from './types';
import { useActionError } from './action-errors';

/** Props of {@link DevicesList}. */
export interface DevicesListProps {
  devices: readonly DeviceView[];
  /** Revokes another device's sign-in (`DELETE /v1/devices/:id`). */
  onRevoke: (deviceId: string) => Promise<ActionResult>;
  t: Translate;
  locale?: string;
  /** epoch ms "now" for relative times (default `Date.now()`). */
  now?: number;
}


/**
 * This device first, then the other active ones (most recently seen first), then revoked ones, each with when it was added and
 * last seen. Another active device can be signed out after an inline confirmation; revoked ones
 * say so. Focus returns to the list after an action.
 */
export function DevicesList({ devices, onRevoke, t, locale, now = Date.now() }: DevicesListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useActionError<string>();
  const list = useRef<HTMLUListElement>(null);
  // Keyboard users land on the confirming button, and back on the list row's button after "Cancel".
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (confirming) list.current?.querySelector<HTMLButtonElement>('[data-confirm]')?.focus();
    else if (last.current) list.current?.querySelector<HTMLButtonElement>(`[data-revoke="${last.current}"]`)?.focus();
    last.current = confirming;
  }, [confirming]);
  const sorted = [...devices].sort((a, b) => Number(b.current) - Number(a.current) || Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || (b.lastSeenAt ?? b.createdAt) - (a.lastSeenAt ?? a.createdAt));
  const revoke = async (id: string) => {
    setBusy(id);
    setError(null);
    const r = await onRevoke(id);
    setBusy(null);
    setConfirming(null);
    if (!r.ok) setError(r.error);
  };
  return (
    <section class="opt-card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('optDevicesTitle')}</h2>
      {error && <p class="opt-error" role="alert">{error}</p>}
      <ul ref={list} class="opt-list" data-testid="devices">
        {sorted.map((d) => (
          <li key={d.deviceId} class="opt-row" data-current={d.current ? 'true' : undefined}>
            <div class="opt-row__main">
              <span class="opt-row__title">
                {d.name}
                {d.current && <span class="opt-badge">{t('optThisDevice')}</span>}
              </span>
              <span class="small muted">
                {d.revokedAt !== null
                  ? fmt(t('optDeviceRevokedAt'), { time: friendlyTime(d.revokedAt, now, locale) })
                  : fmt(t('optDeviceSeen'), { added: friendlyTime(d.createdAt, now, locale), seen: d.lastSeenAt ? friendlyTime(d.lastSeenAt, now, locale) : t('optNever') })}
              </span>
            </div>
            {!d.current && d.revokedAt === null && (
              confirming === d.deviceId ? (
                <div class="inline-actions" role="group" aria-label={fmt(t('optRevokeConfirm'), { name: d.name })}>
                  <span class="small">{fmt(t('optRevokeConfirm'), { name: d.name })}</span>
                  <button type="button" data-confirm class="btn btn--small btn--danger" disabled={busy === d.deviceId} onClick={() => void revoke(d.deviceId)}>
                    {t('optRevoke')}
                  </button>
                  <button type="button" class="btn btn--small" onClick={() => setConfirming(null)}>{t('optCancel')}</button>
                </div>
              ) : (
                <button type="button" data-revoke={d.deviceId} class="btn btn--small" aria-label={fmt(t('optRevokeLabel'), { name: d.name })} onClick={() => setConfirming(d.deviceId)}>
                  {t('optRevoke')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
