import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import { Modal } from './Modal';
import type { CollectionView } from './capture-view';

/** What to export. */
export type ExportScope = 'all' | 'collection' | 'filter' | 'selection';
/** Export file formats: lossless JSON, Markdown (one Obsidian note per capture, zipped), CSV (one row per capture). */
export type ExportFormat = 'json' | 'markdown' | 'csv';

/** Progress of a running export: `done` of `total` captures written. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  /** Captures per scope (null: that scope is not available now, e.g. no selection). */
  counts: Record<ExportScope, number | null>;
  collections: readonly CollectionView[];
  /** Scope chosen when the dialog opens. */
  initialScope?: ExportScope;
  initialCollection?: string | null;
  /** null before start; then progress; `finished` shows the result message. */
  progress: ExportProgress | null;
  finished: string | null;
  error: string | null;
  onExport: (scope: ExportScope, format: ExportFormat, collectionId: string | null) => void;
  onClose: () => void;
  t: Translate;
  locale?: string;
}

/**
 * Export dialog: choose what (all, a collection, the current filter, the selection) and the format
 * (JSON, Markdown, CSV), then a progress bar while the file is written, and the outcome.
 */
export function ExportDialog(p: ExportDialogProps) {
  const { t, locale } = p;
  const [scope, setScope] = useState<ExportScope>(p.initialScope ?? 'all');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [col, setCol] = useState<string>(p.initialCollection ?? p.collections[0]?.id ?? '');
  const running = p.progress !== null && !p.finished && !p.error;
  const SCOPES: Array<[ExportScope, string]> = [
    ['all', 'exportScopeAll'],
    ['collection', 'exportScopeCollection'],
    ['filter', 'exportScopeFilter'],
    ['selection', 'exportScopeSelection'],
  ];
  const FORMATS: Array<[ExportFormat, string]> = [
    ['json', 'exportFormatJson'],
    ['markdown', 'exportFormatMarkdown'],
    ['csv', 'exportFormatCsv'],
  ];
  return (
    <Modal title={t('exportTitle')} onClose={p.onClose} t={t} testId="export-dialog">
      <form onSubmit={(e) => { e.preventDefault(); if (!running) p.onExport(scope, format, scope === 'collection' ? col || null : null); }}>
        <fieldset class="facet">
          <legend>{t('exportWhat')}</legend>
          {SCOPES.map(([v, key]) => {
            const n = p.counts[v];
            const disabled = n === null || (v === 'collection' && p.collections.length === 0);
            return (
              <label key={v} class="check">
                <input type="radio" name="export-scope" value={v} checked={scope === v} disabled={disabled} onChange={() => setScope(v)} />
                <span class="check__label">{t(key)}</span>
                {n !== null && v !== 'collection' ? <span class="count">{fmt(t('captureCount'), { count: n }, locale)}</span> : null}
              </label>
            );
          })}
          {scope === 'collection' ? (
            <label class="field">
              <span class="field__label">{t('exportWhichCollection')}</span>
              <select class="input" value={col} onChange={(e) => setCol((e.currentTarget as HTMLSelectElement).value)}>
                {p.collections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </label>
          ) : null}
        </fieldset>
        <fieldset class="facet">
          <legend>{t('exportFormat')}</legend>
          {FORMATS.map(([v, key]) => (
            <label key={v} class="check">
              <input type="radio" name="export-format" value={v} checked={format === v} onChange={() => setFormat(v)} />
              <span class="check__label">{t(key)}</span>
            </label>
          ))}
        </fieldset>
        {p.progress ? (
          <div class="progress">
            <progress max={Math.max(p.progress.total, 1)} value={p.progress.done} aria-label={t('exportProgress')} data-testid="export-progress" />
            <span>{fmt(t('progressOf'), { done: p.progress.done, total: p.progress.total }, locale)}</span>
          </div>
        ) : null}
        {p.finished ? <p role="status" data-testid="export-done">{p.finished}</p> : null}
        {p.error ? <p role="alert" class="error">{p.error}</p> : null}
        <div class="modal__actions">
          <button type="submit" class="btn btn--primary" disabled={running} data-testid="export-start">{t('exportStart')}</button>
          <button type="button" class="btn" onClick={p.onClose}>{t('dialogClose')}</button>
        </div>
      </form>
    </Modal>
  );
}
