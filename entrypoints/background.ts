/**
 * Background service worker: the composition root for capture (docs/architecture.md 6.1). It wires,
 * it does not compute:
 * - opens the one Dexie database (all state lives there; nothing that matters is held in memory,
 *   so the worker may be stopped between any two events);
 * - answers every `ContentToBackground` message through the zod-validated handler table
 *   (lib/messages/handle.ts) bound to lib/db;
 * - context menu "Save selection/link/page to Satchel" → a `web` capture through the same save path;
 * - keyboard command `save-post` → `capture/save-in-view` to the active tab's content script, or,
 *   on pages without one, a `web` capture of the selection or page (the command grants activeTab);
 * - after a save, tells content scripts in other tabs (`capture/saved-elsewhere`);
 * - the toolbar badge shows the What's new unread count (lib/db/whats-new.ts), after every sync run
 *   and whenever the data or the read state changes (a live query).
 * Listeners are registered synchronously in `main()` so wake-up events are not missed.
 */
import { defineBackground } from 'wxt/utils/define-background';
import type { Browser } from 'wxt/browser';
import { SatchelDb, DB_NAME, libraryOps } from '../lib/db';
import { readSyncAuth } from '../lib/db/sync-state';
import { createMessageHandler } from '../lib/messages/handle';
import type { BackgroundReply } from '../lib/messages';
import type { BackgroundToContent } from '../lib/messages/to-content';
import { CONTENT_MATCHES } from '../lib/sites/matches';
import { onRuntimeMessage } from '../lib/platform/runtime';
import { injectControlUi } from '../lib/platform/scripting';
import { probePostUrn } from '../lib/platform/react-probe';
import { ensureAlarm, onAlarm } from '../lib/platform/alarms';
import { createSyncRunner, type Locks } from '../lib/sync/runner';
import { liveQuery } from 'dexie';
import { createContextMenus, onContextMenuClick } from '../lib/platform/context-menus';
import { onCommand } from '../lib/platform/commands';
import { openWelcomeOnInstall } from '../lib/platform/first-run';
import { getActiveTab, sendToTab, broadcastToTabs } from '../lib/platform/tabs';
import { flashBadge, showUnreadBadge } from '../lib/platform/badge';
import { unreadCount } from '../lib/db/whats-new';
import { readPageSnapshot } from '../lib/platform/page-snapshot';
import { webDraft, type WebCaptureKind } from '../lib/platform/web-draft';
import { getMessage } from '../lib/platform/i18n';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

/** Name of the periodic sync alarm. */
const SYNC_ALARM = 'satchel-sync';
/** Periodic pull, minutes (docs/sync-protocol.md 9.5). */
const SYNC_PERIOD_MINUTES = 5;
/** Delay between a change and the sync that sends it, ms (coalesces a burst of edits). */
const SYNC_DEBOUNCE_MS = 2000;

/** Context-menu item ids → the kind of web capture they make. */
const MENU: Record<string, WebCaptureKind> = {
  'satchel-save-selection': 'selection',
  'satchel-save-link': 'link',
  'satchel-save-page': 'page',
};

export default defineBackground({
  type: 'module',
  main() {
    openWelcomeOnInstall(); // first run (issue 12): the welcome tab on install only
    const t = makeTranslate(getMessage, en);
    const db = new SatchelDb(DB_NAME);
    // docs/sync-protocol.md 3.9 storage: unlimitedStorage is in the manifest; also ask for persistence (best effort).
    void globalThis.navigator?.storage?.persist?.().catch(() => false);
    const notify = (msg: BackgroundToContent) => void broadcastToTabs(CONTENT_MATCHES, msg);
    // Sync (issue 4, docs/sync-protocol.md 3.9): after each change (a few seconds later, coalesced), when the
    // popup or library opens (`sync/now`), and on an alarm every 5 minutes. All sync state lives
    // in the database, so a stopped worker resumes where it was; one run at a time (Web Lock).
    const refreshBadge = () => unreadCount(db).then(showUnreadBadge);
    const runSync = createSyncRunner({
      db,
      fetch: (url, init) => fetch(url, init),
      locks: (globalThis.navigator as Navigator & { locks?: Locks } | undefined)?.locks ?? null,
      afterRun: () => refreshBadge().catch((e: unknown) => console.warn('[satchel] badge:', e)),
    });
    // What's new (issue 11): the badge follows the unread count live (pulled rows, read marks, mutes).
    liveQuery(() => unreadCount(db)).subscribe({
      next: (n) => void showUnreadBadge(n),
      error: (e: unknown) => console.warn('[satchel] badge watch:', e),
    });
    let soon: ReturnType<typeof setTimeout> | null = null;
    const syncSoon = () => {
      if (soon) return;
      soon = setTimeout(() => {
        soon = null;
        runSync().catch((e: unknown) => console.warn('[satchel] sync:', e));
      }, SYNC_DEBOUNCE_MS);
    };
    onAlarm(SYNC_ALARM, () => void runSync().catch((e: unknown) => console.warn('[satchel] sync:', e)));
    ensureAlarm(SYNC_ALARM, SYNC_PERIOD_MINUTES).catch((e: unknown) => console.warn('[satchel] alarm:', e));
    // Writes from the popup, library and options pages go straight to the database: watch the
    // outbox (Dexie propagates changes across the extension's pages and worker).
    let lastPending = -1;
    liveQuery(() => db.outbox.count()).subscribe({
      next: (n) => {
        if (n > lastPending && lastPending !== -1) syncSoon();
        lastPending = n;
      },
      error: (e: unknown) => console.warn('[satchel] outbox watch:', e),
    });

    // Signing in (options page) writes the device's auth: sync at once, uploading what was saved before.
    let lastToken: string | null | undefined;
    liveQuery(() => readSyncAuth(db)).subscribe({
      next: (a) => {
        const token = a?.token ?? null;
        if (lastToken !== undefined && token && token !== lastToken) void runSync(true).catch((e: unknown) => console.warn('[satchel] sync:', e));
        lastToken = token;
      },
      error: (e: unknown) => console.warn('[satchel] auth watch:', e),
    });

    const handle = createMessageHandler({
      ...libraryOps(db),
      loadUi: injectControlUi,
      probeId: probePostUrn,
      syncNow: () => runSync(true),
      onSaved: (c) => {
        if (c.platform !== 'web') notify({ type: 'capture/saved-elsewhere', keys: [c.key] });
      },
    });
    onRuntimeMessage((raw, sender) => handle(raw, sender));

    /** Saves a web capture of tab `tab` through the same validated path as a content-script save. */
    async function saveWeb(kind: WebCaptureKind, tab: Browser.tabs.Tab | undefined, info: { pageUrl?: string; linkUrl?: string; selectionText?: string; frameId?: number }): Promise<BackgroundReply | null> {
      const pageUrl = info.pageUrl ?? tab?.url;
      if (tab?.id === undefined || !pageUrl) return null;
      const snapshot = await readPageSnapshot(tab.id, info.linkUrl ?? null, info.frameId ?? 0);
      const draft = webDraft({ kind, pageUrl, linkUrl: info.linkUrl, selectionText: info.selectionText, tabTitle: tab.title, snapshot });
      if (!draft) return null;
      const reply = await handle({ type: 'capture/save', draft });
      await flashBadge(tab.id, reply.ok ? '✓' : '!');
      if (!reply.ok) console.warn('[satchel] web capture refused:', reply.error);
      return reply;
    }

    createContextMenus([
      { id: 'satchel-save-selection', title: t('menuSaveSelection'), contexts: ['selection'] },
      { id: 'satchel-save-link', title: t('menuSaveLink'), contexts: ['link'] },
      { id: 'satchel-save-page', title: t('menuSavePage'), contexts: ['page'] },
    ]).catch((e: unknown) => console.warn('[satchel] context menus:', e));

    onContextMenuClick((info, tab) => {
      const kind = MENU[String(info.menuItemId)];
      if (!kind) return;
      void saveWeb(kind, tab, { pageUrl: info.pageUrl, linkUrl: info.linkUrl, selectionText: info.selectionText, frameId: info.frameId });
    });

    onCommand((command, tab) => {
      if (command !== 'save-post') return;
      void (async () => {
        const target = tab ?? (await getActiveTab());
        if (target?.id === undefined) return;
        const r = await sendToTab(target.id, { type: 'capture/save-in-view' } satisfies BackgroundToContent);
        if (r.delivered) return; // the content script shows the result on the post's control
        // No Satchel content script on this page: save the selection, else the page.
        await saveWeb('selection', target, {});
      })();
    });
  },
});
