import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from './browser';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { REPO_ROOT } from './demo-feeds';

/**
 * Playwright fixtures for the e2e specs (docs/architecture.md 6.5):
 * - `server` (worker): the HTTPS fixture server with the demo feeds; pages registered with
 *   `server.setPage` are cleared after each test.
 * - `context` (test): a persistent Chromium context with the built extension, in a fresh temp
 *   user-data-dir, with the site hosts mapped to `server`. A fresh profile installs the extension,
 *   which opens its welcome tab (lib/platform/first-run.ts): the fixture waits until that tab has
 *   opened and closes it, so no spec races with it when it waits for
 *   a new page or counts pages (it fails when no welcome tab opens within 30 s). A spec about the
 *   welcome page sets `test.use({ keepWelcome: true })`.
 * - `sw`, `extensionId`: the extension's service worker and id.
 * - `db`: reads the extension's IndexedDB with raw indexedDB (Dexie is bundled, not global).
 * - `pageErrors`: uncaught errors of every page in the context, and console errors raised by
 *   extension code; a spec asserts it is empty.
 * - `shot(page, name)`: writes a screenshot to test-results/screens/<name>.png.
 */

/** The extension's database and captures store (lib/db/database.ts: DB_NAME). */
export const DB_NAME = 'satchel';
export const CAPTURES_STORE = 'captures';
export const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'screens');

export type StoredCapture = Record<string, unknown> & { key?: string; postId?: string; platform?: string };

/** Where to read: the live service worker (default) or an extension page (same origin, same database). */
export type ReadVia = 'sw' | 'page';

export interface ExtensionDb {
  /** Every row of the `captures` store. */
  captures(via?: ReadVia): Promise<StoredCapture[]>;
  /** Rows of any store (e.g. 'outbox'). */
  rows(store: string, via?: ReadVia): Promise<Record<string, unknown>[]>;
}

interface TestFixtures {
  /** Leave the install's welcome tab open (tests/e2e/welcome.spec.ts); default false: it is closed. */
  keepWelcome: boolean;
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  db: ExtensionDb;
  pageErrors: string[];
  shot: (page: Page, name: string) => Promise<string>;
}
interface WorkerFixtures {
  server: FixtureServer;
}

/** Whether `page` is the extension's welcome page (opened once on install, lib/platform/first-run.ts). */
export const isWelcomeTab = (page: Page): boolean => /^chrome-extension:\/\/[^/]+\/welcome\.html/.test(page.url());

/** Reads a store with raw indexedDB in an extension context (service worker or extension page). */
async function readStore(target: Worker | Page, dbName: string, store: string): Promise<Record<string, unknown>[]> {
  // Worker.evaluate and Page.evaluate have the same shape; TypeScript cannot call the union.
  const evaluate = target.evaluate.bind(target) as Page['evaluate'];
  return evaluate(
    async ([name, storeName]: readonly [string, string]) => {
      const dbs = (await indexedDB.databases?.()) ?? [];
      if (dbs.length && !dbs.some((d) => d.name === name)) return [];
      return new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onupgradeneeded = () => {
          // The database did not exist: do not create it (the extension owns its schema).
          req.transaction?.abort();
        };
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as Record<string, unknown>[]);
          };
          get.onerror = () => reject(get.error);
        };
      });
    },
    [dbName, store] as const,
  ).catch((e: unknown) => {
    if (String(e).includes('AbortError')) return [];
    throw e;
  });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  keepWelcome: [false, { option: true }],

  context: async ({ server, keepWelcome }, use) => {
    const launched = await launchWithExtension({ port: server.port, headless: true });
    const context = launched.context;
    if (!keepWelcome) {
      // The install opens it once, shortly after launch: wait for it, then close it.
      const welcome = context.pages().find(isWelcomeTab) ?? (await context.waitForEvent('page', { predicate: isWelcomeTab, timeout: 30_000 }));
      await welcome.close();
    }
    await use(context);
    await launched.close();
    server.clearPages();
  },

  sw: async ({ context }, use) => {
    await use(await extensionServiceWorker(context));
  },

  extensionId: async ({ sw }, use) => {
    await use(extensionIdOf(sw));
  },

  db: async ({ context, extensionId }, use) => {
    let helperPage: Page | null = null;
    const target = async (via: ReadVia): Promise<Worker | Page> => {
      // The service worker, unless the caller asks for a page (e.g. while the worker is stopped:
      // evaluating in it would start it again).
      const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const last = live[live.length - 1];
      if (via === 'sw' && last) return last;
      if (!helperPage || helperPage.isClosed()) {
        helperPage = await context.newPage();
        await helperPage.goto(`chrome-extension://${extensionId}/manifest.json`);
      }
      return helperPage;
    };
    const rows = async (store: string, via: ReadVia = 'sw') => {
      try {
        return await readStore(await target(via), DB_NAME, store);
      } catch (e) {
        // The worker was stopped between lookup and evaluate: read through an extension page.
        if (!/Target .*closed|has been closed|Worker was terminated|Execution context was destroyed/i.test(String(e))) throw e;
        helperPage = await context.newPage();
        await helperPage.goto(`chrome-extension://${extensionId}/manifest.json`);
        return readStore(helperPage, DB_NAME, store);
      }
    };
    await use({ captures: (via) => rows(CAPTURES_STORE, via) as Promise<StoredCapture[]>, rows });
  },

  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack ?? e.message}`));
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const where = m.location().url ?? '';
        if (where.startsWith('chrome-extension://') || /satchel/i.test(m.text())) errors.push(`${page.url()}: console.error ${m.text()} (${where})`);
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
  },

  shot: async ({}, use) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await use(async (page, name) => {
      const path = join(SCREENS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    });
  },
});

export { expect };

/** A page in the test's context (the persistent context opens one blank page; reuse it). */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle (CDP
 * ServiceWorker.stopAllWorkers), and waits until CDP reports every extension worker version stopped.
 * Returns false when the stop was not confirmed within `timeout`.
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page, timeout = 10_000): Promise<boolean> {
  const cdp = await context.newCDPSession(page);
  const versions = new Set<string>();
  const stopped = new Set<string>();
  let requested = false;
  type Versions = { versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> };
  cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith('chrome-extension://')) continue;
      versions.add(v.versionId);
      // A page message may start the worker again right away: having reached 'stopped' is what counts.
      if (requested && v.runningStatus === 'stopped') stopped.add(v.versionId);
    }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    requested = true;
    await cdp.send('ServiceWorker.stopAllWorkers');
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      if (versions.size > 0 && [...versions].every((v) => stopped.has(v))) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
