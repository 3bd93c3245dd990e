/**
 * The contract between a site's content script and the report UI (entrypoints/report-ui/index.ts),
 * which the popup or options page injects into the tab's content-script world only when the learner
 * starts a report; it leaves itself at {@link REPORT_UI_GLOBAL}. Type and name only, so the content
 * script stays small (docs/decisions/0005-content-script-size.md).
 */
import type { SiteAdapter } from '../sites/types';

/** Where report-ui.js leaves {@link ReportUi} in the content scripts' isolated world. */
export const REPORT_UI_GLOBAL = '__satchelReportUi';

/** What the content script hands the report UI. */
export interface ReportStartDeps {
  /** The page's adapter: which elements are posts, and the site id. */
  adapter: Pick<SiteAdapter, 'id' | 'findPosts' | 'postRootOf'>;
  /** UI strings by messages.json key (`{name}` tokens are filled by the UI). */
  t: (key: string) => string;
  /** The page's document. */
  document: Document;
  /** The page URL now (SPA navigation changes it). */
  url: () => string;
}

/** The report UI: `start` opens the picker (or brings the open one back to focus). */
export interface ReportUi {
  start(deps: ReportStartDeps): void;
}
