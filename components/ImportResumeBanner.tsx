import { useRef } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import './transfer.css';

/** An import that stopped part way: its file and how far it got. */
export interface StoppedImport {
  fileName: string;
  done: number;
  total: number;
}

/** Props of {@link ImportResumeBanner}. */
export interface ImportResumeBannerProps {
  /** The stopped import, or null: the banner renders nothing (unless a resume just finished or failed). */
  job: StoppedImport | null;
  /** Rows stored so far while a resume runs; null before Resume is pressed. */
  progress: { done: number; total: number } | null;
  /** Set once a resume finished ("Import of … finished: …"). */
  finished: string | null;
  error: string | null;
  onResume: () => void;
  onDiscard: () => void;
  /** Closes the banner once nothing is left to resume (after a finished resume, or an error with no job). */
  onDismiss: () => void;
  t: Translate;
  locale?: string;
}

/**
 * The library's notice of an import that stopped part way (issue 12): "Import of <file> stopped at
 * 1,000 of 5,000." with Resume (finishes it from the stored rows, without the file) and Discard
 * (forgets it; what was stored stays); a progress bar while it resumes, then the outcome. Resume
 * moves focus to the banner itself (its buttons give way to the progress bar); after Discard the
 * container moves it on, as the banner is gone. Once nothing is left to resume (finished, or an error
 * with no job) it offers Dismiss ({@link ImportResumeBannerProps.onDismiss}).
 */
export function ImportResumeBanner({ job, progress, finished, error, onResume, onDiscard, onDismiss, t, locale }: ImportResumeBannerProps) {
  const box = useRef<HTMLElement>(null);
  if (!job && !finished && !error) return null;
  const running = progress !== null && !finished && !error;
  return (
    <section ref={box} tabIndex={-1} class="import-banner" role="region" aria-label={t('importBannerLabel')} data-testid="import-resume-banner">
      {finished ? (
        <p role="status" data-testid="import-resume-done">{finished}</p>
      ) : job ? (
        running ? (
          <div class="progress">
            <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('importProgress')} data-testid="import-resume-progress" />
            <span role="status">{fmt(t('importResuming'), { file: job.fileName, done: progress.done, total: progress.total }, locale)}</span>
          </div>
        ) : (
          <>
            <p dir="auto" data-testid="import-resume-text">{fmt(t('importStopped'), { file: job.fileName, done: job.done, total: job.total }, locale)}</p>
            <div class="import-banner__actions">
              <button type="button" class="btn btn--primary" onClick={() => {
                  // The buttons give way to a progress bar: keep focus in the banner, which then says the outcome.
                  box.current?.focus();
                  onResume();
                }}
                data-testid="import-resume">{t('importResume')}</button>
              <button type="button" class="btn" onClick={onDiscard} data-testid="import-discard">{t('importDiscard')}</button>
            </div>
          </>
        )
      ) : null}
      {error ? <p role="alert" class="error">{error}</p> : null}
      {finished || !job ? (
        <div class="import-banner__actions">
          <button type="button" class="btn" onClick={onDismiss} data-testid="import-banner-dismiss">{t('importBannerDismiss')}</button>
        </div>
      ) : null}
    </section>
  );
}
