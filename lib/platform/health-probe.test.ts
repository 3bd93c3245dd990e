import { describe, it, expect, vi, afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HEALTH_PROBE_FILE, HEALTH_PROBE_GLOBAL, runHealthProbe } from './health-probe';

// The popup's health probe call (issue 9 part 3): inject the probe file into the tab's top frame,
// then call it there; any failure gives null (the popup then judges without it).

type Scripting = { executeScript: (d: Record<string, unknown>) => Promise<Array<{ result?: unknown }>> };
const scripting = fakeBrowser as unknown as { scripting?: Scripting };
const original = scripting.scripting;
afterEach(() => {
  scripting.scripting = original;
});

/** A fake `scripting.executeScript`: the file injection resolves, the function call answers `result`. */
function fake(result: unknown, fail?: Error) {
  const calls: Array<Record<string, unknown>> = [];
  scripting.scripting = {
    executeScript: vi.fn(async (d: Record<string, unknown>) => {
      calls.push(d);
      if (fail) throw fail;
      if (d.files) return [{ result: undefined }];
      // Run the function as the tab would, against a probe left by the file.
      const g = globalThis as Record<string, unknown>;
      g[HEALTH_PROBE_GLOBAL] = () => result;
      try {
        return [{ result: (d.func as (n: string) => unknown)(...(d.args as [string])) }];
      } finally {
        delete g[HEALTH_PROBE_GLOBAL];
      }
    }),
  };
  return calls;
}

describe('runHealthProbe', () => {
  it('injects the probe into the top frame, then calls it there', async () => {
    const calls = fake(3);
    expect(await runHealthProbe(7)).toBe(3);
    expect(calls[0]).toEqual({ target: { tabId: 7, frameIds: [0] }, files: [HEALTH_PROBE_FILE] });
    expect(calls[1]).toMatchObject({ target: { tabId: 7, frameIds: [0] }, args: [HEALTH_PROBE_GLOBAL] });
  });

  it.each([
    ['a page no adapter reads', null],
    ['not a count', 'seven'],
    ['a negative number', -1],
    ['a fraction', 1.5],
  ])('gives null for %s', async (_n, result) => {
    fake(result);
    expect(await runHealthProbe(7)).toBeNull();
  });

  it('gives null when injection fails (no host access, the tab navigated away) or the browser has no scripting API', async () => {
    fake(3, new Error('Cannot access contents of the page'));
    expect(await runHealthProbe(7)).toBeNull();
    scripting.scripting = undefined;
    expect(await runHealthProbe(7)).toBeNull();
  });
});
