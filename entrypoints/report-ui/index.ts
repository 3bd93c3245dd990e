import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { REPORT_UI_GLOBAL, type ReportUi } from '../../lib/report/global';
import { startReport } from '../../lib/report/start';

/**
 * The "Report this page" UI (post picker, sample dialog, anonymiser), injected into a tab's
 * content-script world by the popup or options page only when the learner starts a report
 * (./inject.ts), then started by the site's content script on `report/start` with its adapter.
 * Not part of the content script, which stays small (docs/decisions/0005-content-script-size.md).
 */
export default defineUnlistedScript(() => {
  const ui: ReportUi = { start: (deps) => void startReport(deps) };
  // Injected again for a second report in the same tab: keep the first copy (it knows the open UI).
  (globalThis as Record<string, unknown>)[REPORT_UI_GLOBAL] ??= ui;
});
