import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';

/** Props of {@link ServerForm}. */
export interface ServerFormProps {
  /** The saved server address, if any (prefills the field when it mounts). */
  initialUrl: string | null;
  /**
   * Called synchronously on submit with the trimmed text (still inside the click/submit gesture,
   * so the container can ask for the host permission before any `await`).
   */
  onConnect: (url: string) => void;
  /** A check is running (disables the button). */
  busy: boolean;
  /** The button's words while busy (default "Checking…"), e.g. while the browser's permission prompt is open. */
  busyText?: string;
  /** Why the last attempt failed, in words; focuses the field when it appears, also when an attempt ends with the same words again. */
  error: string | null;
  /** A short success line (e.g. "Connected to …"). */
  notice?: string | null;
  t: Translate;
}

/**
 * Step 1 of the options page: the sync server's address (https://…, or http:// for localhost and
 * 127.0.0.1). Labelled field with help text; the error is tied to the field (`aria-invalid`,
 * `aria-describedby`) and announced.
 */
export function ServerForm({ initialUrl, onConnect, busy, busyText, error, notice, t }: ServerFormProps) {
  const [url, setUrl] = useState(initialUrl ?? '');
  // Counts submits: a refusal with the same words as the last one does not change `error`, and
  // focus must still leave the button for the field (issue 12: "http://" after "not a url").
  const [tries, setTries] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error, tries]);
  return (
    <form
      class="opt-form"
      aria-labelledby="server-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        setTries((n) => n + 1);
        onConnect(url.trim());
      }}
    >
      <h2 id="server-title" tabIndex={-1}>{t('optServerTitle')}</h2>
      <p class="muted">{t('optServerIntro')}</p>
      <div class="field">
        <label class="field__label" for="server-url">{t('optServerLabel')}</label>
        <input
          ref={input}
          id="server-url"
          class="input"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder="https://satchel.example.org"
          value={url}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'server-help server-error' : 'server-help'}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
        />
        <span id="server-help" class="small muted">{t('optServerHelp')}</span>
        {error && (
          <span id="server-error" class="opt-error" role="alert">
            {error}
          </span>
        )}
        {notice && !error && <span class="field__status" role="status">{notice}</span>}
      </div>
      <button type="submit" class="btn btn--primary" disabled={busy || !url.trim()} aria-busy={busy ? 'true' : undefined}>
        {busy ? busyText ?? t('optServerChecking') : t('optServerConnect')}
      </button>
    </form>
  );
}
