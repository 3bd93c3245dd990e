/**
 * The second phase of "Report this page" (start.ts): a dialog that shows exactly the anonymised
 * sample that would be saved, with "Save as file" (a download from a blob URL: nothing is sent
 * anywhere) and "Cancel". Focus stays in the dialog; Esc closes.
 */
import { reportFileName, type ReportSample } from './anonymise';
import { make, type ReportShell } from './shell';

/** Shows the dialog for `sample` in `ui.layer` and moves focus into it. */
export function showDialog(ui: ReportShell, sample: ReportSample): void {
  const doc = ui.doc;
  const fileName = reportFileName(sample);
  const backdrop = make(doc, 'div', { class: 'backdrop' });
  const dialog = make(doc, 'div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'satchel-report-title', 'aria-describedby': 'satchel-report-intro' });
  const title = make(doc, 'h2', { id: 'satchel-report-title' }, ui.t('reportDialogTitle'));
  const intro = make(doc, 'p', { id: 'satchel-report-intro' }, ui.t('reportDialogIntro'));
  const meta = make(doc, 'p', { class: 'meta' }, ui.t('reportDialogMeta', { site: sample.site, kind: sample.pageKind, file: fileName, size: sample.html.length }));
  const pre = make(doc, 'pre', { tabindex: '0', 'aria-label': ui.t('reportDialogSample'), 'data-testid': 'report-sample' }, sample.html);
  const status = make(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const saveBtn = make(doc, 'button', { type: 'button', class: 'primary' }, ui.t('reportSave'));
  const closeBtn = make(doc, 'button', { type: 'button' }, ui.t('reportCancel'));
  const actions = make(doc, 'div', { class: 'actions' });
  actions.append(saveBtn, closeBtn);
  dialog.append(title, intro, meta, pre, status, actions);
  ui.layer.append(backdrop, dialog);
  ui.setFocusTarget(pre);

  saveBtn.addEventListener('click', () => {
    try {
      if (ui.opts.download) ui.opts.download(sample.html, fileName);
      else downloadFile(sample.html, fileName, ui.layer);
      ui.markSaved();
      status.classList.remove('error');
      status.textContent = ui.t('reportSaved', { file: fileName });
      closeBtn.textContent = ui.t('reportClose');
    } catch (err) {
      status.classList.add('error');
      status.textContent = ui.t('reportSaveFailed', { error: err instanceof Error ? err.message : String(err) });
    }
  });
  closeBtn.addEventListener('click', () => ui.close());

  // Focus stays in the dialog: Tab and Shift+Tab cycle through its three stops; Esc closes.
  const stops: HTMLElement[] = [pre, saveBtn, closeBtn];
  ui.listen('keydown', (e) => {
    const k = e as KeyboardEvent;
    e.stopImmediatePropagation();
    if (k.key === 'Escape') {
      k.preventDefault();
      ui.close();
    } else if (k.key === 'Tab') {
      k.preventDefault();
      const at = stops.indexOf(ui.shadow.activeElement as HTMLElement);
      stops[(at + (k.shiftKey ? -1 : 1) + stops.length) % stops.length]!.focus();
    }
  });
  for (const type of ['keyup', 'keypress']) ui.listen(type, (e) => e.stopImmediatePropagation());
  ui.listen('focusin', (e) => {
    if (!ui.inUi(e)) pre.focus();
  });
  pre.focus();
}

/**
 * Saves `html` through a blob URL and a temporary `<a download>` put in `where` (the report UI's
 * shadow root, so the page's link handlers never see an anchor): the browser's own download.
 */
export function downloadFile(html: string, fileName: string, where: Element): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = make(where.ownerDocument, 'a', { href: url, download: fileName, hidden: '' });
  where.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
