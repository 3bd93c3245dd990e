import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import fc from 'fast-check';

/**
 * Every property test is seeded (reproducible on CI and here) unless it passes its own seed;
 * `FC_SEED=<n>` explores another corner locally. Bounded: each test sets its own `numRuns`.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });

beforeEach(() => {
  fakeBrowser.reset();
});

/**
 * Preact runs effects (and the cleanups of the previous ones) after paint, on a timer of up to
 * ~35 ms. A test file that ends right after a render leaves such a timer behind; if it fires after
 * Vitest tears jsdom down, a cleanup like `window.removeEventListener` throws "window is not
 * defined" and the whole run is red (seen in CI on tests/options-app.test.tsx and the popup
 * tests). So every rendered tree is unmounted after each test, and each file waits for pending
 * after-paint timers before its environment goes.
 */
const hasDom = typeof window !== 'undefined' && typeof document !== 'undefined';
if (hasDom) {
  afterEach(async () => {
    const { cleanup } = await import('@testing-library/preact');
    cleanup();
  });
  afterAll(async () => {
    await new Promise((r) => setTimeout(r, 120));
  });
}
