/**
 * The leading comment of a report sample: which site, which kind of page (its path shape only),
 * when, and that Satchel anonymised it. `npm run fixture` reads it back (scripts/fixture.ts).
 */

/** What a report sample says about itself. */
export interface ReportHeader {
  /** Site adapter id (`x`, `linkedin`, `yammer`): the fixture folder. */
  site: string;
  /** The page URL, anonymised, without query or fragment (the fixture's `url`). */
  pageUrl: string;
  /** Kind of page from its path shape (`timeline`, `status-page`, `feed`, `thread-page`…). */
  pageKind: string;
  /** Capture date, `YYYY-MM-DD` (UTC). */
  capturedAt: string;
}

/** First line of the comment; {@link parseReportHeader} looks for it. */
export const REPORT_MARK = 'Satchel report: anonymised by Satchel';

/** The comment for `h` (no `--` inside, so it is a valid HTML comment). */
export function formatReportHeader(h: ReportHeader): string {
  const safe = (s: string) => s.replace(/--+/g, (m) => m.split('').join(' ')).replace(/[\r\n]+/g, ' ');
  return [
    `<!-- ${REPORT_MARK}`,
    `site: ${safe(h.site)}`,
    `page: ${safe(h.pageUrl)}`,
    `page-kind: ${safe(h.pageKind)}`,
    `captured: ${safe(h.capturedAt)}`,
    'Names, handles, profile links, texts, image and link addresses and ids in this file were replaced',
    'by placeholders on the computer it was made on; tags, classes, roles and data-testid are as the',
    'site wrote them. Nothing was sent anywhere. To make it a test fixture, give this file to',
    '`npm run fixture` (docs/reporting-a-page.md).',
    '-->',
  ].join('\n');
}

/** The header of a sample's text, or null when it does not start with a Satchel report comment. */
export function parseReportHeader(html: string): ReportHeader | null {
  const m = /^\uFEFF?\s*<!--([\s\S]*?)-->/.exec(html);
  if (!m || !m[1]!.includes(REPORT_MARK)) return null;
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(\\S.*?)\\s*$`, 'm').exec(m[1]!)?.[1] ?? null;
  const site = field('site');
  const pageUrl = field('page');
  const pageKind = field('page-kind');
  const capturedAt = field('captured');
  if (!site || !pageUrl || !pageKind || !capturedAt) return null;
  return { site, pageUrl, pageKind, capturedAt };
}

/**
 * Kind of page from the path shape of `url` on `site` (only the shape: no handle, name or id),
 * used in the header and in the fixture name. `page` when the shape is not one we know.
 */
export function pageKindOf(site: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'page';
  }
  const rules = PAGE_KINDS[site] ?? [];
  for (const [re, kind] of rules) {
    const m = re.exec(path);
    if (m) return typeof kind === 'function' ? kind(m) : kind;
  }
  return 'page';
}

type KindRule = [RegExp, string | ((m: RegExpExecArray) => string)];
const PAGE_KINDS: Record<string, KindRule[]> = {
  x: [
    [/^\/home\/?$/, 'timeline'],
    [/^\/[^/]+\/status\/\d+/, 'status-page'],
    [/^\/search\/?$/, 'search'],
    [/^\/i\/lists\//, 'list'],
    [/^\/i\/bookmarks/, 'bookmarks'],
    [/^\/(?:explore|notifications)\b/, (m) => m[0]!.slice(1)],
    [/^\/[^/]+\/?(?:with_replies|media|likes|highlights)?\/?$/, 'profile'],
  ],
  linkedin: [
    [/^\/feed\/?$/, 'feed'],
    [/^\/feed\/update\/|^\/posts\//, 'post-page'],
    [/^\/in\/[^/]+\/recent-activity\/([a-z-]+)/, (m) => `activity-${m[1]}`],
    [/^\/company\/[^/]+\/posts/, 'company-posts'],
    [/^\/search\//, 'search'],
    [/^\/groups\//, 'group'],
    [/^\/in\/[^/]+\/?$/, 'profile'],
  ],
  yammer: [
    [/\/threads\//i, 'thread-page'],
    [/\/groups\/[^/]+/, 'community-feed'],
    [/\/feed\/?$/, 'home-feed'],
    [/\/users\//, 'profile'],
    [/\/topics\//, 'topic'],
  ],
};
