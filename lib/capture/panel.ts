import type { PostEntry } from './entries';
import { isOk } from './replies';
import type { Runtime } from './runtime';

/**
 * The save panel: one open at a time, its recent choices and the thread offer. What the open panel
 * does (library fields, collections, saving the thread) is in panel-edits.ts, loaded with the panel UI.
 */
export interface Panel {
  /** Opens `e`'s panel and closes every other one (one panel at a time). */
  open(e: PostEntry, focus: boolean): void;
  /** Closes the panel of `el`, if open. */
  close(el: Element): void;
  /** Opens the panel after a save or a click on a saved control: recent choices and the thread offer load with it. */
  show(e: PostEntry, focus: boolean): void;
}

/** The panel part of the flow. */
export function createPanel(rt: Runtime): Panel {
  const { entries, keys } = rt;

  function open(e: PostEntry, focus: boolean): void {
    for (const el of entries.live) {
      const o = entries.get(el);
      if (o && o !== e && o.panelOpen) {
        o.panelOpen = false;
        entries.render(o);
      }
    }
    e.panelOpen = true;
    e.focusPanel = focus;
  }

  function show(e: PostEntry, focus: boolean): void {
    open(e, focus);
    void loadRecent();
    offerThread(e);
  }

  /** Offers "Save thread" when the adapter can read a thread around this post on this page. */
  function offerThread(e: PostEntry): void {
    const st = keys.get(e.key);
    if (!rt.adapter?.extractThread || st.thread === 'saving' || st.thread === 'saved') return;
    try {
      const d = rt.adapter.extractThread(e.el, rt.ctx());
      st.thread = d && d.thread.length > 1 ? 'available' : 'none';
    } catch {
      st.thread = 'none';
    }
  }

  async function loadRecent(): Promise<void> {
    let reply;
    try {
      reply = await rt.send({ type: 'library/recent' });
    } catch (err) {
      rt.log('library/recent failed', err);
      return;
    }
    if (rt.signal.aborted || !isOk(reply)) return;
    rt.recent = {
      tags: Array.isArray(reply.tags) ? reply.tags.slice(0, 12) : [],
      collections: Array.isArray(reply.collections) ? reply.collections.map((c) => ({ id: c.id, name: c.name })).slice(0, 12) : [],
    };
    entries.renderAll();
  }

  return {
    open,
    close(el) {
      const e = entries.get(el);
      if (e?.panelOpen) {
        e.panelOpen = false;
        entries.render(e);
      }
    },
    show,
  };
}
