/**
 * Imports that survive an interruption (issue 12; docs/import-export.md "Resuming"). An import first
 * stores its rows, already read and checked, in `importRows` (blocks of {@link IMPORT_BLOCK}) with a job in `importJobs` (file name,
 * format, total, done); then it stores the captures chunk by chunk through {@link applyImport},
 * moving `done` on after each chunk. When the tab closes or the browser stops half-way, the job is
 * still there: the library offers "Resume" (no need to choose the file again) or "Discard".
 *
 * Why resuming never duplicates: `applyImport` matches every row by id and by post key first, so a
 * chunk that was stored but not yet counted in `done` is skipped the second time, and a chunk whose
 * transaction was cut off left nothing behind.
 */
import type { SatchelExport } from '../schema';
import { EXPORT_VERSION } from '../schema';
import { newId } from '../util/uuid';
import { systemClock } from '../util/clock';
import { LOCAL_SCOPE, type ImportJobRow, type SatchelDb } from './database';
import { applyImport, type ImportCounts, type ImportOptions } from './import';
import { policyFor } from './import-merge';

/** What the library shows of an unfinished import. */
export interface ImportJobStatus {
  id: string;
  fileName: string;
  format: string;
  total: number;
  done: number;
}

/** Rows per stored block (one IndexedDB record each; see `ImportRowRow`). */
export const IMPORT_BLOCK = 500;

/**
 * Saves an import as a job before anything is stored (replacing any older unfinished job, whose
 * stored captures stay). Returns the job id for {@link runImportJob}.
 */
export async function startImportJob(db: SatchelDb, job: { fileName: string; format: string; data: SatchelExport; scopeId?: string; clock?: () => number }): Promise<string> {
  const id = newId();
  const caps = job.data.captures;
  await db.transaction('rw', [db.importJobs, db.importRows], async () => {
    await db.importRows.clear();
    await db.importJobs.clear();
    const row: ImportJobRow = { id, fileName: job.fileName, format: job.format, scopeId: job.scopeId ?? LOCAL_SCOPE, total: caps.length, done: 0, collections: job.data.collections, startedAt: (job.clock ?? systemClock)() };
    await db.importJobs.add(row);
    const blocks = [];
    for (let i = 0; i < caps.length; i += IMPORT_BLOCK) blocks.push({ jobId: id, n: i / IMPORT_BLOCK, captures: caps.slice(i, i + IMPORT_BLOCK) });
    await db.importRows.bulkAdd(blocks);
  });
  return id;
}

/** The unfinished import, if any (at most one). */
export async function unfinishedImport(db: SatchelDb): Promise<ImportJobStatus | null> {
  const job = await db.importJobs.toCollection().first();
  return job ? { id: job.id, fileName: job.fileName, format: job.format, total: job.total, done: job.done } : null;
}

/** Forgets an unfinished import (what it already stored stays). */
export async function discardImport(db: SatchelDb, id: string): Promise<void> {
  await db.transaction('rw', [db.importJobs, db.importRows], async () => {
    await db.importRows.where('jobId').equals(id).delete();
    await db.importJobs.delete(id);
  });
}

/** What {@link runImportJob} stored in this run. */
export interface ImportJobResult {
  captures: ImportCounts;
  collections: ImportCounts;
  /** Ids of captures added or updated (see lib/db `ImportResult.touchedIds`). */
  touchedIds: string[];
}

/**
 * Stores the rows of job `id` from where it stopped, chunk by chunk, recording progress after each;
 * deletes the job once every row is stored. `onProgress(done, total)` counts the whole file, so a
 * resumed import continues where the bar stopped. Throws when the job is gone; a failure part way
 * leaves the job to resume. Captures already in the library change by the job's format
 * (lib/db/import-merge.ts `policyFor`).
 */
export async function runImportJob(db: SatchelDb, id: string, opts: Omit<ImportOptions, 'scopeId' | 'policy'> = {}): Promise<ImportJobResult> {
  const job = await db.importJobs.get(id);
  if (!job) throw new Error('This import is no longer waiting (it finished or was discarded).');
  const start = job.done;
  const first = Math.floor(start / IMPORT_BLOCK);
  const blocks = await db.importRows.where('[jobId+n]').between([id, first], [id, Infinity]).toArray();
  const captures = blocks.flatMap((b) => b.captures).slice(start - first * IMPORT_BLOCK);
  const data: SatchelExport = { format: 'satchel', version: EXPORT_VERSION, exportedAt: new Date(job.startedAt).toISOString(), captures, collections: job.collections };
  opts.onProgress?.(start, job.total);
  const result = await applyImport(db, data, {
    ...opts,
    scopeId: job.scopeId,
    // Another tool's file only adds to what the learner has (lib/db/import-merge.ts).
    policy: policyFor(job.format),
    onProgress: async (done) => {
      // Counted after the chunk's transaction committed; a crash before this line re-runs the chunk, which then skips.
      await db.importJobs.update(id, { done: start + done });
      await opts.onProgress?.(start + done, job.total);
    },
  });
  await discardImport(db, id);
  return result;
}
