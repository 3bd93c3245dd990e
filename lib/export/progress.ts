/** Progress reporting for long exports and imports. */

/** Called with items processed so far and the total (both counts of captures). */
export type ProgressCallback = (done: number, total: number) => void;

/** Options shared by the exporters. */
export interface ExportOptions {
  /** Captures per chunk between yields; default 500. */
  chunkSize?: number;
  onProgress?: ProgressCallback;
  /** Stops between chunks when aborted (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Resolves on the next macrotask, so the page can paint a progress bar and take input. */
export const yieldToEventLoop = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * Maps `items` chunk by chunk with `fn`, yielding to the event loop between chunks and reporting
 * progress after each. Returns the results in order.
 */
export async function mapInChunks<T, R>(items: readonly T[], fn: (item: T, index: number) => R, opts: ExportOptions = {}): Promise<R[]> {
  const size = Math.max(1, opts.chunkSize ?? 500);
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    opts.signal?.throwIfAborted();
    const end = Math.min(items.length, i + size);
    for (let j = i; j < end; j++) out.push(fn(items[j]!, j));
    opts.onProgress?.(end, items.length);
    if (end < items.length) await yieldToEventLoop();
  }
  if (items.length === 0) opts.onProgress?.(0, 0);
  return out;
}
