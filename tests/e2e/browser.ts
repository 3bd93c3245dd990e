import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { hostResolverRules } from './fixture-server';
import { REPO_ROOT } from './demo-feeds';

/**
 * Launches Debian Chromium with the built extension (docs/toolchain.md section 4), with the site hosts
 * mapped to the fixture server. Shared by the Playwright fixtures and scripts/start.ts.
 */

export const CHROMIUM_PATH = process.env.SATCHEL_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = process.env.SATCHEL_EXTENSION_DIR ?? join(REPO_ROOT, '.output', 'chrome-mv3');

export interface LaunchOptions {
  /** Fixture server port to map the site hosts to. */
  port: number;
  headless: boolean;
  /** Defaults to a fresh temp dir, removed by `close()`. */
  userDataDir?: string;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

export function chromiumArgs(port: number, extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${hostResolverRules(port)}`,
  ];
}

export function assertBuilt(extensionDir = EXTENSION_DIR): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionDir}: run \`npx wxt build\` first`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (never \`playwright install\`)`);
  }
}

export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  assertBuilt(extensionDir);
  const ownDir = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'satchel-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless,
    args: chromiumArgs(opts.port, extensionDir),
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    ignoreHTTPSErrors: true,
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker (waits for it to register). */
export async function extensionServiceWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  const isExt = (w: Worker) => w.url().startsWith('chrome-extension://');
  const found = context.serviceWorkers().find(isExt);
  if (found) return found;
  return context.waitForEvent('serviceworker', { predicate: isExt, timeout });
}

export function extensionIdOf(sw: Worker): string {
  return new URL(sw.url()).host;
}
