import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { log } from './figure';

/** Debian's Chromium (never `playwright install`). */
export const CHROMIUM = '/usr/bin/chromium';

/** A local HTTPS server on 127.0.0.1 with a throw-away self-signed certificate. */
export interface FixtureServer {
  port: number;
  /** Sets the HTML served for a path (e.g. "/home"); other paths get 404. */
  setPage(path: string, html: string): void;
  close(): Promise<void>;
}

/**
 * Starts an HTTPS server on 127.0.0.1:<random port>. The certificate is made by `openssl` into a
 * temp dir (deleted again) and is only accepted because Chromium runs with --ignore-certificate-errors.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-bench-cert-'));
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=x.com',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  const key = readFileSync(join(dir, 'key.pem'));
  const cert = readFileSync(join(dir, 'cert.pem'));
  rmSync(dir, { recursive: true, force: true });
  const pages = new Map<string, string>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const body = pages.get(path);
    if (body === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    setPage: (p, html) => { pages.set(p, html); },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** A launched Chromium persistent context and how to dispose of it. */
export interface Launched {
  context: BrowserContext;
  /** Chrome extension id, or null when launched without the extension. */
  extensionId: string | null;
  /** The extension's service worker, or null without the extension. */
  serviceWorker: Worker | null;
  close(): Promise<void>;
}

/**
 * Launches headless Debian Chromium (docs/toolchain.md section 4, variant A) in a fresh temp profile.
 * Host names are mapped so `https://x.com`, `https://www.linkedin.com` etc. go to the fixture server
 * on 127.0.0.1:`port`, and every other host fails to resolve: no traffic leaves 127.0.0.1.
 * @param opts.extensionDir absolute chrome-mv3 dir to load, or undefined for a browser without Satchel
 * @param opts.port the fixture server's port
 */
export async function launchChromium(opts: { extensionDir?: string; port: number }): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'satchel-bench-profile-'));
  const hosts = ['x.com', 'twitter.com', 'www.linkedin.com'].map((h) => `MAP ${h} 127.0.0.1:${opts.port}`);
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
    `--host-resolver-rules=${[...hosts, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`,
  ];
  if (opts.extensionDir) args.unshift(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args, viewport: { width: 1280, height: 900 },
  });
  // tsx (esbuild keepNames) wraps named inner functions of page.evaluate callbacks in `__name(…)`;
  // give pages a no-op so those callbacks run. Added to both arms alike.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (opts.extensionDir) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
    await closeWelcomeTab(context);
  }
  return {
    context, extensionId, serviceWorker,
    close: async () => {
      await context.close().catch((e: unknown) => log(`context.close: ${String(e)}`));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh profile is an install, so Satchel opens its welcome tab (lib/platform/first-run.ts). Left open,
 * that tab stays in front and Chromium throttles animation frames in the pages a benchmark opens behind
 * it (every `search` keystroke then took ~1 s). Waits up to 10 s for it and closes it.
 */
async function closeWelcomeTab(context: BrowserContext): Promise<void> {
  const isWelcome = (u: string) => /^chrome-extension:\/\/[^/]+\/welcome\.html/.test(u);
  const tab = context.pages().find((p) => isWelcome(p.url()))
    ?? (await context.waitForEvent('page', { predicate: (p) => isWelcome(p.url()), timeout: 10_000 }).catch(() => null));
  if (tab) await tab.close();
  else log('no welcome tab opened within 10 s (first-run page missing from this build?)');
}

/** "Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)" or "unknown". */
export function chromiumVersion(): string {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return (r.stdout ?? '').trim().split('\n').pop() ?? 'unknown';
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

/**
 * Runs `body` with a hard time limit in milliseconds. `body` registers every browser it launches in
 * the array it is given; on timeout those browsers are closed (which makes `body` fail fast) and the
 * returned promise rejects, so a benchmark always stops by itself.
 */
export async function withDeadline<T>(name: string, ms: number, body: (launched: Launched[]) => Promise<T>): Promise<T> {
  const launched: Launched[] = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, no) => {
    timer = setTimeout(() => {
      void Promise.all(launched.map((l) => l.close())).finally(() => no(new Error(`${name}: over ${ms} ms, stopped`)));
    }, ms);
  });
  try {
    return await Promise.race([body(launched), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
