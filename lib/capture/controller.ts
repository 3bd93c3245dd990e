import { onDomChange } from '../dom/observe';
import { SITE_IDS, SITE_META } from '../sites/meta';
import { createAliasMerge } from './alias-merge';
import { createCompleter } from './complete';
import { createEntries } from './entries';
import { createHealth } from './health';
import { isOnlyHosts, removedOnlyOurUnmounts } from './host';
import { createKeyStore } from './keys';
import { createLogOnce } from './log-once';
import { createPanel } from './panel';
import type { PanelEdits } from './panel-edits';
import { reasonOf } from './replies';
import type { Runtime } from './runtime';
import { createSaver } from './save';
import { createScanner } from './scan';
import { createStatus } from './status';
import type { CaptureController, CaptureDeps, ControlActions } from './types';
import { viewOf } from './view';

export { HOST_TAG } from './host';
export type { CaptureController } from './types';

/** Every site's id attributes (the default when the content script does not name its site's). */
const ALL_ID_ATTRIBUTES = [...new Set(SITE_IDS.flatMap((id) => SITE_META[id].idAttributes))];

/**
 * Starts the content-side capture flow (issue 2): one Save control per post, kept in step with
 * infinite scroll, recycled elements and SPA navigation; saves on click; status, completion and the
 * save panel. Before a click, only post keys leave the page (`capture/status`). Everything stops and
 * every control is removed when `deps.signal` aborts. Never throws into the page.
 *
 * Composition only: scan.ts keeps the controls, status.ts asks what is saved, save.ts saves,
 * panel.ts opens the panel (panel-edits.ts, loaded with the panel UI, acts in it), complete.ts completes saved posts quietly, alias-merge.ts gives id-less
 * captures their id, health.ts counts; they share a {@link Runtime}.
 */
export function startCapture(deps: CaptureDeps): CaptureController {
  const { document: doc, signal, t } = deps;
  const keys = createKeyStore();
  const rt: Runtime = {
    deps, doc, send: deps.send, t, signal,
    log: createLogOnce(deps.log, () => `${rt.adapter?.id ?? 'none'} ${deps.url()}`),
    adapter: null,
    url: '',
    keys,
    health: createHealth(),
    entries: createEntries((e) => viewOf(e, keys.get(e.key), rt.recent), (what, err) => rt.log(what, err)),
    recovered: new Map(),
    recent: { tags: [], collections: [] },
    ctx: () => ({ document: doc, url: deps.url() }),
  };
  const completer = createCompleter(rt);
  const merge = createAliasMerge(rt);
  const status = createStatus(rt, {
    tryComplete: completer.tryComplete,
    answered: (reply, unsaved) => merge.answered(Array.isArray(reply.aliases) ? reply.aliases : [], unsaved),
  });
  const panel = createPanel(rt);
  const saver = createSaver(rt, panel);
  const scanner = createScanner(rt, {
    wantStatus: status.want,
    statusSoon: status.soon,
    tryComplete: completer.tryComplete,
    newPageView: () => {
      completer.reset();
      merge.reset();
      rt.health.reset(rt.adapter?.id ?? null);
    },
    actionsFor,
  });

  // The open panel's edits come with the panel UI (panel-edits.ts), made on first use.
  let panelEdits: PanelEdits | null = null;
  const edits = (): PanelEdits => {
    const make = panelEdits ? null : deps.panelEdits?.();
    if (make) panelEdits = make(rt);
    if (!panelEdits) throw new Error('the save panel is not loaded');
    return panelEdits;
  };

  /** The callbacks of the control of `el`; each one is isolated (a failure is logged, never thrown into the page). */
  function actionsFor(el: Element): ControlActions {
    const guard = (name: string, fn: () => unknown) => {
      try {
        const r = fn();
        if (r instanceof Promise) r.catch((err) => rt.log(name, err));
      } catch (err) {
        rt.log(name, err);
      }
    };
    return {
      activate: (viaKeyboard) => guard('activate', () => saver.activate(el, viaKeyboard)),
      closePanel: () => guard('closePanel', () => panel.close(el)),
      update: (patch) => guard('update', () => edits().update(el, patch)),
      createCollection: (name) => guard('createCollection', () => edits().createCollection(el, name)),
      saveThread: () => guard('saveThread', () => edits().saveThread(el)),
    };
  }

  function safeScan(records?: readonly MutationRecord[]): void {
    try {
      scanner.scan(records);
    } catch (err) {
      rt.log('scan failed', err);
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      status.stop();
      rt.entries.unmountAll();
      for (const h of doc.querySelectorAll('satchel-save')) if (rt.entries.owns(h)) h.remove();
    },
    { once: true },
  );

  if (!signal.aborted) {
    onDomChange(doc, safeScan, {
      signal,
      schedule: deps.schedule,
      attributes: deps.idAttributes ?? ALL_ID_ATTRIBUTES,
      // Our own inserts (and removals we made) are no news; a host removed by the page is.
      ignore: (r) => r.type === 'childList' && isOnlyHosts(r.addedNodes) && removedOnlyOurUnmounts(r.removedNodes, rt.entries.owns),
      dropOwnChanges: true, // a scan's own inserts are all ignorable: skip delivering them at all
    });
    safeScan();
  }

  return {
    urlChanged: () => {
      try {
        if (deps.url() !== rt.url) scanner.handleUrl();
        scanner.scan();
      } catch (err) {
        rt.log('urlChanged failed', err);
      }
    },
    scan: () => safeScan(),
    saveInView: async () => {
      try {
        return await saver.saveInView(() => scanner.scan());
      } catch (err) {
        rt.log('saveInView failed', err);
        return { ok: false, error: reasonOf(err, t) };
      }
    },
    savedElsewhere: (k) => {
      try {
        status.savedElsewhere(k);
      } catch (err) {
        rt.log('savedElsewhere failed', err);
      }
    },
    health: () => rt.health.snapshot(),
  };
}
