import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * The headless tour's bookkeeping: numbered screenshots with captions (light, and dark for the
 * extension's own pages), and named steps that record a failure and go on with the next step.
 */

/** One screenshot of the tour. */
export interface Shot {
  /** File name inside the output folder (`07-library-dark.png`). */
  file: string;
  /** Absolute path. */
  path: string;
  /** What it shows, in a sentence (plain text; escaped when written to HTML). */
  caption: string;
  scheme: 'light' | 'dark';
}

export interface ShootOptions {
  /** Also take the same view with `prefers-color-scheme: dark` (extension pages follow it). Default false. */
  dark?: boolean;
  /** The whole scrollable page instead of the viewport. Default false. */
  fullPage?: boolean;
}

export class Recorder {
  readonly shots: Shot[] = [];
  readonly failed: string[] = [];
  private count = 0;

  /** Empties `dir` (the tour's output) and writes screenshots there. */
  constructor(readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** Screenshots `page` as `<nn>-<name>.png` (and `<nn>-<name>-dark.png` with `dark`), captioned. */
  async shoot(page: Page, name: string, caption: string, opts: ShootOptions = {}): Promise<void> {
    this.count++;
    const base = `${String(this.count).padStart(2, '0')}-${name}`;
    const take = async (scheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme: scheme });
      // Let a theme change paint before the shot (two frames).
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))).catch(() => undefined);
      const file = `${base}${scheme === 'dark' ? '-dark' : ''}.png`;
      const path = join(this.dir, file);
      await page.screenshot({ path, fullPage: opts.fullPage ?? false });
      this.shots.push({ file, path, caption: scheme === 'dark' ? `${caption} (dark)` : caption, scheme });
    };
    await take('light');
    if (opts.dark) {
      await take('dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }

  /** Runs one named step: prints "ok" or "FAILED" (with the first line of the error) and records failures. */
  async step(name: string, fn: () => Promise<void>, onFail?: () => Promise<void>): Promise<boolean> {
    process.stdout.write(`• ${name} … `);
    try {
      await fn();
      console.log('ok');
      return true;
    } catch (e) {
      console.log('FAILED');
      console.error(process.env.SATCHEL_TOUR_DEBUG ? e : `  ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
      this.failed.push(name);
      await onFail?.().catch(() => undefined);
      return false;
    }
  }
}
