/**
 * The library's export and import over the data layer (lib/export, lib/import, lib/db import and
 * import jobs): what entrypoints/library/transfer.tsx calls. data.ts re-exports the functions its
 * callers used before (issue 12 moved them here).
 *
 * The Markdown writer (mdast, yaml, fflate) and the readers of other tools' files (papaparse) load
 * only when an export or import needs them, so the library opens without them.
 */
import type { Capture, Collection } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import { planImport, countNewTags } from '../../lib/db/import';
import { policyFor } from '../../lib/db/import-merge';
import { startImportJob, runImportJob, unfinishedImport, discardImport, type ImportJobStatus } from '../../lib/db/import-jobs';
import { exportJson } from '../../lib/export/json';
import { exportCsv } from '../../lib/export/csv';
import type { ImportFormat, ReadImport } from '../../lib/import';
import type { ImportReport } from '../../components/ImportDialog';
import type { Translate } from '../../lib/util/i18n';

/** One file to download. */
export interface ExportFile {
  name: string;
  blob: Blob;
}

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Writes `captures` as `format` files, calling `onProgress(done, total)` as it goes: one JSON file,
 * one CSV file, or the Markdown notes (one per capture) in one `.zip`. `t` gives the intent labels
 * of the Markdown front matter in the learner's language.
 */
export async function exportCaptures(captures: readonly Capture[], format: 'json' | 'markdown' | 'csv', collections: readonly Collection[], onProgress: (done: number, total: number) => void, t?: Translate): Promise<ExportFile[]> {
  if (format === 'json') {
    const text = await exportJson(captures, collections, { onProgress });
    return [{ name: `satchel-${stamp()}.json`, blob: new Blob([text], { type: 'application/json' }) }];
  }
  if (format === 'csv') {
    const text = await exportCsv(captures, collections, { onProgress });
    // BOM so spreadsheet apps read UTF-8.
    return [{ name: `satchel-${stamp()}.csv`, blob: new Blob(['\ufeff', text], { type: 'text/csv' }) }];
  }
  const [{ exportMarkdown }, { zipFiles }] = await Promise.all([import('../../lib/export/markdown'), import('../../lib/export/zip')]);
  const intentLabels = t ? { tip: t('intentTip'), 'job-aid': t('intentJobAid'), question: t('intentQuestion'), share: t('intentShare') } : undefined;
  const notes = await exportMarkdown(captures, collections, { onProgress, intentLabels });
  const folder = `Satchel ${stamp()}`;
  return [{ name: `satchel-${stamp()}-markdown.zip`, blob: new Blob([zipFiles(notes, folder) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) }];
}

/** The messages.json key naming each format's tool. */
const TOOL_KEYS: Record<ImportFormat, string> = {
  satchel: 'importToolSatchel',
  raindrop: 'importToolRaindrop',
  'pocket-csv': 'importToolPocketCsv',
  'pocket-html': 'importToolPocketHtml',
  instapaper: 'importToolInstapaper',
  omnivore: 'importToolOmnivore',
  karakeep: 'importToolKarakeep',
  linkwarden: 'importToolLinkwarden',
  netscape: 'importToolNetscape',
};

/** The file the last dry run read, so the import that follows does not read and check it again. */
let lastRead: { text: string; read: ReadImport } | null = null;
const readOnce = async (text: string) => {
  if (lastRead?.text !== text) lastRead = { text, read: (await import('../../lib/import')).readImportFile(text) };
  return lastRead.read;
};

const asProblem = (p: { line: number | null; path: string | null; message: string }) => ({ line: p.line, field: p.path, message: p.message });

/**
 * Reads `text` (any format Satchel imports, detected from the content) and plans the import:
 * nothing is written. `t` names the tool (default: English names from messages.json keys).
 */
export async function importDryRun(db: SatchelDb, text: string, fileName: string, t?: Translate): Promise<ImportReport> {
  const read = await readOnce(text);
  const source = read.format ? (t ? t(TOOL_KEYS[read.format]) : read.format) : null;
  if (!read.ok) return { fileName, source, added: 0, updated: 0, skipped: 0, collections: 0, tags: 0, problems: read.problems.map(asProblem), leftOut: [] };
  const plan = await planImport(db, read.data, { policy: policyFor(read.format) });
  return { fileName, source, added: plan.captures.add, updated: plan.captures.update, skipped: plan.captures.skip, collections: plan.collections.add, tags: await countNewTags(db, read.data), problems: [], leftOut: read.skipped.map(asProblem) };
}

/** The Web Lock held while an import stores rows, so another tab does not offer to resume it meanwhile. */
const LOCK = 'satchel-import';
const withLock = <T>(fn: () => Promise<T>): Promise<T> => (typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(LOCK, fn) as Promise<T>) : fn());

/**
 * Imports `text` (read again only if the dry run read another file): saves it as an import job
 * first, so an interrupted import can be resumed from the library, then stores it chunk by chunk.
 */
export async function importRun(db: SatchelDb, text: string, onProgress: (done: number, total: number) => void, fileName = 'import'): Promise<{ added: number; updated: number }> {
  const read = await readOnce(text);
  lastRead = null;
  if (!read.ok) throw new Error(read.problems[0]?.message ?? 'not a file Satchel can import');
  return withLock(async () => {
    const id = await startImportJob(db, { fileName, format: read.format, data: read.data });
    const r = await runImportJob(db, id, { onProgress });
    return { added: r.captures.add, updated: r.captures.update };
  });
}

/** The import that stopped part way, or null (none, or it is running in another tab right now). */
export async function stoppedImport(db: SatchelDb): Promise<ImportJobStatus | null> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    const held = await navigator.locks.query();
    if (held.held?.some((l) => l.name === LOCK)) return null;
  }
  return unfinishedImport(db);
}

/** Finishes a stopped import from its stored rows (no file needed); progress counts the whole file. */
export function resumeImport(db: SatchelDb, id: string, onProgress: (done: number, total: number) => void): Promise<{ added: number; updated: number }> {
  return withLock(async () => {
    const r = await runImportJob(db, id, { onProgress });
    return { added: r.captures.add, updated: r.captures.update };
  });
}

/** Forgets a stopped import; what it stored stays. */
export function discardStoppedImport(db: SatchelDb, id: string): Promise<void> {
  return discardImport(db, id);
}
