import { browser, type Browser } from 'wxt/browser';
import { getActiveTab, sendToTab } from '../../lib/platform/tabs';
import { injectFile } from '../../lib/platform/scripting';
import type { BackgroundToContent, ReportStartReply } from '../../lib/messages/to-content';
import { SITE_META, type SiteId } from '../../lib/sites/meta';
import { siteOfUrl } from '../../lib/report/site-of-url';

/**
 * Starting "Report this page" in a tab, for the popup and the options page (extension pages with
 * the `scripting` permission and host access to every supported site): inject the report UI
 * (entrypoints/report-ui/index.ts) into the tab's top frame, in the content scripts' world, then
 * send `report/start` to the site's content script, which opens the picker with its adapter. The
 * always-loaded content script only gains the few lines that hand over its adapter
 * (docs/decisions/0005-content-script-size.md).
 */

/** Path of the report UI bundle inside the extension. */
export const REPORT_UI_FILE = '/report-ui.js';

/** A tab where a report can start. */
export interface ReportTab {
  id: number;
  windowId?: number;
  title: string;
  site: SiteId;
  /** The site's brand name ("LinkedIn"). */
  siteName: string;
}

function reportTabOf(tab: Browser.tabs.Tab | null | undefined): ReportTab | null {
  const site = siteOfUrl(tab?.url);
  if (!tab || tab.id === undefined || !site) return null;
  return { id: tab.id, windowId: tab.windowId, title: tab.title ?? tab.url ?? '', site, siteName: SITE_META[site].name };
}

/** The active tab when it is a supported site (the popup's "Report this page"), else null. Never rejects. */
export async function activeReportTab(): Promise<ReportTab | null> {
  try {
    return reportTabOf(await getActiveTab());
  } catch {
    return null;
  }
}

/** The supported-site tab used most recently (the options page's "Report a page"), else null. Never rejects. */
export async function recentReportTab(): Promise<ReportTab | null> {
  try {
    const tabs = (await browser.tabs.query({})).filter((t) => siteOfUrl(t.url));
    tabs.sort((a, b) => ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0));
    return reportTabOf(tabs[0]);
  } catch {
    return null;
  }
}

/** Brings `tab` and its window to the front (the picker needs the learner there). Never rejects. */
export async function focusTab(tab: ReportTab): Promise<void> {
  try {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    // the report still starts; the learner switches to the tab
  }
}

/**
 * Injects the report UI into tab `tabId` and opens its picker (`report/start`). Resolves to the
 * content script's reply, or `{ ok: false, error }` when the tab has no Satchel content script
 * (a page loaded before Satchel was installed: reload it) or injection failed. Never rejects.
 */
export async function startReportInTab(tabId: number): Promise<ReportStartReply> {
  try {
    await injectFile(tabId, 0, REPORT_UI_FILE);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const r = await sendToTab(tabId, { type: 'report/start' } satisfies BackgroundToContent);
  if (!r.delivered) return { ok: false, error: r.error };
  const reply = r.reply as ReportStartReply | null | undefined;
  if (reply && typeof reply === 'object' && (reply.ok === true || ('error' in reply && typeof reply.error === 'string'))) return reply;
  return { ok: false, error: 'no answer from the page' };
}
