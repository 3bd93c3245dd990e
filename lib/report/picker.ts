/**
 * The first phase of "Report this page" (start.ts): pick a post. Pointer: hover highlights, click
 * picks. Keyboard: Tab / Shift+Tab go from post to post, Enter picks, Esc cancels. The page gets
 * none of these events (X opens a post on click, and has single-key shortcuts).
 */
import { anonymise, type ReportSample } from './anonymise';
import { make, type ReportShell } from './shell';

/**
 * Shows the picker in `ui.layer`; calls `onPicked` with the anonymised sample of the chosen post
 * (after ending this phase and emptying the layer). A post whose sample cannot be made says why
 * and stays pickable. Returns `focus` (to the picker banner) and `sayIfEmpty` ("no posts here" when the adapter finds none).
 */
export function showPicker(ui: ReportShell, onPicked: (sample: ReportSample) => void): { focus(): void; sayIfEmpty(): void } {
  const doc = ui.doc;
  const banner = make(doc, 'div', { class: 'banner', role: 'group', tabindex: '-1', 'aria-labelledby': 'satchel-report-prompt' });
  const prompt = make(doc, 'p', { id: 'satchel-report-prompt' }, ui.t('reportPickPrompt'));
  const live = make(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const cancelPick = make(doc, 'button', { type: 'button' }, ui.t('reportCancel'));
  const text = make(doc, 'div');
  text.append(prompt, live);
  banner.append(text, cancelPick);
  const hl = make(doc, 'div', { class: 'hl', 'aria-hidden': 'true' });
  ui.layer.append(hl, banner);
  cancelPick.addEventListener('click', () => ui.close());
  ui.setFocusTarget(banner);

  let current: Element | null = null;
  const posts = () => ui.opts.adapter.findPosts(doc);
  /** The post under an event target: the innermost post root that contains it (a reply, not its thread). */
  const postAt = (target: EventTarget | null): Element | null => {
    const el = target && (target as Node).nodeType === 1 ? (target as Element) : null;
    if (!el || el === ui.host) return null;
    const roots = posts().filter((r) => r.contains(el));
    return roots[roots.length - 1] ?? null;
  };
  const highlight = (post: Element | null) => {
    current = post;
    if (!post) {
      hl.classList.remove('on');
      return;
    }
    const r = post.getBoundingClientRect();
    Object.assign(hl.style, { top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
    hl.classList.add('on');
  };
  const say = (s: string) => {
    live.textContent = s;
  };
  const move = (delta: 1 | -1) => {
    const list = posts();
    if (list.length === 0) {
      say(ui.t('reportPickNone'));
      return;
    }
    const at = current ? list.indexOf(current) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
    const post = list[next]!;
    post.scrollIntoView?.({ block: 'center' });
    highlight(post);
    say(ui.t('reportPickPost', { n: next + 1, total: list.length }));
  };

  ui.listen('pointerover', (e) => {
    if (!ui.inUi(e)) highlight(postAt(e.target));
  }, true);
  ui.listen('click', (e) => {
    if (ui.inUi(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const post = postAt(e.target);
    if (post) pick(post);
    else say(ui.t('reportPickNotPost'));
  });
  // The page must not act on the presses that pick a post (X opens a post on click).
  for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'auxclick']) {
    ui.listen(type, (e) => {
      if (ui.inUi(e)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    });
  }
  ui.listen('keydown', (e) => {
    const k = e as KeyboardEvent;
    e.stopImmediatePropagation(); // no page shortcuts (X: j, k, l…) while reporting
    if (k.key === 'Escape') {
      k.preventDefault();
      ui.close();
    } else if (k.key === 'Tab') {
      k.preventDefault();
      move(k.shiftKey ? -1 : 1);
    } else if ((k.key === 'Enter' || k.key === ' ') && !e.composedPath().includes(cancelPick)) {
      k.preventDefault();
      if (current) pick(current);
      else say(ui.t('reportPickNone'));
    }
  });
  for (const type of ['keyup', 'keypress']) ui.listen(type, (e) => e.stopImmediatePropagation());
  ui.listen('scroll', () => highlight(current), true);
  ui.listen('resize', () => highlight(current), true);

  const pick = (post: Element) => {
    let sample: ReportSample;
    try {
      sample = anonymise(post, { site: ui.opts.adapter.id, pageUrl: ui.opts.url(), now: ui.opts.now?.(), seed: ui.opts.seed?.() });
    } catch (err) {
      say(ui.t('reportSampleFailed', { error: err instanceof Error ? err.message : String(err) }));
      return;
    }
    ui.endPhase();
    ui.layer.replaceChildren();
    onPicked(sample);
  };


  return {
    focus: () => banner.focus(),
    sayIfEmpty: () => {
      if (posts().length === 0) say(ui.t('reportPickNone'));
    },
  };
}
