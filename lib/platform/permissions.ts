import { browser } from 'wxt/browser';

/**
 * Host permission for the sync server's origin (issue 4: "the extension asks for that host's
 * permission at run time"). The manifest lists the allowed range as `optional_host_permissions`
 * (`https://*\/*`, `http://localhost/*`, `http://127.0.0.1/*`), so only the one origin the learner
 * typed is ever granted.
 */

/**
 * The match pattern for a server origin: `https://satchel.example.org:8443` →
 * `https://satchel.example.org/*` (match patterns carry no port; one pattern covers every port).
 * @throws TypeError when `origin` is not an absolute http(s) URL.
 */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new TypeError(`not an http(s) origin: ${origin}`);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Whether the extension may already reach `origin` (no prompt). False when the API fails. */
export async function hasHostPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/**
 * Asks the browser for access to `origin`; shows the browser's prompt unless already granted.
 * Must be called synchronously from a user gesture (a click or a form submit): call it before any
 * `await` in the handler, or the browser refuses. Resolves true when granted; false when the
 * learner declined or the browser refused (the reason is in `error`).
 */
export async function requestHostPermission(origin: string): Promise<{ granted: boolean; error: string | null }> {
  try {
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
    return { granted, error: null };
  } catch (e) {
    return { granted: false, error: e instanceof Error ? e.message : String(e) };
  }
}
