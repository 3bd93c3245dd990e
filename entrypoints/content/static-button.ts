import type { ControlView, SaveStatus } from '../../lib/capture/types';
import { SAVE_BUTTON_LABEL, SAVE_BUTTON_TEXT } from '../../components/save-button-labels';

/** Reads a UI string by its messages.json key. */
export type Translate = (key: string, substitutions?: string[]) => string;

const LABEL = SAVE_BUTTON_LABEL;
const TEXT = SAVE_BUTTON_TEXT;

/**
 * The Save control's button in the "save" state, as components/SaveButton.tsx renders it (one
 * `button.satchel-btn.is-save` holding its visible text; the icon is drawn by the stylesheet), to be
 * cloned per post so a feed of 1,000 posts pays no Preact render and two nodes per control
 * (content-overhead bench, BENCHMARKS.md). The live region SaveButton renders after the button is
 * added by {@link ensureLiveRegion} once the learner reaches the control; tests/content-static-button.test.tsx
 * compares the two for every state.
 */
export function staticControlMarkup(doc: Document, t: Translate): HTMLButtonElement {
  const btn = doc.createElement('button');
  const label = t(LABEL.save);
  btn.type = 'button';
  btn.className = 'satchel-btn is-save';
  btn.setAttribute('aria-label', label);
  btn.setAttribute('aria-expanded', 'false');
  btn.setAttribute('title', label);
  btn.textContent = t(TEXT.save);
  return btn;
}

/**
 * The polite live region (`span.satchel-sr[role=status]`) that follows the button in `root`,
 * created on first call. Created when the learner first reaches a control (pointer or focus) or
 * starts a save, so it is in the accessibility tree before anything is announced in it.
 */
export function ensureLiveRegion(root: ParentNode): Element | null {
  const btn = root.querySelector('button.satchel-btn');
  if (!btn) return null;
  const next = btn.nextElementSibling;
  if (next?.classList.contains('satchel-sr')) return next;
  const sr = btn.ownerDocument.createElement('span');
  sr.className = 'satchel-sr';
  sr.setAttribute('role', 'status');
  sr.setAttribute('aria-live', 'polite');
  btn.after(sr);
  return sr;
}

/**
 * Paints `view`'s button state onto static markup made by {@link staticControlMarkup} (inside
 * `root`): class (which picks the icon), accessible name, description, busy flag and text, exactly
 * as SaveButton would; and, like SaveButton, announces a save the learner made finishing or failing
 * in the live region (`prev` is the status painted before).
 */
export function paintStaticControl(root: ParentNode, view: ControlView, prev: SaveStatus, t: Translate): void {
  const btn = root.querySelector('button.satchel-btn');
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
  btn.textContent = t(TEXT[status]);
  // A save in flight is about to be announced: the region must exist before its text changes.
  if (status === 'saving') ensureLiveRegion(root);
  if (prev === 'saving' && status === 'saved') announce(root, t('saveButtonSaved'));
  else if (status === 'failed' && prev !== 'failed') announce(root, `${t('saveButtonFailed')}. ${view.error ?? ''}`.trim());
}

function announce(root: ParentNode, text: string): void {
  const sr = ensureLiveRegion(root);
  if (sr) sr.textContent = text;
}

function toggleAttr(el: Element, name: string, value: string | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
