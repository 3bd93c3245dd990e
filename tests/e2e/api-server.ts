import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { REPO_ROOT } from './demo-feeds';

// The real API server (server/src/main.ts) for e2e tests: a free port, a temp SQLite file, CORS
// for this extension only; and the host-permission grant a person gives on chrome://extensions.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `npm run server` on a free port with a temp SQLite file; CORS allows only this extension. */
export async function startApiServer(extensionId: string, opts: { port?: number; dir?: string } = {}): Promise<{ url: string; port: number; dir: string; stop: (opts?: { keepData?: boolean }) => Promise<void>; log: () => string }> {
  const port = opts.port ?? (await freePort());
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'satchel-api-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'satchel.sqlite')}`, CORS_ORIGINS: `chrome-extension://${extensionId}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test process, even when a test times out before its `finally` runs.
  const killChild = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killChild);
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API server exited (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`API server did not answer /healthz in 30 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    dir,
    log: () => out,
    stop: async (o: { keepData?: boolean } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!o.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Answers the host-permission prompt ahead of time, the way a person does on chrome://extensions
 * → Details → Site access → "Add" (chrome.developerPrivate.addHostPermission, the API behind
 * that button). Headless Chromium cannot show the permission bubble; for an origin the user has
 * already granted, `permissions.request` resolves true without a prompt, so the page's own code
 * path (request inside the Connect gesture) runs unchanged. No manifest or product change.
 */
export async function allowSiteAccess(context: BrowserContext, extensionId: string, pattern: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ([id, host]) => {
      const dp = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
      await dp.addHostPermission(id, host);
    },
    [extensionId, pattern] as const,
  );
  await page.close();
}

