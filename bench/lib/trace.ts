import type { CDPSession } from 'playwright-core';

/** One Chrome trace event (the fields the benchmarks read). Times in microseconds. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string; message?: string } };
}

/**
 * Starts a Chrome trace of the `devtools.timeline` category on `cdp`'s target (the events DevTools'
 * Performance panel records: every call from the browser into a script is a `FunctionCall` with the
 * script's URL and its wall and thread time). Returns a function that ends the trace and resolves
 * to its events.
 */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => { events.push(...(e.value as TraceEvent[])); };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' } as never);
  return async () => {
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** What a trace says about calls into scripts from one URL prefix. Times in milliseconds. */
export interface ScriptCalls {
  /** Outermost calls into the prefix's scripts (callbacks, timers, observers, listeners). */
  calls: number;
  /** Their thread (CPU) time: main-thread time spent running them, descheduled time excluded. */
  cpuMs: number;
  /** Their wall time (includes time the thread was descheduled while inside them). */
  wallMs: number;
  /** The longest single call's wall time (a long task caused by the prefix's code would show here). */
  longestWallMs: number;
  /** Thread time per batch: calls grouped by the last `console.timeStamp(marker)` before them (empty without a marker). */
  cpuByBatchMs: number[];
}

/**
 * Sums the outermost `FunctionCall` events into scripts whose URL starts with `urlPrefix` (e.g.
 * "chrome-extension://"). A call nested in another call of the same thread is counted once, in
 * its outer call. Each event covers the callback and everything it runs synchronously: its own
 * code, the DOM and extension APIs it calls, and the microtasks that run when it returns. With
 * `batchMarker`, calls are also summed per batch, a batch starting at each
 * `console.timeStamp(batchMarker)` of the page (calls before the first mark are in no batch).
 */
export function summarizeScriptCalls(events: readonly TraceEvent[], urlPrefix: string, batchMarker?: string): ScriptCalls {
  const marks = batchMarker === undefined ? [] : events
    .filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === batchMarker)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const cpuByBatch = marks.map(() => 0);
  const ours = events
    .filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && (e.args?.data?.url ?? '').startsWith(urlPrefix))
    .sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts);
  let calls = 0, cpu = 0, wall = 0, longest = 0;
  let end = -Infinity, thread = '';
  for (const e of ours) {
    const key = `${e.pid}:${e.tid}`;
    if (key === thread && e.ts < end) continue; // nested in the previous outermost call
    thread = key;
    end = e.ts + (e.dur ?? 0);
    calls++;
    cpu += e.tdur ?? e.dur ?? 0;
    let batch = -1;
    while (batch + 1 < marks.length && marks[batch + 1]! <= e.ts) batch++;
    if (batch >= 0) cpuByBatch[batch]! += e.tdur ?? e.dur ?? 0;
    wall += e.dur ?? 0;
    longest = Math.max(longest, e.dur ?? 0);
  }
  return { calls, cpuMs: cpu / 1000, wallMs: wall / 1000, longestWallMs: longest / 1000, cpuByBatchMs: cpuByBatch.map((us) => us / 1000) };
}
