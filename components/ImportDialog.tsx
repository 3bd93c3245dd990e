import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import { Modal } from './Modal';
import './transfer.css';

/** One problem in an import file: where (1-based line, else the field's JSON path) and what, as a sentence; the field is shown when there is no line, or when it is a JSON path (see JSON_PATH). */
export interface ImportProblem {
  line: number | null;
  field: string | null;
  message: string;
}

/** What a dry run found: captures to add, update and skip (already identical), or problems. */
export interface ImportReport {
  fileName: string;
  /** The tool the file came from, in words ("Raindrop.io (CSV backup)"); null when not recognised. */
  source: string | null;
  added: number;
  updated: number;
  skipped: number;
  /** Collections the import creates. */
  collections: number;
  /** Tags the import creates (new to the library). */
  tags: number;
  /** Non-empty: the file is refused and nothing will be imported. */
  problems: ImportProblem[];
  /** Rows of another tool's export left out (no web address); the rest import. */
  leftOut: ImportProblem[];
}

/**
 * A field that is a JSON path (`captures[0].platform`) is shown even beside a line number: the
 * message alone ("Invalid option") does not say which field. A plain column or attribute name ("url",
 * "href") is already named by the other tools' messages ("the url column is empty").
 */
const JSON_PATH = /[.[]/;

/** At most this many problems are listed (the count of the rest follows). */
const SHOWN = 50;

/** A scrollable list of problems: a tab stop with a name, so keyboard users can scroll it (issue 12). */
function ProblemList({ items, label, testId, t, locale }: { items: ImportProblem[]; label: string; testId: string; t: Translate; locale?: string }) {
  return (
    <>
      <div class="problems" role="region" aria-label={label} tabIndex={0} data-testid={testId}>
        <ul>
          {items.slice(0, SHOWN).map((x, i) => (
            <li key={i}>
              {x.line !== null ? <strong>{fmt(t('importLine'), { line: x.line }, locale)}</strong> : null}
              {x.line !== null ? ' ' : null}
              {x.field && (x.line === null || JSON_PATH.test(x.field)) ? <><code>{x.field}</code>{': '}</> : null}
              {x.message}
            </li>
          ))}
        </ul>
      </div>
      {items.length > SHOWN ? <p>{fmt(t('importMoreProblems'), { count: items.length - SHOWN }, locale)}</p> : null}
    </>
  );
}

/** Props of {@link ImportDialog}. */
export interface ImportDialogProps {
  /** Dry-run result of the chosen file, or null before a file is chosen. */
  report: ImportReport | null;
  /** True while the dry run reads the file. */
  checking: boolean;
  progress: { done: number; total: number } | null;
  /** True from Import until the first chunk is stored (the file is saved as a job and planned first): "Preparing the import…". */
  preparing?: boolean;
  finished: string | null;
  error: string | null;
  onFile: (file: File) => void;
  onImport: () => void;
  onClose: () => void;
  t: Translate;
  locale?: string;
}

/**
 * Import a file: a Satchel JSON export or another tool's export (Raindrop, Pocket, Instapaper,
 * Omnivore, Karakeep, Linkwarden, browser bookmarks). Choose it, read the dry-run report (which
 * tool it came from; captures to add, update or skip; collections and tags it creates; rows left
 * out; or each problem with its line or field, in which case nothing is imported), then import with
 * a progress bar.
 */
export function ImportDialog(p: ImportDialogProps) {
  const { t, locale, report: r } = p;
  const refused = !!r && r.problems.length > 0;
  const running = (!!p.progress || !!p.preparing) && !p.finished && !p.error;
  const nothing = !!r && !refused && r.added + r.updated === 0;
  return (
    <Modal title={t('importTitle')} onClose={p.onClose} t={t} testId="import-dialog">
      <label class="field">
        <span class="field__label">{t('importChoose')}</span>
        <input
          type="file"
          class="input"
          aria-describedby="import-file-hint"
          accept=".json,.csv,.html,.htm,application/json,text/csv,text/html"
          data-testid="import-file"
          disabled={running}
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) p.onFile(f);
          }}
        />
      </label>
      <p class="muted" id="import-file-hint">{t('importChooseHint')}</p>
      {p.checking ? <p role="status">{t('importChecking')}</p> : null}
      {r ? (
        <section class="report" aria-label={t('importReport')} data-testid="import-report">
          <h3 dir="auto">{r.fileName}</h3>
          {r.source ? <p class="report__source" data-testid="import-source">{fmt(t('importFrom'), { tool: r.source }, locale)}</p> : null}
          {refused ? (
            <div role="alert" class="error">
              <p>{t('importRefused')}</p>
              <ProblemList items={r.problems} label={t('importProblemsLabel')} testId="import-problems" t={t} locale={locale} />
            </div>
          ) : (
            <>
              <dl class="report__counts">
                <dt>{t('importAdded')}</dt><dd data-testid="import-added">{r.added.toLocaleString(locale)}</dd>
                <dt>{t('importUpdated')}</dt><dd data-testid="import-updated">{r.updated.toLocaleString(locale)}</dd>
                <dt>{t('importSkipped')}</dt><dd data-testid="import-skipped">{r.skipped.toLocaleString(locale)}</dd>
                <dt>{t('importCollections')}</dt><dd data-testid="import-collections">{r.collections.toLocaleString(locale)}</dd>
                <dt>{t('importTags')}</dt><dd data-testid="import-tags">{r.tags.toLocaleString(locale)}</dd>
              </dl>
              {nothing && (r.skipped > 0 || !r.leftOut.length) ? (
                <p data-testid="import-nothing">
                  {r.skipped > 0 ? t('importNothingNew') : r.source ? fmt(t('importNoBookmarksFrom'), { tool: r.source }, locale) : t('importNoBookmarks')}
                </p>
              ) : null}
              {r.leftOut.length ? (
                <>
                  <p>{fmt(t('importLeftOut'), { count: r.leftOut.length }, locale)}</p>
                  <ProblemList items={r.leftOut} label={t('importLeftOutLabel')} testId="import-left-out" t={t} locale={locale} />
                </>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      {p.preparing && !p.error ? (
        <div class="progress">
          <progress aria-label={t('importProgress')} data-testid="import-progress" />
          <span role="status">{t('importPreparing')}</span>
        </div>
      ) : p.progress ? (
        <div class="progress">
          <progress max={Math.max(p.progress.total, 1)} value={p.progress.done} aria-label={t('importProgress')} data-testid="import-progress" />
          <span>{fmt(t('progressOf'), { done: p.progress.done, total: p.progress.total }, locale)}</span>
        </div>
      ) : null}
      {p.finished ? <p role="status" data-testid="import-done">{p.finished}</p> : null}
      {p.error ? <p role="alert" class="error">{p.error}</p> : null}
      <div class="modal__actions">
        <button type="button" class="btn btn--primary" disabled={!r || refused || running || !!p.finished || nothing} onClick={p.onImport} data-testid="import-start">
          {t('importStart')}
        </button>
        <button type="button" class="btn" onClick={p.onClose}>{t('dialogClose')}</button>
      </div>
    </Modal>
  );
}
