import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMENT_TOOLS, encodeSduiPostKey } from './sdui-encode';
import { REACT_DEMO_SCRIPT_PATH } from './demo-react/bundle';
import { linkedinLeftCard, linkedinRightCard, linkedinTopBar, xBanner, xSideColumn } from './demo-styles/chrome';
import { demoImage, learnAvatarNames } from './demo-styles/images';

/**
 * Demo feed pages, served under the real host names by the e2e fixture server and by `npm start`.
 *
 * Every post is a clone of a real captured post (tests/fixtures/<site>/*.html, the same files as
 * the raw corpus they were copied from) with fresh ids: the status/activity id is replaced everywhere it occurs, element
 * ids (`id__…`, `ember…`) get a per-post suffix, and the first text node of the post text gets a
 * `[n] ` prefix. Everything else is byte-identical to the capture. The pages behave like the sites
 * (docs/sites/README.md): the LinkedIn feed and X home timeline grow on scroll, the recycling X timeline
 * reuses a fixed pool of `cellInnerDiv` nodes (morphing them in place when the template matches,
 * like React does), and the X app navigates with pushState to a status page.
 *
 * The LinkedIn feed mixes the markup generations as LinkedIn does: the Ember/hybrid posts and the 7
 * posts of the real SDUI capture (docs/sites/linkedin.md "SDUI card layout"), whose id is not in the markup but encoded in
 * the comment bar's `componentkey`: an SDUI clone gets a fresh id re-encoded there (sdui-encode.ts)
 * and a fresh card token in all its keys. `?satchel-demo=react` on the feed URL is a feed rendered
 * by real React (demo-react/), whose cards hold their id in the DOM, in React props only, or nowhere.
 *
 * Pages expose `window.satchelDemo` (read-only helpers for tests): `rendered()`, `total`,
 * `idOf(postRoot)` (the id the demo put there: status/activity digits, or the URN for SDUI posts),
 * `postIds()` (ids in DOM order).
 */

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures');

export const FEED_TOTAL = 200;
export const FIRST_BATCH = 10;
export const BATCH = 10;
export const RECYCLE_POOL = 12;

/** Host names the fixture server answers for (besides 127.0.0.1/localhost for the index). */
export const SITE_HOSTS = [
  'www.linkedin.com',
  'x.com',
  'twitter.com',
  'engage.cloud.microsoft',
  'web.yammer.com',
] as const;
/** Media hosts mapped to the server too, answered with a local avatar or picture (demo-styles/images.ts; no network in tests). */
export const MEDIA_HOSTS = ['pbs.twimg.com', 'abs.twimg.com', 'video.twimg.com', 'media.licdn.com', 'static.licdn.com', 'dms.licdn.com', 'mugshot0.assets-yammer.com'] as const;

export const ENGAGE_THREAD_ID = '2454637482598400';
export const ENGAGE_THREAD_B64 = b64url(JSON.stringify({ _type: 'Thread', id: ENGAGE_THREAD_ID }));

const SYNTHETIC_ENGAGE_URL = `https://engage.cloud.microsoft/main/threads/${ENGAGE_THREAD_B64}`;

/** The demo pages, by name. */
export const DEMO_URLS = {
  /** Ember/hybrid and SDUI posts mixed, 200, grows as you scroll. */
  linkedinFeed: 'https://www.linkedin.com/feed/',
  /** A feed rendered by real React: cards A (id in the DOM), B (id in React props only), C (no id). */
  linkedinReact: 'https://www.linkedin.com/feed/?satchel-demo=react',
  /** The same React app later: card C's post again, now with its id (and another card). */
  linkedinReactLater: 'https://www.linkedin.com/feed/?satchel-demo=react-later',
  xHome: 'https://x.com/home',
  xRecycle: 'https://x.com/home?satchel-demo=recycle',
  /** The yammer adapter's thread fixture (tests/fixtures/yammer) when there is one, else a synthetic thread. */
  engageThread: yammerFixtureThread()?.url ?? SYNTHETIC_ENGAGE_URL,
  engageSynthetic: SYNTHETIC_ENGAGE_URL,
};

interface TemplateSpec {
  file: string;
  /** The post's own id as it appears in the markup (status id / activity id digits). */
  id: string;
}

/** X templates for the home timeline, in display order (post i uses template i % length). Ids from index.json. */
const X_HOME: TemplateSpec[] = [
  { file: 'x-2025-10_timeline_quote_quoted-has-image__tweetyoink', id: '1983130065320780162' },
  { file: 'x-2023-12_timeline_single-image_tco-link-split-spans', id: '1735933100781604135' },
  { file: 'x-2023-12_thread_cell-1-of-3_plain-text', id: '1734248650227779110' },
  { file: 'x-2024-01_timeline_link-card-small_tco', id: '1701506309486831197' },
  { file: 'x-2023-11_timeline_poll_finished', id: '1727106214990506796' },
  { file: 'x-2025-10_timeline_quote_quoted-has-video__tweetyoink', id: '1983128852952998358' },
  { file: 'x-2023-12_timeline_reposted-by-you_socialContext_video', id: '1730332754224697766' },
  { file: 'x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img', id: '1735785217305059476' },
  { file: 'x-2024-06_timeline_quote_quoted-4-videos_show-more_hashtag_emoji-img', id: '1704659543027884210' },
  { file: 'x-2024-01_timeline_brand_link-card-carousel_6-images', id: '1740834000149594564' },
  { file: 'x-2023-12_conversation_cell-1_parent', id: '1706099190242647642' },
  { file: 'x-2023-10_timeline_reposted-by-you_show-more_mention_OLD-css-1dbjc4n', id: '1694469132154857454' },
];
/** Recycling timeline: 6 templates, so a pool of 12 cells gets the same template back and is morphed in place. */
const X_RECYCLE: TemplateSpec[] = [X_HOME[0]!, X_HOME[1]!, X_HOME[2]!, X_HOME[3]!, X_HOME[4]!, X_HOME[5]!];
/** Status page: the focal tweet (its id is replaced by the opened status id), then the replies. */
const X_FOCAL: TemplateSpec = { file: 'x-2025-10_status-page-focal_link-card__tweetyoink', id: '1981398750557065646' };
const X_REPLIES: TemplateSpec[] = [
  { file: 'x-2023-12_conversation_cell-2_reply', id: '1706099462378450117' },
  { file: 'x-2023-12_thread_cell-2-of-3_plain-text', id: '1734248653921333595' },
  { file: 'x-2023-12_thread_cell-3-of-3_plain-text', id: '1734248657546422767' },
];
/** The LinkedIn home-feed fixtures the demo feed (and `BENCH_SITE=linkedin`) cycles through, with their activity ids. */
export const LINKEDIN_FEED: TemplateSpec[] = [
  { file: 'linkedin-2025-08_feed_post-text-only_see-more_hybrid-hashed-classes', id: '7366738224133115565' },
  { file: 'linkedin-2024-09_activity-comments_header-context_image_see-more', id: '7242285086220451164' },
  { file: 'linkedin-2026-07_activity-posts_video_see-more_tracking-scope_lnkd-in', id: '7486042476307682086' },
];

/**
 * The real SDUI ("Gen C") home-feed capture: its 7 posts, by card token (`expanded<token>FeedType_…`)
 * with the URN its comment bar key decodes to (checked against the fixture's .expected.json in tests/sdui-encode.test.ts).
 * Its 8th item, a LinkedIn Learning course card, is not a post and is left out.
 */
export const LINKEDIN_SDUI_FEED = {
  file: 'linkedin-2026-05_sdui-home-feed_8-items_no-ids',
  posts: [
    { token: 'tZCvg6mQUbHPXdhoYvBh6myBkQKrEQvE1ljgyMubZL4', urn: 'urn:li:activity:7453849345784098669' },
    { token: 'UsSx2lJXS0j1Lg-6ZyquEzWxGA8eFo7aKhG3nYB_rDI', urn: 'urn:li:activity:7430308991601339290' },
    { token: '2fsqHLVtSGNkHJKV3zsgFEGZmwhcCNV4vbzf2t2xVQ8', urn: 'urn:li:ugcPost:7455450864165221320' },
    { token: 'nL35T5gFgzaFOj3zKjy79jiPnPJLiM80MbKn_WM1VC8', urn: 'urn:li:activity:7455651781767760108' },
    { token: 'sFrn5QoQbOV8Nmed-h-BNCLtW_SFu1wP6BPmXVpXBZw', urn: 'urn:li:activity:7453925793710447516' },
    { token: 'JrxICVOgOyiYltJNI5VzPVmioDAZXhN5Uo4F08UUVa8', urn: 'urn:li:activity:7455273890129698544' },
    { token: 'Zefuztc2Vkh5opVPQcTlWK1Z3egu9Se73C8iuYWxCT0', urn: 'urn:li:ugcPost:7455634325133410494' },
  ],
} as const;

interface Template extends TemplateSpec {
  html: string;
}

/** One SDUI post of the capture as a clonable template: its feed item's markup, byte for byte. */
interface SduiTemplate {
  /** The feed item: the `mainFeed` list's child that holds the post (3 wrappers, then the list item). */
  html: string;
  token: string;
  urn: string;
  kind: 'activity' | 'ugcPost';
  /** The id digits. */
  id: string;
  /** `<base64>-replaceableCommentTools<token>` as in the capture (the comment bar key without its feed type). */
  commentKey: string;
}

/** What the SDUI capture gives the demo feed: the list's own start tag and the post items. */
interface SduiFeed {
  /** The real `<div … role="list" data-testid="mainFeed" …>` start tag. */
  listOpen: string;
  templates: SduiTemplate[];
}

/** End of the element starting at `start` (a `<div`), by counting `<div` and `</div>` (the capture has no comments or scripts). */
function divEnd(html: string, start: number): number {
  let depth = 0;
  const re = /<div\b|<\/div>/g;
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  throw new Error('demo feeds: unbalanced <div> in the SDUI capture');
}

let sduiCache: SduiFeed | null | undefined;

/** The SDUI capture's posts (null when the capture is in neither fixture folder). Cut out once per process. */
export function loadSduiFeed(): SduiFeed | null {
  if (sduiCache !== undefined) return sduiCache;
  const html = readFixtureHtml('linkedin', LINKEDIN_SDUI_FEED.file);
  if (!html) return (sduiCache = null);
  learnAvatarNames(html, SITE_PAGE_URL.linkedin!);
  const open = /<div [^>]*data-testid="mainFeed"[^>]*>/.exec(html);
  if (!open) throw new Error(`demo feeds: no mainFeed list in ${LINKEDIN_SDUI_FEED.file}`);
  const listEnd = divEnd(html, open.index);
  const items: string[] = [];
  for (let at = open.index + open[0].length; ; ) {
    at = html.indexOf('<div', at);
    if (at < 0 || at >= listEnd - '</div>'.length) break;
    const end = divEnd(html, at);
    items.push(html.slice(at, end));
    at = end;
  }
  const templates = LINKEDIN_SDUI_FEED.posts.map((p): SduiTemplate => {
    const item = items.find((h) => h.includes(`componentkey="expanded${p.token}FeedType_`));
    const commentKey = `${encodeSduiPostKey(p.urn)}${COMMENT_TOOLS}${p.token}`;
    if (!item || !item.includes(`componentkey="${commentKey}FeedType_`)) {
      throw new Error(`demo feeds: SDUI post ${p.urn} (card ${p.token}) not found with its encoded comment bar key`);
    }
    const [, kind, id] = /^urn:li:(activity|ugcPost):(\d+)$/.exec(p.urn)!;
    return { html: item, token: p.token, urn: p.urn, kind: kind as SduiTemplate['kind'], id: id!, commentKey };
  });
  return (sduiCache = { listOpen: open[0], templates });
}

/**
 * The fresh id, comment bar key and card token of SDUI post number i of the demo feed (id: the
 * template's id + i + 1, like the other posts; token: 43 base64url characters, like LinkedIn's).
 */
export function sduiClone(tpl: Pick<SduiTemplate, 'id' | 'kind'>, i: number): { urn: string; b64: string; token: string } {
  const urn = `urn:li:${tpl.kind}:${(BigInt(tpl.id) + BigInt(i + 1)).toString()}`;
  const token = createHash('sha256').update(`satchel-demo-sdui-card-${i}`).digest('base64url').slice(0, 43);
  return { urn, b64: encodeSduiPostKey(urn), token };
}

export function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

/** Reads a fixture's HTML: tests/fixtures/<site>/<file>.html, or null when there is none. */
export function readFixtureHtml(site: string, file: string): string | null {
  const p = join(FIXTURES_DIR, site, `${file}.html`);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
}

/** Where a site's captured pages lived, to resolve their relative image paths. */
const SITE_PAGE_URL: Record<string, string> = { x: 'https://x.com/home', linkedin: 'https://www.linkedin.com/feed/' };

function load(site: string, specs: TemplateSpec[]): Template[] {
  const out: Template[] = [];
  for (const s of specs) {
    const html = readFixtureHtml(site, s.file);
    if (html) {
      learnAvatarNames(html, SITE_PAGE_URL[site] ?? 'https://www.linkedin.com/feed/');
      out.push({ ...s, html });
    }
  }
  if (out.length === 0) throw new Error(`demo feeds: no ${site} fixture found in tests/fixtures/${site}`);
  return out;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function shell(opts: { title: string; lang?: string; css: string; body: string; data?: unknown; script?: string }): string {
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title><style>${opts.css}</style></head>
<body>${opts.body}
${opts.data === undefined ? '' : `<script type="application/json" id="satchel-demo-data">${scriptJson(opts.data)}</script>`}
${opts.script ? `<script>${opts.script}</script>` : ''}
</body></html>`;
}

// ---------------------------------------------------------------------------------------------
// Client-side code shared by the feed pages (plain JS in the page; not type-checked).
// ---------------------------------------------------------------------------------------------

const CLIENT_COMMON = String.raw`
const cfg = JSON.parse(document.getElementById('satchel-demo-data').textContent);
const ids = new WeakMap();
/** A template's HTML with fresh ids for post number i (0-based) and, optionally, an explicit post id. */
function fresh(tpl, i, explicitId) {
  const newId = explicitId || (BigInt(tpl.id) + BigInt(i + 1)).toString();
  let h = tpl.html.split(tpl.id).join(newId);
  h = h.replace(/\bid__([a-z0-9_]+)/g, (m, s) => 'id__' + s + '_' + i);
  h = h.replace(/\bember(\d+)\b/g, (m, n) => 'ember' + (Number(n) + 100000 * (i + 1)));
  return { html: h, id: newId };
}
function parse(html) { const t = document.createElement('template'); t.innerHTML = html; return t.content; }
/** Text variation: prefix the first non-blank text node under sel with "[n] ". */
function vary(root, sel, n) {
  const box = root.querySelector(sel);
  if (!box) return;
  const w = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let t;
  while ((t = w.nextNode())) { if (t.data.trim()) { t.data = t.data.replace(/^(\s*)/, '$1[' + n + '] '); return; } }
}
function setStatus(text) { const s = document.getElementById('satchel-demo-status'); if (s) s.textContent = text; }
window.satchelDemo = {
  total: cfg.total,
  rendered: () => 0,
  idOf: (el) => ids.get(el) || null,
  postIds: () => Array.from(document.querySelectorAll(cfg.rootSelector)).map((el) => ids.get(el) || null),
};
`;

const CLIENT_GROW = String.raw`
/** Appends batches of posts as the reader nears the bottom, like the sites' finite scroll. */
function growingList(list, makeItem) {
  let rendered = 0, loading = false;
  const spinner = document.getElementById('satchel-demo-loading');
  function append(n) {
    const end = Math.min(cfg.total, rendered + n);
    for (; rendered < end; rendered++) list.appendChild(makeItem(rendered));
    setStatus(rendered + ' of ' + cfg.total + ' posts');
  }
  function check() {
    if (loading || rendered >= cfg.total) return;
    if (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1200) return;
    loading = true;
    if (spinner) spinner.hidden = false;
    setTimeout(() => { append(cfg.batch); loading = false; if (spinner) spinner.hidden = true; check(); }, cfg.delay);
  }
  append(cfg.first);
  window.addEventListener('scroll', check, { passive: true });
  window.satchelDemo.rendered = () => rendered;
  setTimeout(check, 0);
  return { stop() { window.removeEventListener('scroll', check); } };
}
`;

const CLIENT_X = String.raw`
const CELL_OPEN = '<div data-testid="cellInnerDiv"><div class="css-175oi2r r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">';
const CELL_CLOSE = '</div></div></div>';
function xCell(tpl, i, explicitId) {
  const f = fresh(tpl, i, explicitId);
  const html = f.html.includes('data-testid="cellInnerDiv"') ? f.html : CELL_OPEN + f.html + CELL_CLOSE;
  const cell = parse(html).querySelector('[data-testid="cellInnerDiv"]');
  cell.removeAttribute('style');
  vary(cell, '[data-testid="tweetText"]', i + 1);
  const article = cell.querySelector('article[data-testid="tweet"]');
  if (article) ids.set(article, f.id);
  return { cell, article, id: f.id };
}
const primary = document.getElementById('satchel-demo-primary');
let current = null;

function header(title) {
  return '<div class="satchel-demo-header"><h2 role="heading" aria-level="2">' + title + '</h2><span id="satchel-demo-status"></span></div>';
}

function renderHome() {
  if (current) current.stop();
  document.title = 'Home / X';
  const recycle = new URLSearchParams(location.search).get('satchel-demo') === 'recycle';
  primary.innerHTML = header(recycle ? 'Home (recycling timeline)' : 'Home') +
    '<section role="region" aria-labelledby="satchel-demo-tl"><h1 id="satchel-demo-tl" class="satchel-demo-sr">Your Home Timeline</h1>' +
    '<div aria-label="Timeline: Your Home Timeline"><div id="satchel-demo-list" style="position: relative;"></div></div></section>' +
    '<div id="satchel-demo-loading" hidden>Loading…</div>';
  const list = document.getElementById('satchel-demo-list');
  current = recycle ? recycler(list) : growingList(list, (i) => xCell(cfg.templates[i % cfg.templates.length], i).cell);
}

/** A virtualised list: RECYCLE_POOL cells; cell k always shows an index ≡ k (mod pool). */
function recycler(list) {
  const P = cfg.pool, N = cfg.total, T = cfg.recycleTemplates;
  const EST = 520;
  const heights = new Array(N).fill(EST);
  const cells = [];
  let tops = [];
  function computeTops() { tops = new Array(N); let y = 0; for (let i = 0; i < N; i++) { tops[i] = y; y += heights[i]; } list.style.height = y + 'px'; }
  function morph(old, neu) {
    if (old.nodeType !== 1) { if (old.nodeValue !== neu.nodeValue) old.nodeValue = neu.nodeValue; return; }
    for (const a of Array.from(neu.attributes)) if (old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
    for (const a of Array.from(old.attributes)) if (!neu.hasAttribute(a.name)) old.removeAttribute(a.name);
    const foreign = (n) => n.nodeType === 1 && n.localName.includes('-');
    const oc = Array.from(old.childNodes).filter((n) => !foreign(n));
    const nc = Array.from(neu.childNodes);
    const same = oc.length === nc.length && oc.every((n, j) => n.nodeType === nc[j].nodeType && n.nodeName === nc[j].nodeName);
    if (!same) {
      oc.forEach((n) => n.remove());
      const anchor = Array.from(old.childNodes).find(foreign) || null;
      nc.forEach((n) => old.insertBefore(n, anchor));
      return;
    }
    oc.forEach((n, j) => morph(n, nc[j]));
  }
  function show(c, index) {
    const tplIndex = index % T;
    const made = xCell(cfg.templates[tplIndex], index);
    if (c.tplIndex === tplIndex && c.article) {
      // Same component type: React keeps the nodes and updates attributes and text (same element, new id).
      morph(c.article, made.article);
      ids.set(c.article, made.id);
    } else {
      c.el.replaceChildren(...Array.from(made.cell.childNodes));
      c.article = c.el.querySelector('article[data-testid="tweet"]');
      if (c.article) ids.set(c.article, made.id);
    }
    c.index = index; c.tplIndex = tplIndex;
  }
  for (let k = 0; k < Math.min(P, N); k++) {
    const el = document.createElement('div');
    el.setAttribute('data-testid', 'cellInnerDiv');
    const c = { el, index: -1, tplIndex: -1, article: null };
    cells.push(c);
    list.appendChild(el);
  }
  let scheduled = false;
  function layout() {
    scheduled = false;
    for (let pass = 0; pass < 3; pass++) {
      computeTops();
      const viewTop = -list.getBoundingClientRect().top;
      let f = 0;
      while (f < N - 1 && tops[f] + heights[f] < viewTop) f++;
      const s = Math.max(0, Math.min(N - P, f - 2));
      let changed = false;
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k];
        const want = s + (((k - s) % P) + P) % P;
        if (c.index !== want) show(c, want);
        c.el.style.cssText = 'transform: translateY(' + tops[want] + 'px); position: absolute; width: 100%;';
        const h = c.el.offsetHeight;
        if (h && Math.abs(h - heights[want]) > 1) { heights[want] = h; changed = true; }
      }
      if (!changed) break;
    }
    for (const c of cells) c.el.style.transform = 'translateY(' + tops[c.index] + 'px)';
    setStatus('showing posts ' + (Math.min(...cells.map((c) => c.index)) + 1) + '–' + (Math.max(...cells.map((c) => c.index)) + 1) + ' of ' + N + ' in ' + cells.length + ' recycled cells');
  }
  function onScroll() { if (!scheduled) { scheduled = true; requestAnimationFrame(layout); } }
  layout();
  window.addEventListener('scroll', onScroll, { passive: true });
  window.satchelDemo.rendered = () => Math.max(...cells.map((c) => c.index)) + 1;
  window.satchelDemo.layout = layout;
  return { stop() { window.removeEventListener('scroll', onScroll); } };
}

function renderStatus(handle, statusId) {
  if (current) current.stop();
  current = null;
  document.title = 'Post / X';
  window.satchelDemo.rendered = () => 1 + cfg.replies.length;
  primary.innerHTML = header('Post') +
    '<section role="region"><div aria-label="Timeline: Conversation"><div id="satchel-demo-list" style="position: relative;"></div></div></section>';
  const list = document.getElementById('satchel-demo-list');
  list.appendChild(xCell(cfg.focal, 0, statusId).cell);
  cfg.replies.forEach((tpl, j) => list.appendChild(xCell(tpl, 1000 + j).cell));
  setStatus('status ' + statusId + ' by @' + handle + ' (in-app navigation, no reload)');
  window.scrollTo(0, 0);
}

function route() {
  const m = location.pathname.match(/^\/([^/]+)\/status\/(\d+)\/?$/);
  if (m) renderStatus(m[1], m[2]); else renderHome();
}
document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey) return;
  const u = new URL(a.getAttribute('href'), location.href);
  if (u.origin !== location.origin) return;
  if (/^\/[^/]+\/status\/\d+\/?$/.test(u.pathname) || u.pathname === '/home') {
    e.preventDefault();
    history.pushState({}, '', u.pathname + u.search);
    route();
  }
});
window.addEventListener('popstate', route);
route();
`;

const CLIENT_LINKEDIN = String.raw`
function liItem(tpl, i) {
  const f = fresh(tpl, i);
  const frag = parse(f.html);
  let item = frag.querySelector('[data-finite-scroll-hotkey-item]');
  if (!item) {
    const post = frag.querySelector('[data-view-name="feed-full-update"]') || frag.querySelector('.feed-shared-update-v2');
    item = document.createElement('div');
    item.setAttribute('data-id', 'urn:li:activity:' + f.id);
    item.className = 'relative';
    const ember = document.createElement('div');
    ember.id = 'ember' + (900000 + i);
    ember.className = 'ember-view  occludable-update ';
    ember.appendChild(post);
    item.appendChild(ember);
  }
  item.setAttribute('data-finite-scroll-hotkey-item', String(i));
  vary(item, '.update-components-text', i + 1);
  ids.set(item, f.id);
  return item;
}
/** An SDUI feed item: the capture's item with post i's fresh id in its comment bar key and a fresh card token. */
function sduiItem(tpl, i) {
  const c = cfg.sdui[i];
  let h = tpl.html.split(tpl.commentKey).join(c.b64 + '-replaceableCommentTools' + c.token);
  h = h.split(tpl.token).join(c.token);
  // Element ids and uuid-shaped React keys are per render on LinkedIn: give each clone its own.
  h = h.replace(/(componentkey="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{4}([0-9a-f]{8}")/g, (m, a, b) => a + (i + 1).toString(16).padStart(4, '0') + b);
  h = h.replace(/\bvjs_select_(\d+)\b/g, (m, n) => 'vjs_select_' + (Number(n) + 100000 * (i + 1)));
  const item = parse(h).firstElementChild;
  const post = item.querySelector('[role="listitem"]');
  vary(post, '[data-testid="expandable-text-box"]', i + 1);
  ids.set(post, c.urn);
  return item;
}
growingList(document.querySelector('[data-testid="mainFeed"]'), (i) => {
  const e = cfg.cycle[i % cfg.cycle.length];
  return e.gen === 'c' ? sduiItem(cfg.sduiTemplates[e.t], i) : liItem(cfg.templates[e.t], i);
});
`;

// ---------------------------------------------------------------------------------------------
// Styles: each site's look (demo-styles/*.css); the captured markup itself is never changed.
// ---------------------------------------------------------------------------------------------

const STYLES_DIR = join(import.meta.dirname, 'demo-styles');
const styles = (file: string) => readFileSync(join(STYLES_DIR, file), 'utf8');
const CSS_COMMON = styles('common.css');
const CSS_X = `${CSS_COMMON}\n${styles('x.css')}`;
const CSS_LINKEDIN = `${CSS_COMMON}\n${styles('linkedin.css')}`;
const CSS_ENGAGE = `${CSS_COMMON}\n${styles('engage.css')}`;

function demoBar(html: string): string {
  return `<div class="satchel-demo-bar" data-satchel-demo-bar>Satchel demo page (real captured markup, fresh ids) · ${html}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

export interface DemoFeedOptions {
  total?: number;
  first?: number;
  batch?: number;
  /** ms before an appended batch shows (the sites load more posts over the network). */
  delay?: number;
  pool?: number;
}

function xAppPage(o: Required<DemoFeedOptions>): string {
  const templates = load('x', X_HOME);
  const data = {
    site: 'x',
    total: o.total,
    first: o.first,
    batch: o.batch,
    delay: o.delay,
    pool: o.pool,
    rootSelector: 'article[data-testid="tweet"]',
    templates,
    recycleTemplates: Math.min(load('x', X_RECYCLE).length, templates.length),
    focal: load('x', [X_FOCAL])[0],
    replies: load('x', X_REPLIES),
  };
  const body = `${demoBar('<a href="/home">Home timeline (200, grows)</a> · <a href="/home?satchel-demo=recycle">Recycling timeline</a> · click a post\'s time to open it in-app')}
<div id="react-root">${xBanner()}
<main role="main"><div data-testid="primaryColumn" id="satchel-demo-primary"></div>${xSideColumn()}</main></div>`;
  return shell({ title: 'Home / X', css: CSS_X, body, data, script: CLIENT_COMMON + CLIENT_GROW + CLIENT_X });
}

/** Post roots of the LinkedIn demo pages: Ember/hybrid feed items and SDUI list items (one per post). */
export const LINKEDIN_DEMO_ROOTS = '[data-finite-scroll-hotkey-item], [role="listitem"][componentkey*="FeedType_"]';
/** The SDUI home feed list's start tag when no capture is at hand (the capture's own is used when it is). */
const MAIN_FEED_OPEN = '<div role="list" data-testid="mainFeed" data-component-type="LazyColumn" componentkey="container-update-list_mainFeed-lazy-container">';

/**
 * The mixed feed: post i uses entry i % 10 of the cycle (the 3 Ember/hybrid posts, then the 7 SDUI
 * posts), all in the real `mainFeed` list (its start tag from the SDUI capture).
 */
function linkedinFeedPage(o: Required<DemoFeedOptions>): string {
  const templates = load('linkedin', LINKEDIN_FEED);
  const sdui = loadSduiFeed();
  const sduiTemplates = sdui?.templates ?? [];
  const cycle = [...templates.map((_, t) => ({ gen: 'ab', t })), ...sduiTemplates.map((_, t) => ({ gen: 'c', t }))];
  const clones: Array<ReturnType<typeof sduiClone> | null> = [];
  for (let i = 0; i < o.total; i++) {
    const e = cycle[i % cycle.length]!;
    clones.push(e.gen === 'c' ? sduiClone(sduiTemplates[e.t]!, i) : null);
  }
  const data = {
    site: 'linkedin',
    total: o.total,
    first: o.first,
    batch: o.batch,
    delay: o.delay,
    rootSelector: LINKEDIN_DEMO_ROOTS,
    templates,
    sduiTemplates,
    cycle,
    sdui: clones,
  };
  const body = `${demoBar('LinkedIn home feed, 200 posts (older and SDUI markup mixed), more load as you scroll · <a href="/feed/?satchel-demo=react">React feed</a> · <span id="satchel-demo-status"></span>')}
${linkedinTopBar()}
<div class="application-outlet">${linkedinLeftCard()}<main class="scaffold-layout__main" aria-label="Main Feed" id="main">
<h2 class="visually-hidden">Main Feed</h2>
<div class="scaffold-finite-scroll scaffold-finite-scroll--infinite"><div class="scaffold-finite-scroll__content" data-finite-scroll-hotkey-context="FEED">
${sdui?.listOpen ?? MAIN_FEED_OPEN}</div></div></div>
<div id="satchel-demo-loading" hidden>Loading more posts…</div>
</main>${linkedinRightCard()}</div>`;
  return shell({ title: 'Feed | LinkedIn', css: CSS_LINKEDIN, body, data, script: CLIENT_COMMON + CLIENT_GROW + CLIENT_LINKEDIN });
}

/**
 * The React demo feed (demo-react/feed.tsx): the page holds only the shell; the cards, and with
 * them the ids, come from the script (so no id sits in the HTML the server sends).
 */
function linkedinReactPage(variant: string): string {
  const later = variant === 'react-later';
  const body = `${demoBar(`LinkedIn feed rendered by React 19 (${later ? 'later: the id-less post again, now with its id' : 'card A: id in the DOM · card B: id in React props only · card C: no id'}) · <a href="/feed/?satchel-demo=${later ? 'react' : 'react-later'}">${later ? 'back' : 'later'}</a> · <a href="/feed/">mixed feed</a>`)}
${linkedinTopBar()}
<div class="satchel-li-layout">${linkedinLeftCard()}<div id="satchel-demo-react" class="satchel-demo-react"></div>${linkedinRightCard()}</div>
<script src="${REACT_DEMO_SCRIPT_PATH}"></script>`;
  return shell({ title: 'Feed | LinkedIn', css: CSS_LINKEDIN, body });
}

/** The newest yammer thread-page fixture in tests/fixtures/yammer, if any. */
export function yammerFixtureThread(): { html: string; url: string } | null {
  const dir = join(FIXTURES_DIR, 'yammer');
  if (!existsSync(dir)) return null;
  // Newest first (file names start with the capture month), so the current Engage markup wins.
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json')).sort().reverse()) {
    try {
      const exp = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url?: string };
      const htmlPath = join(dir, f.replace(/\.expected\.json$/, '.html'));
      if (exp.url && /\/threads\//.test(exp.url) && existsSync(htmlPath)) return { html: readFileSync(htmlPath, 'utf8'), url: exp.url };
    } catch {
      /* not a usable expectation file: skip it */
    }
  }
  return null;
}

const REPLY_ARROW = '<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M7.35 3.65c.2.2.2.5 0 .7L4.7 7h6.8A5.5 5.5 0 0 1 17 12.5v2a.5.5 0 0 1-1 0v-2A4.5 4.5 0 0 0 11.5 8H4.7l2.65 2.65a.5.5 0 0 1-.7.7l-3.5-3.5a.5.5 0 0 1 0-.7l3.5-3.5c.2-.2.5-.2.7 0Z"></path></svg>';

interface EngageMessage {
  id: string;
  userId: string;
  name: string;
  at: string;
  paragraphs: string[];
  seeMore?: boolean;
}

function engageMessage(m: EngageMessage, kind: 'post' | 'comment', threadB64: string): string {
  const user = b64url(JSON.stringify({ _type: 'User', id: m.userId }));
  const link = kind === 'post' ? `/main/threads/${threadB64}` : `/main/messages/${b64url(JSON.stringify({ _type: 'Message', id: m.id }))}`;
  const label = `${m.name}'s ${kind}`;
  const actions = kind === 'post' ? ['Like', 'Comment', 'Share'] : ['Like', 'Reply'];
  return `<div class="y-block header-301"><a class="fui-Link ___1rxvrpe" href="/main/users/${user}">${m.name}</a>
 <a class="fui-Link ___1q1shib" href="${link}"><time datetime="${m.at}" title="${new Date(m.at).toUTCString()}">${m.at.slice(0, 10)}</time></a></div>
<div class="y-block contentStateBodyTextWrapper-412"><span class="text-447">${m.paragraphs.map((p) => `<p>${p}</p>`).join('')}</span>${
    m.seeMore ? '<button class="fui-Button r1alrhcs"><span class="y-fakeLink">See more</span></button>' : ''
  }</div>
<div data-testid="overflow-set" class="ms-OverflowSet root-188">${actions
    .map((a) => `<button class="fui-Button r1alrhcs" aria-label="${a} - ${label}"><span>${a}</span></button>`)
    .join('')}<button class="fui-Button r1alrhcs" aria-label="More actions"><span>…</span></button></div>`;
}

function engageThreadPage(): string {
  const starter: EngageMessage = {
    id: ENGAGE_THREAD_ID,
    userId: '1655130800128',
    name: 'Avery Stone',
    at: '2026-11-20T09:15:00.000Z',
    paragraphs: [
      'Tip for everyone onboarding this month: the expense tool now reads receipts from a photo.',
      'Open the app, tap New, take the photo, and check the amount before you submit.',
    ],
    seeMore: true,
  };
  const replies: EngageMessage[] = [
    { id: '2454640011112448', userId: '1655130800256', name: 'Sam Okafor', at: '2026-11-20T10:02:00.000Z', paragraphs: ['Does it work for receipts in other currencies?'] },
    { id: '2454641122223104', userId: '1655130800128', name: 'Avery Stone', at: '2026-11-20T10:20:00.000Z', paragraphs: ['Yes, it converts at the day’s rate.', 'You can still edit it by hand.'] },
    { id: '2454642233334272', userId: '1655130800384', name: 'Lee Marchetti', at: '2026-11-20T11:45:00.000Z', paragraphs: ['Saved me twenty minutes this morning, thanks!'] },
  ];
  const body = `${demoBar('Viva Engage thread (synthetic, after STRUCTURE.md section 6)')}
<div id="root"><div role="banner">Viva Engage</div>
<div role="main" class="qaContentMainColumn">
<div class="y-block qaThreadStarter block-428">${engageMessage(starter, 'post', ENGAGE_THREAD_B64)}
<button class="fui-Button r1alrhcs" aria-expanded="true">${replies.length} replies ${REPLY_ARROW}</button>
${replies.map((r) => `<div class="y-fixedGridColumn block-442">${engageMessage(r, 'comment', ENGAGE_THREAD_B64)}</div>`).join('\n')}
</div></div></div>`;
  return shell({ title: 'Conversation | Viva Engage', css: CSS_ENGAGE, body });
}

function indexPage(base: string): string {
  const body = `<main style="max-width:640px;margin:24px auto;font:16px/1.5 system-ui">
<h1>Satchel demo feeds</h1>
<p>Real captured post markup with fresh ids, served under the real host names (this browser maps them to the local demo server).</p>
<ul>
<li><a href="${DEMO_URLS.linkedinFeed}">LinkedIn feed</a>: 200 posts (older and SDUI markup mixed), grows as you scroll</li>
<li><a href="${DEMO_URLS.linkedinReact}">LinkedIn feed rendered by React</a>: one card with its id in the DOM, one with it in React props only, one with none (and <a href="${DEMO_URLS.linkedinReactLater}">later</a>, that post again with its id)</li>
<li><a href="${DEMO_URLS.xHome}">X home timeline</a>: 200 posts, grows as you scroll; click a post's time for in-app navigation to its status page</li>
<li><a href="${DEMO_URLS.xRecycle}">X recycling timeline</a>: 12 <code>cellInnerDiv</code> nodes reused for 200 posts</li>
<li><a href="${DEMO_URLS.engageThread}">Viva Engage thread</a></li>
</ul><p>Server: ${base}</p></main>`;
  return shell({ title: 'Satchel demo', css: CSS_COMMON, body });
}


export interface DemoResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The demo server's routing: the response for a request URL (host taken from the Host header),
 * or null for 404. Pure apart from reading fixture files.
 */
export function demoResponse(url: URL, options: DemoFeedOptions = {}): DemoResponse | null {
  const o: Required<DemoFeedOptions> = {
    total: options.total ?? FEED_TOTAL,
    first: options.first ?? FIRST_BATCH,
    batch: options.batch ?? BATCH,
    delay: options.delay ?? 120,
    pool: options.pool ?? RECYCLE_POOL,
  };
  const html = (body: string): DemoResponse => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
  const host = url.hostname;
  const path = url.pathname;
  if ((MEDIA_HOSTS as readonly string[]).includes(host)) return demoImage(url);
  if (host === 'www.linkedin.com' && (path === '/feed/' || path === '/feed')) {
    const variant = url.searchParams.get('satchel-demo');
    return html(variant === 'react' || variant === 'react-later' ? linkedinReactPage(variant) : linkedinFeedPage(o));
  }
  // The SDUI capture's images point into the saved page's folder ("./Feed _ LinkedIn_files/…").
  if (host === 'www.linkedin.com' && /_files\/[^/]+$/.test(path)) return demoImage(url);
  if (host === 'x.com' || host === 'twitter.com') {
    if (path === '/home' || /^\/[^/]+\/status\/\d+\/?$/.test(path)) return html(xAppPage(o));
  }
  if (host === 'engage.cloud.microsoft' || host === 'web.yammer.com') {
    // Avatars and uploaded images of the Engage captures.
    if (/^\/api\/v1\/(users\/\d+\/avatar|uploaded_files)\//.test(path)) return demoImage(url);
    if (/^\/main\/(org\/[^/]+\/)?threads\/[A-Za-z0-9_-]+$/.test(path)) {
      const fx = yammerFixtureThread();
      if (fx) learnAvatarNames(fx.html, fx.url);
      if (fx && new URL(fx.url).pathname === path) return html(withStyle(wrapFragment(fx.html, 'Conversation | Viva Engage', CSS_ENGAGE), CSS_ENGAGE));
      return html(engageThreadPage());
    }
  }
  if (host === '127.0.0.1' || host === 'localhost') {
    if (path === '/' || path === '/index.html') return html(indexPage(url.origin));
  }
  return null;
}

/** The demo's readability CSS for a site (fixture pages served by tests use it too). */
export function siteCss(site: string): string {
  return site === 'x' ? CSS_X : site === 'linkedin' ? CSS_LINKEDIN : site === 'yammer' ? CSS_ENGAGE : CSS_COMMON;
}

/**
 * A captured full document with the demo's stylesheet for its site added at the end of its head
 * (once: a page that already has it is returned as it is). The captured markup is not touched.
 */
export function withStyle(doc: string, css: string): string {
  if (doc.includes('data-satchel-demo-style')) return doc;
  const style = `<style data-satchel-demo-style>${css}</style>`;
  const at = doc.search(/<\/head>/i);
  return at >= 0 ? doc.slice(0, at) + style + doc.slice(at) : style + doc;
}

/** A fixture file as a page: full documents are served as they are, fragments get a minimal shell. */
export function wrapFragment(fixtureHtml: string, title: string, css = CSS_COMMON): string {
  // Skip leading comments without a backtracking regex (fixtures hold many `<!---->`).
  let head = fixtureHtml.trimStart();
  while (head.startsWith('<!--')) {
    const end = head.indexOf('-->');
    if (end < 0) break;
    head = head.slice(end + 3).trimStart();
  }
  if (/^(<!doctype|<html)/i.test(head)) return fixtureHtml;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>${fixtureHtml}</body></html>`;
}
