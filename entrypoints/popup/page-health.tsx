import type { PageHealth, PageHealthIssue } from '../../lib/capture/health-judge';
import { parseHealthReply } from '../../lib/messages/to-content';
import { runHealthProbe } from '../../lib/platform/health-probe';
import { getActiveTab, sendToTab } from '../../lib/platform/tabs';
import { isSiteId, SITE_META } from '../../lib/sites/meta';
import { pluralKey, type Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';

/**
 * The popup's "This page" line (issue 9 part 3): asks the active tab's content script how capture
 * went there (`health/get`) and says so only when something is off. A tab without a Satchel content
 * script does not answer, and nothing is shown.
 */

/**
 * Asks the active tab's content script (top frame) for its health counters; null when none answers.
 * When one does, also runs the health probe there (lib/platform/health-probe.ts) for the posts the
 * page shows that Satchel did not recognise: `postsUnrecognised`, left out when the probe could not run.
 */
export async function askPageHealth(probe: (tabId: number) => Promise<number | null> = runHealthProbe): Promise<PageHealth | null> {
  const tab = await getActiveTab().catch(() => null);
  if (tab?.id === undefined) return null;
  const r = await sendToTab(tab.id, { type: 'health/get' });
  const health = r.delivered ? parseHealthReply(r.reply) : null;
  if (!health?.site) return health;
  const unrecognised = await probe(tab.id);
  return unrecognised === null ? health : { ...health, postsUnrecognised: unrecognised };
}

/** The messages.json key of each issue kind (with a `…One` singular, except `none-found`, which names no number). */
const MESSAGE: Record<PageHealthIssue['kind'], string> = {
  'none-found': 'pageHealthNoneFound',
  unread: 'pageHealthUnread',
  unfound: 'pageHealthUnfound',
  partial: 'pageHealthPartial',
  layout: 'pageHealthLayout',
};

/** The sentence for `issue`, plural-safe: the `…One` message where the locale's plural rule says "one". */
export function pageHealthText(issue: PageHealthIssue, t: Translate, locale?: string): string {
  const base = MESSAGE[issue.kind];
  const site = isSiteId(issue.site) ? t(SITE_META[issue.site].nameKey) : issue.site;
  return fmt(t(issue.kind === 'none-found' ? base : pluralKey(base, issue.count, locale)), { site, count: issue.count }, locale);
}

/** Props of {@link PageHealthLine}. */
export interface PageHealthLineProps {
  /** From `judgeHealth` (lib/capture/health-judge.ts); null: nothing is rendered. */
  issue: PageHealthIssue | null;
  t: Translate;
  locale?: string;
}

/** "This page: <what is off>", or nothing when all is well. */
export function PageHealthLine({ issue, t, locale }: PageHealthLineProps) {
  if (!issue) return null;
  return (
    <p class="popup__page status status--error" role="status" data-testid="page-health">
      <strong>{t('popupThisPage')}:</strong> {pageHealthText(issue, t, locale)}
    </p>
  );
}

