import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';

/** Which form is shown. */
export type AccountMode = 'sign-in' | 'create';

/** What the learner entered (trimmed, except the password). */
export interface AccountValues {
  email: string;
  password: string;
  /** only for `create` */
  displayName: string;
  deviceName: string;
}

/** Props of {@link AccountForm}. */
export interface AccountFormProps {
  /** The server being signed in to (shown, so the learner knows where the password goes). */
  serverUrl: string;
  /** Prefill of the device name, e.g. "Chrome on Linux". */
  defaultDeviceName: string;
  /** Called with valid values only (see {@link validateAccount}). */
  onSubmit: (mode: AccountMode, values: AccountValues) => void;
  /** "Change server" */
  onChangeServer: () => void;
  busy: boolean;
  /** Why the last attempt failed, in words (announced). */
  error: string | null;
  t: Translate;
  /** Tab shown first; default `sign-in`. */
  initialMode?: AccountMode;
}

/** Minimum password length for a new account (lib/schema/api `Password`). */
export const MIN_PASSWORD = 8;

type FieldErrors = Partial<Record<keyof AccountValues, string>>;

/** Field problems of `v` for `mode` (empty object = valid). Pure. */
export function validateAccount(mode: AccountMode, v: AccountValues, t: Translate): FieldErrors {
  const errs: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errs.email = t('optEmailInvalid');
  if (mode === 'create' && v.password.length < MIN_PASSWORD) errs.password = fmt(t('optPasswordShort'), { n: MIN_PASSWORD });
  if (mode === 'sign-in' && v.password.length === 0) errs.password = t('optPasswordMissing');
  if (mode === 'create' && !v.displayName) errs.displayName = t('optDisplayNameMissing');
  if (!v.deviceName) errs.deviceName = t('optDeviceNameMissing');
  return errs;
}

/**
 * Step 2: sign in, or create an account, as two tabs (arrow keys move between them). Email,
 * password (at least 8 characters for a new account), display name (new account) and this
 * device's name. Field errors are tied to their fields; the first wrong field gets focus.
 */
export function AccountForm({ serverUrl, defaultDeviceName, onSubmit, onChangeServer, busy, error, t, initialMode = 'sign-in' }: AccountFormProps) {
  const [mode, setMode] = useState<AccountMode>(initialMode);
  const [v, setV] = useState<AccountValues>({ email: '', password: '', displayName: '', deviceName: defaultDeviceName });
  const [errs, setErrs] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);
  const tabs = { 'sign-in': useRef<HTMLButtonElement>(null), create: useRef<HTMLButtonElement>(null) };

  useEffect(() => {
    const firstBad = Object.keys(errs)[0];
    if (firstBad) form.current?.querySelector<HTMLInputElement>(`[name="${firstBad}"]`)?.focus();
  }, [errs]);

  const set = (k: keyof AccountValues) => (e: Event) => setV({ ...v, [k]: (e.currentTarget as HTMLInputElement).value });
  const pick = (m: AccountMode) => {
    setMode(m);
    setErrs({});
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next: AccountMode = e.key === 'Home' ? 'sign-in' : e.key === 'End' ? 'create' : mode === 'sign-in' ? 'create' : 'sign-in';
    pick(next);
    tabs[next].current?.focus();
  };
  const field = (k: keyof AccountValues, label: string, type: 'email' | 'password' | 'text', autoComplete: string, help?: string) => (
    <div class="field">
      <label class="field__label" for={`acct-${k}`}>{label}</label>
      <input
        id={`acct-${k}`}
        name={k}
        class="input"
        // preact's input types are a union per `type`; one field helper serves text, email and password.
        type={type as 'text'}
        autoComplete={autoComplete}
        value={v[k]}
        aria-invalid={errs[k] ? 'true' : undefined}
        aria-describedby={[help ? `acct-${k}-help` : '', errs[k] ? `acct-${k}-error` : ''].filter(Boolean).join(' ') || undefined}
        onInput={set(k)}
        required
      />
      {help && <span id={`acct-${k}-help`} class="small muted">{help}</span>}
      {errs[k] && <span id={`acct-${k}-error`} class="opt-error">{errs[k]}</span>}
    </div>
  );

  return (
    <section class="opt-card" aria-labelledby="account-title">
      <h2 id="account-title" tabIndex={-1}>{t('optAccountTitle')}</h2>
      <p class="muted">
        {fmt(t('optAccountServer'), { server: serverUrl })}{' '}
        <button type="button" class="btn btn--ghost btn--small btn--link" onClick={onChangeServer}>{t('optChangeServer')}</button>
      </p>
      <div class="opt-tabs" role="tablist" aria-label={t('optAccountTitle')}>
        {(['sign-in', 'create'] as const).map((m) => (
          <button
            key={m}
            ref={tabs[m]}
            type="button"
            role="tab"
            id={`tab-${m}`}
            class="opt-tab"
            aria-selected={mode === m ? 'true' : 'false'}
            aria-controls="account-panel"
            tabIndex={mode === m ? 0 : -1}
            onClick={() => pick(m)}
            onKeyDown={onTabKey}
          >
            {t(m === 'sign-in' ? 'optTabSignIn' : 'optTabCreate')}
          </button>
        ))}
      </div>
      <div id="account-panel" role="tabpanel" aria-labelledby={`tab-${mode}`}>
      <form
        ref={form}
        aria-labelledby={`tab-${mode}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          const clean = { ...v, email: v.email.trim(), displayName: v.displayName.trim(), deviceName: v.deviceName.trim() };
          const found = validateAccount(mode, clean, t);
          setErrs(found);
          if (Object.keys(found).length === 0) onSubmit(mode, clean);
        }}
      >
        {field('email', t('optEmail'), 'email', 'username')}
        {field('password', t('optPassword'), 'password', mode === 'create' ? 'new-password' : 'current-password', mode === 'create' ? fmt(t('optPasswordHelp'), { n: MIN_PASSWORD }) : undefined)}
        {mode === 'create' && field('displayName', t('optDisplayName'), 'text', 'name', t('optDisplayNameHelp'))}
        {field('deviceName', t('optDeviceName'), 'text', 'off', t('optDeviceNameHelp'))}
        {error && (
          <p class="opt-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn--primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
          {busy ? t('optWorking') : t(mode === 'sign-in' ? 'optSignInButton' : 'optCreateButton')}
        </button>
      </form>
      </div>
    </section>
  );
}
