import type { CaptureDraft } from '../schema';
import type { PostEntry } from './entries';
import { applyCapture, keyOf } from './keys';
import type { Panel } from './panel';
import { pickPostInView } from './pick-post-in-view';
import { isContentKey } from '../schema/content-key';
import { ExtractError } from '../sites/types';
import { adoptRealId, probeId } from './recover-id';
import { errorOf, isOk, reasonOf, unreadableReason } from './replies';
import { readPostId, type Runtime } from './runtime';
import type { SaveInViewResult } from './types';

/** Saving: a click on a control, or the keyboard shortcut. */
export interface Saver {
  /** The control of `el` was pressed: save (or retry), or toggle the panel when already saved. */
  activate(el: Element, viaKeyboard: boolean): Promise<void>;
  /** Keyboard shortcut: saves the post that has focus, else the one most in view (after a fresh scan). */
  saveInView(scan: () => void): Promise<SaveInViewResult>;
}

/** The saving part of the flow. */
export function createSaver(rt: Runtime, panel: Panel): Saver {
  const { entries, keys, t } = rt;

  function fail(e: PostEntry, key: string, reason: string): SaveInViewResult {
    const st = keys.get(key);
    st.status = 'failed';
    st.error = reason;
    if (e.key === key) panel.open(e, false);
    entries.renderKey(key);
    return { ok: false, error: reason };
  }

  /** Saves the post `e` shows right now: re-reads its id and extracts its current content. */
  async function save(e: PostEntry, viaKeyboard: boolean): Promise<SaveInViewResult> {
    const a = rt.adapter;
    if (!a) return { ok: false, error: t('errorNoPost') };
    const c = rt.ctx();
    let postId: string | null = null;
    try {
      postId = readPostId(rt, a, e.el, c);
    } catch (err) {
      rt.log('postId failed', err);
    }
    if (!postId) {
      rt.health.refused('no-id', e.el);
      return fail(e, e.key, t('errorNoPost'));
    }
    // Recycled between the last scan and this click: follow the post shown now.
    if (postId !== e.postId) entries.rekey(e, postId, keyOf(a.id, postId));
    let key = e.key;
    const st = keys.get(key);
    st.status = 'saving';
    st.error = null;
    e.panelOpen = false;
    entries.renderKey(key);
    let draft: CaptureDraft;
    try {
      // A post whose page shows no id: the page's own props may still hold it (never on page load).
      const recoveredId = isContentKey(postId) ? await probeId(rt, e.el) : null;
      if (rt.signal.aborted) return { ok: false, error: t('errorReload') };
      draft = a.extract(e.el, recoveredId ? { ...c, recoveredId } : c);
    } catch (err) {
      rt.health.refused(err instanceof ExtractError ? 'unreadable' : 'error', e.el);
      rt.log('extract failed', err); // the developer message: console only
      return fail(e, key, unreadableReason(err, a.id, t));
    }
    rt.health.draftRead(draft, e.el, a);
    // Its real id was found: the control follows the post to its real key before the save lands.
    if (isContentKey(postId) && draft.postId !== postId && !isContentKey(draft.postId)) key = adoptRealId(rt, a.id, postId, draft.postId);
    let reply;
    try {
      reply = await rt.send({ type: 'capture/save', draft });
    } catch (err) {
      rt.health.refused('no-answer', e.el);
      return fail(e, key, reasonOf(err, t));
    }
    if (rt.signal.aborted) return { ok: false, error: t('errorReload') };
    if (!isOk(reply)) {
      rt.health.refused('refused', e.el);
      return fail(e, key, errorOf(reply) ?? t('errorNoAnswer'));
    }
    applyCapture(st, reply.capture, draft);
    if (e.key === key && entries.get(e.el) === e) panel.show(e, viaKeyboard);
    entries.renderKey(key);
    return { ok: true, key };
  }

  async function activate(el: Element, viaKeyboard: boolean): Promise<void> {
    const e = entries.get(el);
    if (!e) return;
    const st = keys.get(e.key);
    if (st.status === 'saving') return;
    if (st.status !== 'saved') {
      await save(e, viaKeyboard);
      return;
    }
    if (e.panelOpen) e.panelOpen = false;
    else panel.show(e, viaKeyboard);
    entries.render(e);
  }

  async function saveInView(scan: () => void): Promise<SaveInViewResult> {
    if (rt.signal.aborted) return { ok: false, error: t('errorReload') };
    scan();
    const el = pickPostInView([...entries.live], rt.doc);
    const e = el ? entries.get(el) : undefined;
    if (!e) return { ok: false, error: t('errorNoPostInView') };
    const st = keys.get(e.key);
    if (st.status === 'saving') return { ok: true, key: e.key };
    if (st.status !== 'saved') return save(e, true);
    panel.show(e, true);
    entries.render(e);
    return { ok: true, key: e.key };
  }

  return { activate, saveInView };
}
