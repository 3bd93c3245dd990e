import { useEffect, useRef, useState } from 'preact/hooks';
import type { Capture, Collection } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { ExportDialog, type ExportFormat, type ExportProgress, type ExportScope } from '../../components/ExportDialog';
import { ImportDialog, type ImportReport } from '../../components/ImportDialog';
import type { CollectionView } from '../../components/capture-view';
import { fmt } from '../../components/format';
import { downloadBlob } from '../../lib/platform/download';
import { ImportResumeBanner, type StoppedImport } from '../../components/ImportResumeBanner';
import * as data from './transfer-data';

/** Which transfer dialog is open. */
export type TransferDialog = { kind: 'export'; scope: ExportScope } | { kind: 'import' };

/** Props of {@link TransferDialogs}. */
export interface TransferDialogsProps {
  db: SatchelDb;
  dialog: TransferDialog;
  /** Captures per export scope (`colId` for 'collection'); read when the learner presses Export. */
  pick: (scope: ExportScope, colId: string | null) => Capture[];
  counts: { all: number; collection: number; filter: number; selection: number | null };
  collections: readonly CollectionView[];
  /** Stored collection rows (the export writes their names). */
  collectionRows: readonly Collection[];
  /** Collection open in the library (the export's default collection). */
  collectionId: string | null;
  /** Called once an import has stored its rows: the library reloads its captures and collections. */
  onImported: () => Promise<void>;
  onClose: () => void;
  t: Translate;
  locale?: string;
}

type ImportState = { report: ImportReport | null; checking: boolean; preparing: boolean; progress: ExportProgress | null; finished: string | null; error: string | null };
const IMPORT_IDLE: ImportState = { report: null, checking: false, preparing: false, progress: null, finished: null, error: null };

/**
 * The library's export and import dialogs with their own state (progress, result, error): a fresh
 * state each time one opens. Export downloads the files; import reads the chosen file, shows the dry
 * run, then stores it and calls {@link TransferDialogsProps.onImported}.
 */
export function TransferDialogs({ db, dialog, pick, counts, collections, collectionRows, collectionId, onImported, onClose, t, locale }: TransferDialogsProps) {
  const [exportState, setExportState] = useState<{ progress: ExportProgress | null; finished: string | null; error: string | null }>({ progress: null, finished: null, error: null });
  const [importState, setImportState] = useState<ImportState>(IMPORT_IDLE);
  const importFile = useRef<string | null>(null);
  const importName = useRef('import');

  const runExport = async (scope: ExportScope, format: ExportFormat, colId: string | null) => {
    const chosen = pick(scope, colId);
    setExportState({ progress: { done: 0, total: chosen.length }, finished: null, error: null });
    try {
      const files = await data.exportCaptures(chosen, format, collectionRows, (done, total) => setExportState((s) => ({ ...s, progress: { done, total } })), t);
      for (const f of files) downloadBlob(f.blob, f.name);
      setExportState({ progress: { done: chosen.length, total: chosen.length }, finished: fmt(t('exportDone'), { count: chosen.length, files: files.length }, locale), error: null });
    } catch (e) {
      setExportState((s) => ({ ...s, error: `${t('exportFailed')} ${e instanceof Error ? e.message : String(e)}` }));
    }
  };

  const onImportFile = async (file: File) => {
    setImportState({ ...IMPORT_IDLE, checking: true });
    try {
      const textContent = await file.text();
      importFile.current = textContent;
      importName.current = file.name;
      const report = await data.importDryRun(db, textContent, file.name, t);
      setImportState({ ...IMPORT_IDLE, report });
    } catch (e) {
      setImportState({ ...IMPORT_IDLE, error: `${t('importFailed')} ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  const runImport = async () => {
    const content = importFile.current;
    if (!content) return;
    // "Preparing the import…" until the first chunk is stored (the file is saved as a job and planned
    // first; the job reports 0 before planning), not "0 of 60,000" for seconds.
    setImportState((s) => ({ ...s, preparing: true, progress: null }));
    try {
      const out = await data.importRun(db, content, (done, total) => setImportState((s) => ({ ...s, preparing: s.preparing && done === 0, progress: { done, total } })), importName.current);
      // Stored: say so now; the list and its index catch up right after (10,000 rows take a moment).
      setImportState((s) => ({ ...s, preparing: false, finished: fmt(t('importDone'), { added: out.added, updated: out.updated }, locale) }));
      await onImported();
    } catch (e) {
      setImportState((s) => ({ ...s, preparing: false, error: `${t('importFailed')} ${e instanceof Error ? e.message : String(e)}` }));
    }
  };

  if (dialog.kind === 'import') {
    return <ImportDialog {...importState} onFile={(f) => void onImportFile(f)} onImport={() => void runImport()} onClose={onClose} t={t} locale={locale} />;
  }
  return (
    <ExportDialog
      counts={counts}
      collections={collections as CollectionView[]}
      initialScope={dialog.scope}
      initialCollection={collectionId}
      progress={exportState.progress}
      finished={exportState.finished}
      error={exportState.error}
      onExport={(s, f, c) => void runExport(s, f, c)}
      onClose={onClose}
      t={t}
      locale={locale}
    />
  );
}

/** Props of {@link ImportResumeNotice}. */
export interface ImportResumeNoticeProps {
  db: SatchelDb;
  t: Translate;
  locale?: string;
  /** Called after a resumed import stored its rows: the library reloads captures and collections. */
  onImported: () => Promise<void>;
}

type ResumeState = { job: (StoppedImport & { id: string }) | null; progress: ExportProgress | null; finished: string | null; error: string | null };

/**
 * The library's "Import of <file> stopped at 1,000 of 5,000 — Resume / Discard" (issue 12): reads
 * the stopped import once when the library opens (none while another tab is running it), resumes it
 * from the stored rows with a progress bar, or discards it. The outcome stays until Dismiss, which
 * gives focus back to the header's Import button (the finished job's rows are already deleted by
 * lib/db `runImportJob`).
 */
export function ImportResumeNotice({ db, t, locale, onImported }: ImportResumeNoticeProps) {
  const [state, setState] = useState<ResumeState>({ job: null, progress: null, finished: null, error: null });
  useEffect(() => {
    let live = true;
    data.stoppedImport(db).then(
      (job) => live && job && setState((s) => ({ ...s, job })),
      (e: unknown) => console.error('[satchel] reading the stopped import failed', e),
    );
    return () => {
      live = false;
    };
  }, [db]);
  const job = state.job;
  const resume = async () => {
    if (!job) return;
    setState((s) => ({ ...s, progress: { done: job.done, total: job.total }, error: null }));
    try {
      const out = await data.resumeImport(db, job.id, (done, total) => setState((s) => ({ ...s, progress: { done, total } })));
      setState((s) => ({ ...s, job: null, finished: fmt(t('importResumed'), { file: job.fileName, added: out.added, updated: out.updated }, locale) }));
      await onImported();
    } catch (e) {
      setState((s) => ({ ...s, progress: null, error: `${t('importFailed')} ${e instanceof Error ? e.message : String(e)}` }));
    }
  };
  const discard = async () => {
    if (!job) return;
    await data.discardStoppedImport(db, job.id);
    setState({ job: null, progress: null, finished: null, error: null });
    // The banner is gone with the button that had focus: the library's main region takes it.
    document.querySelector<HTMLElement>('main')?.focus();
  };
  const dismiss = () => {
    setState({ job: null, progress: null, finished: null, error: null });
    // The banner is gone: focus goes back to where imports start (the library header's Import).
    (document.querySelector<HTMLElement>('[data-testid="open-import"]') ?? document.querySelector<HTMLElement>('main'))?.focus();
  };
  return <ImportResumeBanner job={job} progress={state.progress} finished={state.finished} error={state.error} onResume={() => void resume()} onDiscard={() => void discard()} onDismiss={dismiss} t={t} locale={locale} />;
}
