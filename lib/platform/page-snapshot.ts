import { browser } from 'wxt/browser';

/** Meta tags read from a page for a web capture (OpenGraph, Twitter card, article, description). */
export const SNAPSHOT_META = [
  'og:title', 'og:description', 'og:image', 'og:image:alt', 'og:site_name', 'og:type', 'og:url',
  'twitter:title', 'twitter:description', 'twitter:image', 'twitter:creator',
  'article:published_time', 'article:author', 'author', 'description',
] as const;

/**
 * What a web capture reads from the page: plain data only (it crosses the scripting boundary).
 * Strings are as the page has them; the background validates and trims them.
 */
export interface PageSnapshot {
  /** `location.href` of the frame. */
  url: string;
  /** `document.title`. */
  title: string;
  /** `<html lang>`, or null. */
  lang: string | null;
  /** The current selection as text (`getSelection().toString()`), '' when none. Not length-capped by Chrome, unlike `info.selectionText`. */
  selection: string;
  /** `<link rel=canonical href>`, absolute, or null. */
  canonical: string | null;
  /** Content of the {@link SNAPSHOT_META} tags present, by name/property. */
  meta: Record<string, string>;
  /** Text of the first `<a>` whose href equals the `linkUrl` argument, or null. */
  linkText: string | null;
}

/**
 * Runs INSIDE the page via `scripting.executeScript({ func })`, so it must be self-contained: no
 * imports, no closures, only its argument. Exported for tests (jsdom). The meta names are passed in
 * because the function body is serialised without its module.
 */
export function snapshotPage(linkUrl: string | null, metaNames: readonly string[]): PageSnapshot {
  const meta: Record<string, string> = {};
  for (const el of Array.from(document.querySelectorAll('meta[property], meta[name]'))) {
    const key = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
    const content = el.getAttribute('content');
    if (content && metaNames.includes(key) && !(key in meta)) meta[key] = content.slice(0, 4000);
  }
  const canonicalEl = document.querySelector('link[rel="canonical"]') as HTMLLinkElement | null;
  let linkText: string | null = null;
  if (linkUrl) {
    const a = Array.from(document.querySelectorAll('a[href]')).find((x) => (x as HTMLAnchorElement).href === linkUrl);
    linkText = a ? (a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 1000) || null : null;
  }
  return {
    url: location.href,
    title: document.title,
    lang: document.documentElement.getAttribute('lang'),
    selection: (window.getSelection()?.toString() ?? '').slice(0, 70_000),
    canonical: canonicalEl?.href || null,
    meta,
    linkText,
  };
}

/**
 * Reads a {@link PageSnapshot} from frame `frameId` (default: top) of tab `tabId` with
 * `scripting.executeScript`. Needs `activeTab` (granted by the context-menu click or the keyboard
 * command) or a host permission. Resolves to null when the page cannot be scripted (chrome://,
 * the Web Store, PDF viewer, no grant); the caller then falls back to what the event carried.
 */
export async function readPageSnapshot(tabId: number, linkUrl: string | null, frameId = 0): Promise<PageSnapshot | null> {
  try {
    const [res] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: snapshotPage,
      args: [linkUrl, [...SNAPSHOT_META]],
    });
    return (res?.result as PageSnapshot | undefined) ?? null;
  } catch {
    return null;
  }
}
