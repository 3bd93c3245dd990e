import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';

/** Props of {@link ReportSection}. */
export interface ReportSectionProps {
  /** The supported-site tab a report would start in (the most recent one), or null when none is open. */
  tab: { title: string; siteName: string } | null;
  /** Starts the report in that tab; resolves to null when the picker opened there, else why not. */
  onReport: () => Promise<string | null>;
  t: Translate;
}

/**
 * The options page's "Report a page" (issue 9 part 3): what a report is for, what the file holds
 * and that nothing is sent, and a button for the most recent LinkedIn, X or Viva Engage tab (or
 * how to start one from the popup when no such tab is open).
 */
export function ReportSection({ tab, onReport, t }: ReportSectionProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  const start = async () => {
    setBusy(true);
    setResult(null);
    try {
      const error = await onReport();
      setResult(error === null ? { ok: true } : { ok: false, error });
    } catch (e) {
      setResult({ ok: false, error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="opt-card" aria-labelledby="report-title" data-testid="report-section">
      <h2 id="report-title">{t('reportSectionTitle')}</h2>
      <p>{t('reportSectionIntro')}</p>
      <p>{t('reportSectionShared')}</p>
      {tab ? (
        <div class="inline-actions">
          <button type="button" class="btn" disabled={busy} onClick={() => void start()}>
            {fmt(t('reportSectionButton'), { site: tab.siteName, title: tab.title })}
          </button>
        </div>
      ) : (
        <p class="muted">{t('reportSectionNoTab')}</p>
      )}
      {result?.ok ? <p class="opt-notice" role="status">{t('reportSectionStarted')}</p> : null}
      {result && !result.ok ? <p class="opt-error" role="alert">{fmt(t('reportStartFailed'), { error: result.error })}</p> : null}
    </section>
  );
}
