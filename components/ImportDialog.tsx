import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import { Modal } from './Modal';

/** One problem in an import file: where (1-based line, field path) and what. */
export interface ImportProblem {
  line: number | null;
  field: string | null;
  message: string;
}

/** What a dry run found: captures to add, update and skip (already identical), or problems. */
export interface ImportReport {
  fileName: string;
  added: number;
  updated: number;
  skipped: number;
  collections: number;
  /** Non-empty: the file is refused and nothing will be imported. */
  problems: ImportProblem[];
}

/** Props of {@link ImportDialog}. */
export interface ImportDialogProps {
  /** Dry-run result of the chosen file, or null before a file is chosen. */
  report: ImportReport | null;
  /** True while the dry run reads the file. */
  checking: boolean;
  progress: { done: number; total: number } | null;
  finished: string | null;
  error: string | null;
  onFile: (file: File) => void;
  onImport: () => void;
  onClose: () => void;
  t: Translate;
  locale?: string;
}

/**
 * Import a Satchel JSON file: choose it, read the dry-run report (what will be added, updated or
 * skipped; or each problem with its line and field, in which case nothing is imported), then import
 * with a progress bar.
 */
export function ImportDialog(p: ImportDialogProps) {
  const { t, locale, report: r } = p;
  const refused = !!r && r.problems.length > 0;
  const running = !!p.progress && !p.finished && !p.error;
  return (
    <Modal title={t('importTitle')} onClose={p.onClose} t={t} testId="import-dialog">
      <label class="field">
        <span class="field__label">{t('importChoose')}</span>
        <input
          type="file"
          class="input"
          accept=".json,application/json"
          data-testid="import-file"
          disabled={running}
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) p.onFile(f);
          }}
        />
      </label>
      {p.checking ? <p role="status">{t('importChecking')}</p> : null}
      {r ? (
        <section class="report" aria-label={t('importReport')} data-testid="import-report">
          <h3 dir="auto">{r.fileName}</h3>
          {refused ? (
            <div role="alert" class="error">
              <p>{t('importRefused')}</p>
              <ul class="problems" data-testid="import-problems">
                {r.problems.slice(0, 50).map((x, i) => (
                  <li key={i}>
                    {x.line !== null ? <strong>{fmt(t('importLine'), { line: x.line }, locale)} </strong> : null}
                    {x.field ? <code>{x.field}</code> : null} {x.message}
                  </li>
                ))}
              </ul>
              {r.problems.length > 50 ? <p>{fmt(t('importMoreProblems'), { count: r.problems.length - 50 }, locale)}</p> : null}
            </div>
          ) : (
            <dl class="report__counts">
              <dt>{t('importAdded')}</dt><dd data-testid="import-added">{r.added.toLocaleString(locale)}</dd>
              <dt>{t('importUpdated')}</dt><dd data-testid="import-updated">{r.updated.toLocaleString(locale)}</dd>
              <dt>{t('importSkipped')}</dt><dd data-testid="import-skipped">{r.skipped.toLocaleString(locale)}</dd>
              <dt>{t('importCollections')}</dt><dd>{r.collections.toLocaleString(locale)}</dd>
            </dl>
          )}
        </section>
      ) : null}
      {p.progress ? (
        <div class="progress">
          <progress max={Math.max(p.progress.total, 1)} value={p.progress.done} aria-label={t('importProgress')} data-testid="import-progress" />
          <span>{fmt(t('progressOf'), { done: p.progress.done, total: p.progress.total }, locale)}</span>
        </div>
      ) : null}
      {p.finished ? <p role="status" data-testid="import-done">{p.finished}</p> : null}
      {p.error ? <p role="alert" class="error">{p.error}</p> : null}
      <div class="modal__actions">
        <button type="button" class="btn btn--primary" disabled={!r || refused || running || !!p.finished || r.added + r.updated === 0} onClick={p.onImport} data-testid="import-start">
          {t('importStart')}
        </button>
        <button type="button" class="btn" onClick={p.onClose}>{t('dialogClose')}</button>
      </div>
    </Modal>
  );
}
