import type { CaptureDraft } from '../schema';
import { applyCapture, keyOf } from './keys';
import { errorOf, isOk, request, unreadableReason } from './replies';
import type { Runtime } from './runtime';
import type { CapturePatch } from './types';

/**
 * What an open save panel does: library fields, a new collection, the thread. Only the Preact panel
 * calls these, so they are not in the content script: entrypoints/content/control-ui.tsx hands
 * {@link createPanelEdits} over with the panel UI (panel-ui.js, injected on the first panel open;
 * docs/decisions/0005-content-script-size.md), and the controller builds them on first use
 * (`CaptureDeps.panelEdits`). They run in the content script's world on its own {@link Runtime}.
 */
export interface PanelEdits {
  /** Saves the thread around the post of `el`. */
  saveThread(el: Element): Promise<void>;
  /** Sends the learner's changes to the capture of `el`. */
  update(el: Element, patch: CapturePatch): Promise<void>;
  /** Creates a collection and adds the capture of `el` to it. */
  createCollection(el: Element, name: string): Promise<void>;
}

/** The panel's edits over `rt` (see {@link PanelEdits}). */
export function createPanelEdits(rt: Runtime): PanelEdits {
  const { entries, keys, t } = rt;

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

  return { saveThread, update, createCollection };
}
