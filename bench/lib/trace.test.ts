import { describe, it, expect } from 'vitest';
import { summarizeScriptCalls, type TraceEvent } from './trace';

const call = (ts: number, dur: number, tdur: number, url: string, tid = 1): TraceEvent =>
  ({ name: 'FunctionCall', ph: 'X', pid: 1, tid, ts, dur, tdur, args: { data: { url } } });

describe('summarizeScriptCalls', () => {
  it('sums thread and wall time of the outermost calls into the prefix, counting nested calls once', () => {
    const ext = 'chrome-extension://abc/content-scripts/x.js';
    const s = summarizeScriptCalls([
      call(0, 1000, 600, ext),
      call(100, 200, 150, ext), // nested in the first
      call(5000, 3000, 2000, ext),
      call(9000, 500, 500, 'https://x.com/app.js'), // the page's own
      call(9000, 400, 100, ext, 2), // another thread
      { name: 'Layout', ph: 'X', pid: 1, tid: 1, ts: 20000, dur: 900, tdur: 900 },
    ], 'chrome-extension://');
    expect(s).toEqual({ calls: 3, cpuMs: 2.7, wallMs: 4.4, longestWallMs: 3, cpuByBatchMs: [] });
  });

  it('sums calls per batch between console.timeStamp marks', () => {
    const ext = 'chrome-extension://abc/x.js';
    const mark = (ts: number): TraceEvent => ({ name: 'TimeStamp', ph: 'I', pid: 1, tid: 1, ts, args: { data: { message: 'batch' } } });
    const s = summarizeScriptCalls([
      call(0, 100, 100, ext), // before the first batch
      mark(1000), call(1100, 500, 400, ext), call(1700, 300, 200, ext),
      mark(5000),
      mark(9000), call(9100, 100, 50, ext),
    ], 'chrome-extension://', 'batch');
    expect(s.cpuByBatchMs).toEqual([0.6, 0, 0.05]);
    expect(s.cpuMs).toBeCloseTo(0.75);
  });
});
