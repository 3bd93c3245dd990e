import type { CaptureDraft } from '../schema';
import type { PostEntry } from './entries';
import { applyCapture, keyOf } from './keys';
import { errorOf, isOk, request, unreadableReason } from './replies';
import type { Runtime } from './runtime';
import type { CapturePatch } from './types';

/** The save panel: one open at a time; library fields, collections and the thread offer. */
export interface Panel {
  /** Opens `e`'s panel and closes every other one (one panel at a time). */
  open(e: PostEntry, focus: boolean): void;
  /** Closes the panel of `el`, if open. */
  close(el: Element): void;
  /** Opens the panel after a save or a click on a saved control: recent choices and the thread offer load with it. */
  show(e: PostEntry, focus: boolean): void;
  /** Saves the thread around the post of `el`. */
  saveThread(el: Element): Promise<void>;
  /** Sends the learner's changes to the capture of `el`. */
  update(el: Element, patch: CapturePatch): Promise<void>;
  /** Creates a collection and adds the capture of `el` to it. */
  createCollection(el: Element, name: string): Promise<void>;
}

/** The panel part of the flow. */
export function createPanel(rt: Runtime): Panel {
  const { entries, keys, t } = rt;

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

  async function saveThread(el: Element): Promise<void> {
    const e = entries.get(el);
    const a = rt.adapter;
    if (!e || !a?.extractThread) return;
    const st = keys.get(e.key);
    st.thread = 'saving';
    st.panelError = null;
    entries.renderKey(e.key);
    let draft: CaptureDraft | null = null;
    try {
      draft = a.extractThread(e.el, rt.ctx());
    } catch (err) {
      rt.log('extractThread failed', err); // the developer message: console only
      st.panelError = unreadableReason(err, a.id, t);
    }
    if (!draft) {
      st.thread = 'failed';
      st.panelError ??= t('errorNoThread');
      entries.renderKey(e.key);
      return;
    }
    const reply = await request(rt, { type: 'capture/save', draft });
    if (rt.signal.aborted) return;
    if (!isOk(reply)) {
      st.thread = 'failed';
      st.panelError = errorOf(reply) ?? t('errorNoAnswer');
    } else {
      st.thread = 'saved';
      const threadKey = keyOf(draft.platform, draft.postId);
      const tst = keys.get(threadKey);
      applyCapture(tst, reply.capture, draft);
      tst.thread = 'saved';
      if (threadKey !== e.key) entries.renderKey(threadKey);
    }
    entries.renderKey(e.key);
  }

  async function update(el: Element, patch: CapturePatch): Promise<void> {
    const e = entries.get(el);
    if (!e) return;
    const key = e.key;
    const st = keys.get(key);
    if (!st.captureId) return;
    if (patch.intent !== undefined) st.intent = patch.intent;
    if (patch.tags) st.tags = patch.tags;
    if (patch.note !== undefined) st.note = patch.note ?? '';
    if (patch.collectionIds) st.collectionIds = patch.collectionIds;
    st.panelError = null;
    entries.renderKey(key);
    const reply = await request(rt, { type: 'capture/update', id: st.captureId, patch });
    if (rt.signal.aborted) return;
    if (!isOk(reply)) {
      st.panelError = errorOf(reply) ?? t('errorNoAnswer');
      entries.renderKey(key);
    }
  }

  async function createCollection(el: Element, name: string): Promise<void> {
    const e = entries.get(el);
    if (!e || !name.trim()) return;
    const reply = await request(rt, { type: 'collection/create', name: name.trim() });
    if (rt.signal.aborted) return;
    if (!isOk(reply) || !reply.collection) {
      keys.get(e.key).panelError = errorOf(reply) ?? t('errorNoAnswer');
      entries.renderKey(e.key);
      return;
    }
    const col = { id: reply.collection.id, name: reply.collection.name };
    rt.recent = { ...rt.recent, collections: [col, ...rt.recent.collections.filter((c) => c.id !== col.id)] };
    const st = keys.get(e.key);
    await update(el, { collectionIds: [...st.collectionIds.filter((id) => id !== col.id), col.id] });
    entries.renderAll();
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
    saveThread,
    update,
    createCollection,
  };
}
