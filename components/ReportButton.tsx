import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';

/** Props of {@link ReportButton}. */
export interface ReportButtonProps {
  /**
   * Starts the report in the page (the container injects the report UI and sends `report/start`);
   * resolves to null when the picker opened, else the reason it did not.
   */
  onReport: () => Promise<string | null>;
  t: Translate;
}

/**
 * The popup's "Report this page" (issue 9 part 3), shown only on a supported site's tab: one
 * button, a line saying what it does and that nothing is sent, and the reason when it could not start.
 */
export function ReportButton({ onReport, t }: ReportButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setError(await onReport());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="popup__report" data-testid="report-page">
      <button type="button" class="btn btn--small" aria-describedby="report-page-hint" disabled={busy} onClick={() => void start()}>
        {t('reportThisPage')}
      </button>
      <p id="report-page-hint" class="muted">{t('reportThisPageHint')}</p>
      {error ? <p class="status status--error" role="alert">{fmt(t('reportStartFailed'), { error })}</p> : null}
    </div>
  );
}
