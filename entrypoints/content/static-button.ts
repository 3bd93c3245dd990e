import type { ControlView, SaveStatus } from '../../lib/capture/types';
import { SAVE_BUTTON_ICON, SAVE_BUTTON_LABEL, SAVE_BUTTON_TEXT } from '../../components/save-button-labels';

/** Reads a UI string by its messages.json key. */
export type Translate = (key: string, substitutions?: string[]) => string;

const LABEL = SAVE_BUTTON_LABEL;
const TEXT = SAVE_BUTTON_TEXT;
const ICON_SAVED = SAVE_BUTTON_ICON.saved;
const ICON_FAILED = SAVE_BUTTON_ICON.failed;
const ICON_SAVE = SAVE_BUTTON_ICON.save;

/**
 * Static markup of the Save control (`span.satchel > span.satchel-ctl > button + live region`) in
 * the "save" state: the same DOM that components/SaveButton.tsx renders inside the Preact control
 * (tests/content-static-button.test.tsx compares them for every state). Cloned per post, so a feed
 * of 1,000 posts pays no Preact render (content-overhead bench).
 */
export function staticControlMarkup(doc: Document, t: Translate): DocumentFragment {
  const tpl = doc.createElement('template');
  const label = escapeHtml(t(LABEL.save));
  tpl.innerHTML =
    `<span class="satchel"><span class="satchel-ctl"><button type="button" class="satchel-btn is-save" aria-label="${label}" aria-expanded="false" title="${label}">` +
    `<svg class="satchel-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" d="${ICON_SAVE}"></path></svg>` +
    `<span class="satchel-text" aria-hidden="true">${escapeHtml(t(TEXT.save))}</span></button>` +
    `<span class="satchel-sr" role="status" aria-live="polite"></span></span></span>`;
  return tpl.content;
}

/**
 * Paints `view`'s button state onto static markup made by {@link staticControlMarkup} (inside
 * `root`): class, accessible name, description, busy flag, icon and text, exactly as SaveButton
 * would; and, like SaveButton, announces a save the learner made finishing or failing in the live
 * region (`prev` is the status painted before).
 */
export function paintStaticControl(root: Element, view: ControlView, prev: SaveStatus, t: Translate): void {
  const btn = root.querySelector('button');
  if (!btn) return;
  const { status } = view;
  const label = t(LABEL[status]);
  const reason = status === 'failed' && view.error ? view.error : null;
  btn.className = `satchel-btn is-${status}`;
  btn.setAttribute('aria-label', label);
  btn.setAttribute('aria-expanded', String(view.panel !== null));
  toggleAttr(btn, 'aria-busy', status === 'saving' ? 'true' : null);
  toggleAttr(btn, 'aria-description', reason);
  btn.setAttribute('title', reason ? `${label}: ${reason}` : label);
  const path = btn.querySelector('path');
  if (path) {
    if (status === 'saved' || status === 'failed') {
      path.setAttribute('fill', 'currentColor');
      path.removeAttribute('stroke');
      path.removeAttribute('stroke-width');
      path.setAttribute('d', status === 'saved' ? ICON_SAVED : ICON_FAILED);
    } else {
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', 'currentColor');
      path.setAttribute('stroke-width', '2');
      path.setAttribute('d', ICON_SAVE);
    }
  }
  const text = btn.querySelector('.satchel-text');
  if (text) text.textContent = t(TEXT[status]);
  const sr = root.querySelector('.satchel-sr');
  if (sr) {
    if (prev === 'saving' && status === 'saved') sr.textContent = t('saveButtonSaved');
    else if (status === 'failed' && prev !== 'failed') sr.textContent = `${t('saveButtonFailed')}. ${view.error ?? ''}`.trim();
  }
}

function toggleAttr(el: Element, name: string, value: string | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
