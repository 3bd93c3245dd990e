/**
 * Streaming reads of a whole scope, for building the search index and for exports, without
 * holding a transaction open or blocking the page: keyset pages over `[scopeId+capturedAt]`.
 */
import { Dexie } from 'dexie';
import type { Capture } from '../schema';
import { LOCAL_SCOPE, type SatchelDb } from './database';

/** Options of {@link eachCaptureChunk}. */
export interface ChunkOptions {
  scopeId?: string;
  /** Rows per chunk; default 500. */
  chunkSize?: number;
  /** Called after each chunk with rows read so far and the scope's row count (tombstones included). */
  onProgress?: (done: number, total: number) => void;
  /** Stops between chunks when aborted (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Lets the event loop run (paint, input) between chunks. */
const yieldToEventLoop = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Reads every capture of the scope, newest saved first, in chunks, calling `fn` per chunk of
 * LIVE captures (tombstones skipped), yielding to the event loop between chunks. Returns the
 * highest `updatedAt` seen (a watermark for `changedSince`; -1 when empty): rows written after the
 * read started are caught by `changedSince(watermark)`.
 */
export async function eachCaptureChunk(db: SatchelDb, fn: (chunk: Capture[]) => void | Promise<void>, opts: ChunkOptions = {}): Promise<number> {
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const size = opts.chunkSize ?? 500;
  const total = await db.captures.where('scopeId').equals(scopeId).count();
  let upper: { capturedAt: number; id: string } | null = null;
  let done = 0;
  let watermark = -1;
  for (;;) {
    opts.signal?.throwIfAborted();
    // Keyset pagination: [scopeId+capturedAt] is unique per row once the primary key breaks ties.
    const boundary: { capturedAt: number; id: string } | null = upper;
    const page: Capture[] = await db.captures
      .where('[scopeId+capturedAt]')
      .between([scopeId, Dexie.minKey], [scopeId, boundary ? boundary.capturedAt : Dexie.maxKey], true, true)
      .reverse()
      .filter((c) => !boundary || c.capturedAt < boundary.capturedAt || (c.capturedAt === boundary.capturedAt && c.id < boundary.id))
      .limit(size)
      .toArray();
    if (page.length === 0) break;
    done += page.length;
    for (const c of page) if (c.updatedAt > watermark) watermark = c.updatedAt;
    const liveRows = page.filter((c) => c.deletedAt === null);
    if (liveRows.length > 0) await fn(liveRows);
    opts.onProgress?.(done, total);
    const last: Capture = page[page.length - 1]!;
    upper = { capturedAt: last.capturedAt, id: last.id };
    if (page.length < size) break;
    await yieldToEventLoop();
  }
  return watermark;
}

/** Every live capture of the scope, newest saved first (chunked read). For exports. */
export async function readAllCaptures(db: SatchelDb, opts: ChunkOptions = {}): Promise<Capture[]> {
  const out: Capture[] = [];
  await eachCaptureChunk(db, (chunk) => void out.push(...chunk), opts);
  return out;
}
