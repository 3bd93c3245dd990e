// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS } from '../sites';
import { FIXTURES_DIR, listFixtures, loadDocument, type Fixture } from '../../tests/helpers/load-fixture';
import { anonymise, reportFileName } from './anonymise';
import { parseReportHeader } from './header';
import { wordsOf } from './placeholders';
import { DROPPED_ELEMENTS, KNOWN_HOSTS, LABEL_ATTRS, LABEL_TEMPLATES, STRUCTURAL_WORDS, isKeptLabel, looksLikeDate } from './vocabulary';

// Issue 9 part 3: on EVERY fixture (the folder is enumerated, so a new fixture cannot slip past), no
// original name, handle, profile URL, text, image URL or post id survives the anonymiser, the
// structure is identical, and the adapter still finds as many posts (so a report can become a fixture).

const NOW = new Date('2026-11-30T12:00:00Z');
const all = listFixtures();
const fixtures = all.filter((f) => f.expected);
/** Every file under tests/fixtures/<site>/, read from disk here (not through listFixtures), as `<site>/<file>`. */
const filesOnDisk = readdirSync(FIXTURES_DIR)
  .filter((n) => statSync(join(FIXTURES_DIR, n)).isDirectory())
  .flatMap((d) => readdirSync(join(FIXTURES_DIR, d)).map((n) => `${d}/${n}`));

/**
 * Files of `disk` (`<site>/<file>`) that the per-fixture checks below do not cover: everything but a
 * site's PROVENANCE.md must be the page (`.html`) or the facts (`.expected.json`) of a `checked`
 * fixture (`<site>/<name>`, listed with its facts). A page without facts, or saved under another
 * extension (`.htm`, `.mhtml`), would otherwise slip past the anonymiser's checks.
 */
function uncovered(disk: readonly string[], checked: readonly string[]): string[] {
  const names = new Set(checked);
  return disk.filter((n) => !n.endsWith('/PROVENANCE.md') && !(/\.(?:html|expected\.json)$/.test(n) && names.has(n.replace(/\.(?:html|expected\.json)$/, ''))));
}

/** Words an anonymised sample writes itself: structure of addresses, known hosts, placeholder names. */
const SCAFFOLD = new Set([
  ...[...STRUCTURAL_WORDS].map((w) => w.toLowerCase()),
  ...KNOWN_HOSTS.flatMap((h) => h.split('.')),
  'member', 'company', 'school', 'showcase', 'user', 'site', 'example', 'tenant', 'https', 'http', 'www',
]);

/** Strings of the expected facts that name a person or a post (keys anywhere in the JSON). */
const SECRET_KEYS = new Set(['name', 'handle', 'profileUrl', 'avatarUrl', 'postId', 'permalink', 'url', 'mentions', 'quotedPostId']);

function secretsOf(fx: Fixture): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string | null) => {
    if (typeof v === 'string') {
      if (key && SECRET_KEYS.has(key) && v.length >= 4 && v !== fx.expected!.url) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(fx.expected!.posts, null);
  if (fx.expected!.thread) walk(fx.expected!.thread, null);
  // Only what the fixture itself shows (a few expectations are normalised forms, e.g. `https://x.com/<handle>`).
  return [...out].filter((s) => fx.html.includes(s) || fx.html.toLowerCase().includes(s.toLowerCase()));
}

/** Handles and profile paths of the fixture: from the expected facts and from the markup's own links. */
function handlesOf(fx: Fixture, doc: Document): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string | null) => {
    if (typeof v === 'string' && key === 'handle' && v.length >= 3) out.add(v.toLowerCase());
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(fx.expected!.posts, null);
  for (const a of doc.querySelectorAll('a[href]')) {
    const m = /\/(?:in|company|school)\/([^/?#]+)/.exec(a.getAttribute('href') ?? '');
    if (m && m[1]!.length >= 3) out.add(decodeURIComponent(m[1]!).toLowerCase());
  }
  return [...out];
}

/**
 * Content words (≥ 4 letters) of one text or label: none in the sites' own UI labels and dates
 * (kept on purpose), only the names inside label templates ("Open control menu for post by <name>").
 */
function contentWordsOf(s: string): string[] {
  const parts = s.split(/\s+[•·|]\s+/);
  if (parts.length > 1) return parts.flatMap(contentWordsOf);
  if (isKeptLabel(s) || looksLikeDate(s)) return [];
  for (const tpl of LABEL_TEMPLATES) {
    const m = tpl.re.exec(s.trim());
    if (m) return tpl.names.flatMap((i) => contentWordsOf(m[i] ?? ''));
  }
  return wordsOf(s).filter((w) => w.length >= 4);
}

/** Content words of what a person reads in a document: its texts and label attributes (`aria-label`, `title`, `alt`…). */
function contentWords(doc: Document): Set<string> {
  const out = new Set<string>();
  const walk = (n: Node) => {
    if (n.nodeType === 3 && (n as Text).parentElement?.localName !== 'style') contentWordsOf(n.nodeValue ?? '').forEach((w) => out.add(w));
    if (n.nodeType === 1) {
      for (const at of Array.from((n as Element).attributes)) if (LABEL_ATTRS.has(at.name)) contentWordsOf(at.value).forEach((w) => out.add(w));
      if ((n as Element).localName === 'template') (n as HTMLTemplateElement).content.childNodes.forEach(walk);
    }
    n.childNodes.forEach(walk);
  };
  walk(doc.documentElement);
  return out;
}

/** Everything of a sample a person reads, as one string (for handles). */
function surfaceOf(doc: Document): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3 && (n as Text).parentElement?.localName !== 'style') parts.push(n.nodeValue ?? '');
    if (n.nodeType === 1) for (const at of Array.from((n as Element).attributes)) if (LABEL_ATTRS.has(at.name)) parts.push(at.value);
    n.childNodes.forEach(walk);
  };
  walk(doc.documentElement);
  return parts.join('\n');
}

/** Tag names in document order, without the subtrees the anonymiser drops. */
function tagSequence(root: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const c of Array.from(el.children)) {
      if (DROPPED_ELEMENTS.has(c.localName)) continue;
      out.push(c.localName);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function sampleOf(fx: Fixture, seed = 1) {
  const doc = loadDocument(fx.html, fx.expected!.url);
  const sample = anonymise(doc.body, { site: fx.site, pageUrl: fx.expected!.url, now: NOW, seed });
  return { doc, sample, out: loadDocument(sample.html, sample.pageUrl) };
}

describe('the fixture corpus is enumerated', () => {
  it('every site has fixtures, and every fixture file on disk is checked below', () => {
    for (const a of ADAPTERS) expect(fixtures.some((f) => f.site === a.id), a.id).toBe(true);
    const checked = fixtures.map((f) => `${f.site}/${f.name}`);
    expect(uncovered(filesOnDisk, checked), 'fixture files the anonymiser checks do not cover').toEqual([]);
    expect(checked.length).toBe(filesOnDisk.filter((n) => n.endsWith('.html')).length);
  });

  it('a new fixture file fails that check: a page without its facts, a page saved as .htm, a stray file', () => {
    const checked = ['x/a', 'yammer/b'];
    const disk = ['x/PROVENANCE.md', 'x/a.html', 'x/a.expected.json', 'yammer/b.html', 'yammer/b.expected.json'];
    expect(uncovered(disk, checked)).toEqual([]);
    expect(uncovered([...disk, 'linkedin/new.html'], checked)).toEqual(['linkedin/new.html']);
    expect(uncovered([...disk, 'x/c.htm', 'x/c.expected.json'], checked)).toEqual(['x/c.htm', 'x/c.expected.json']);
    expect(uncovered([...disk, 'yammer/notes.txt'], checked)).toEqual(['yammer/notes.txt']);
  });
});

for (const fx of fixtures) {
  describe(`anonymise ${fx.site}/${fx.name}`, () => {
    const { doc, sample, out } = sampleOf(fx);
    const own = ADAPTERS.find((a) => a.id === fx.site)!;

    it('keeps no name, handle, profile URL, image URL or post id of the original', () => {
      const secrets = secretsOf(fx);
      const read = fx.expected!.posts.some((p) => !('refused' in p));
      if (read) expect(secrets.length, 'the expected facts name someone or something').toBeGreaterThan(0);
      const html = sample.html.toLowerCase();
      expect(secrets.filter((s) => html.includes(s.toLowerCase()))).toEqual([]);
      const surface = surfaceOf(out).toLowerCase();
      expect(handlesOf(fx, doc).filter((h) => new RegExp(`(^|[^a-z0-9_-])${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9_-])`).test(surface))).toEqual([]);
    });

    it('keeps no text run of 4 letters or more (UI labels aside)', () => {
      const before = contentWords(doc);
      const after = [...contentWords(out)].filter((w) => !SCAFFOLD.has(w));
      expect(after.filter((w) => before.has(w))).toEqual([]);
    });

    it('keeps every image and media address out', () => {
      const urls = [...doc.querySelectorAll('img[src], video[poster], source[src]')]
        .map((e) => e.getAttribute('src') ?? e.getAttribute('poster') ?? '')
        .filter((u) => /^https?:\/\/|^\//.test(u) && !/\/(?:emoji|aero-v1)\/|abs(?:-0)?\.twimg\.com|static\.licdn\.com/.test(u));
      const html = sample.html;
      expect(urls.filter((u) => html.includes(u))).toEqual([]);
    });

    it('keeps the structure: the same tag sequence', () => {
      expect(tagSequence(out.body)).toEqual(tagSequence(doc.body));
    });

    it(`the ${fx.site} adapter still finds the same number of posts`, () => {
      expect(own.findPosts(out).length).toBe(own.findPosts(doc).length);
    });

    it('posts that could be read still can (so the sample can become a fixture)', () => {
      const ctx = { document: doc, url: fx.expected!.url };
      const octx = { document: out, url: sample.pageUrl };
      const readable = (el: Element, c: typeof ctx) => {
        try {
          own.extract(el, c);
          return true;
        } catch {
          return false;
        }
      };
      expect(own.findPosts(out).map((el) => readable(el, octx))).toEqual(own.findPosts(doc).map((el) => readable(el, ctx)));
    });

    it('a sample of each post (with its ancestors as shells) holds that post', () => {
      for (const root of own.findPosts(doc)) {
        const one = anonymise(root, { site: fx.site, pageUrl: fx.expected!.url, now: NOW, seed: 2 });
        const odoc = loadDocument(one.html, one.pageUrl);
        expect(own.findPosts(odoc).length).toBe(own.findPosts(root).length);
        expect(tagSequence(odoc.body).slice(-root.querySelectorAll('*').length - 1)[0]).toBe(root.localName);
      }
    });

    it('says what it is in a leading comment: site, page shape, date', () => {
      expect(parseReportHeader(sample.html)).toEqual({ site: fx.site, pageUrl: sample.pageUrl, pageKind: sample.pageKind, capturedAt: '2026-11-30' });
      expect(own.isSupportedPage(sample.pageUrl)).toBe(true);
      expect(sample.html).toContain('anonymised by Satchel');
    });
  });
}

describe('anonymise (rules)', () => {
  const page = (body: string, url = 'https://x.com/home') => loadDocument(`<body>${body}</body>`, url);
  const run = (body: string, url?: string, seed = 3) => {
    const d = page(body, url);
    return anonymise(d.body, { site: 'x', pageUrl: d.URL, seed, now: NOW }).markup;
  };

  it("keeps page-level names that say which page a sample came from: the feed's landmark and the page title", () => {
    const d = loadDocument('<html><head><title>Feed | LinkedIn</title></head><body><main aria-label="Main Feed"><p>Ana Lima</p></main></body></html>', 'https://www.linkedin.com/feed/');
    const sample = anonymise(d.body, { site: 'linkedin', pageUrl: d.URL, seed: 3, now: NOW });
    expect(sample.html).toContain('aria-label="Main Feed"');
    expect(sample.html).toContain('<title>Feed | LinkedIn</title>');
    expect(sample.html).not.toContain('Ana Lima');
  });

  it('gives the same original the same placeholder, in texts and in labels', () => {
    const out = page('');
    out.body.innerHTML = run('<p>Ana Lima</p><button aria-label="Open control menu for post by Ana Lima"></button><p>Ana Lima</p><p>Ben Okafor</p>');
    const [a, , b, c] = [...out.body.children];
    expect(a!.textContent).toBe(b!.textContent);
    expect(a!.textContent).not.toBe(c!.textContent);
    expect(out.querySelector('button')!.getAttribute('aria-label')).toBe(`Open control menu for post by ${a!.textContent}`);
    expect(a!.textContent).toMatch(/^[A-Z][a-z]{2,} [A-Z][a-z]{2,}$/);
  });

  it('keeps white space, punctuation, emoji and UI labels', () => {
    const m = run('<p>  Hello, world!  🎉\n</p><span>Show more</span><span>Feed post</span>');
    expect(m).toMatch(/<p> {2}[A-Z][a-z]+, [a-z]+! {2}🎉\n<\/p>/);
    expect(m).toContain('<span>Show more</span><span>Feed post</span>');
  });

  it('rewrites addresses by shape: handles, status ids, profile slugs, media ids; keeps hosts and structure', () => {
    const m = run(
      '<a href="/jack/status/1734257275171939825">x</a><a href="https://www.linkedin.com/in/jane-doe-123/">y</a>' +
        '<img src="https://pbs.twimg.com/media/GBxYz123?format=jpg&amp;name=small"><a href="https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7242285086220451164/">z</a>' +
        '<a href="https://blog.someone.dev/my-post">w</a><a href="javascript:alert(1)">j</a>',
    );
    expect(m).toMatch(/href="\/user_a\/status\/17342572\d{11}"/);
    expect(m).not.toContain('1734257275171939825');
    expect(m).toContain('href="https://www.linkedin.com/in/member-a/"');
    expect(m).toMatch(/src="https:\/\/pbs\.twimg\.com\/media\/[A-Z]{2}[a-z][A-Z][a-z]\d{3}\?format=jpg&amp;name=small"/);
    expect(m).not.toContain('GBxYz123');
    expect(m).toMatch(/feed\/update\/urn%3Ali%3Aactivity%3A7242285\d{12}\//);
    expect(m).not.toContain('7242285086220451164');
    expect(m).toMatch(/href="https:\/\/site-a\.example\/[a-z]{2}-[a-z]{4}"/);
    expect(m).not.toContain('javascript');
  });

  it('keeps the route of a LinkedIn search results page (so `npm run fixture` still takes the sample), not its search words', () => {
    for (const tab of ['content', 'all']) {
      const d = page('<p>x</p>', `https://www.linkedin.com/search/results/${tab}/?keywords=google&origin=GLOBAL_SEARCH_HEADER`);
      const s = anonymise(d.body, { site: 'linkedin', pageUrl: d.URL, seed: 1, now: NOW });
      expect(s.pageUrl).toBe(`https://www.linkedin.com/search/results/${tab}/`);
      expect(s.html).not.toContain('google');
    }
  });

  it('keeps the time of a snowflake id to the second', () => {
    const m = run('<a href="/jack/status/1734257275171939825">x</a>');
    const id = BigInt(/status\/(\d+)/.exec(m)![1]!);
    expect((id >> 22n) / 1000n).toBe((1734257275171939825n >> 22n) / 1000n);
  });

  it('replaces the handle in text, in links and in X avatar test ids alike', () => {
    const m = run('<div data-testid="UserAvatar-Container-Jack"></div><a href="/jack">@jack</a>');
    expect(m).toBe('<div data-testid="UserAvatar-Container-user_a"></div><a href="/user_a">@user_a</a>');
  });

  it('removes scripts, event handlers, comments and Satchel hosts; keeps classes, roles and test ids', () => {
    const m = run('<article role="article" class="css-175oi2r r-1" data-testid="tweet" onclick="steal()"><script>x()</script><!-- hi --><satchel-save data-post-id="1"></satchel-save><span>Hi</span></article>');
    expect(m).toMatch(/^<article role="article" class="css-175oi2r r-1" data-testid="tweet"><span>[A-Z][a-z]<\/span><\/article>$/);
  });

  it('rewrites ids consistently, and URNs, JSON and base64 ids by shape', () => {
    const m = run(
      '<div id="id__abc123" aria-labelledby="id__abc123"></div><div data-urn="urn:li:activity:7242285086220451164" data-x=\'{"updateUrn":"urn:li:activity:7242285086220451164","n":"Ana Lima said hi"}\'></div>' +
        '<a href="/main/users/eyJfdHlwZSI6IlVzZXIiLCJpZCI6IjE0ODgwMDUifQ">u</a>',
      'https://engage.cloud.microsoft/main/feed',
    );
    const id = /id="(id__[a-z0-9]+)"/.exec(m)![1];
    expect(id).not.toBe('id__abc123');
    expect(m).toContain(`aria-labelledby="${id}"`);
    const urn = /data-urn="(urn:li:activity:\d{19})"/.exec(m)![1];
    expect(urn).not.toContain('7242285086220451164');
    expect(m).toContain(`&quot;updateUrn&quot;:&quot;${urn}&quot;`);
    expect(m).not.toContain('Ana');
    const b64 = /users\/([A-Za-z0-9_-]+)/.exec(m)![1]!;
    const decoded = JSON.parse(atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((b64.length + 3) % 4)));
    expect(decoded._type).toBe('User');
    expect(decoded.id).toMatch(/^\d{7}$/);
    expect(decoded.id).not.toBe('1488005');
  });

  it('rewrites url() in styles and every address of a srcset', () => {
    const m = run('<div style="background-image: url(&quot;https://media.licdn.com/dms/image/v2/D4E22AQabc/x/0/1?e=1&amp;t=sig&quot;)"></div><img srcset="https://media.licdn.com/a/B1x 1x, https://media.licdn.com/a/C2y 2x">', 'https://www.linkedin.com/feed/');
    expect(m).not.toMatch(/D4E22AQabc|B1x|C2y/);
    expect(m).toMatch(/url\(&quot;https:\/\/media\.licdn\.com\/dms\/image\/v2\/[A-Z]\d[A-Z]\d{2}[A-Z]{2}[a-z]{3}\//);
    expect(m).toMatch(/srcset="https:\/\/media\.licdn\.com\/[a-z]\/[A-Z]\d[a-z] 1x, https:\/\/media\.licdn\.com\/[a-z]\/[A-Z]\d[a-z] 2x"/);
  });

  it('samples a post with its ancestors as empty shells', () => {
    const d = page('<main role="main"><div data-testid="mainFeed"><p>other</p><div role="listitem" id="p"><span>Post text</span></div></div></main>', 'https://www.linkedin.com/feed/');
    const s = anonymise(d.getElementById('p')!, { site: 'linkedin', pageUrl: d.URL, seed: 1, now: NOW });
    expect(s.markup).toMatch(/^<main role="main"><div data-testid="mainFeed"><div role="listitem" id="[a-z]"><span>[A-Z][a-z]{3} [a-z]{4}<\/span><\/div><\/div><\/main>$/);
    expect(d.body.innerHTML).toContain('Post text'); // the page is untouched
  });

  it('is reproducible with a seed, and different without one', () => {
    const body = '<p>Ana Lima</p><a href="/jack/status/1734257275171939825">x</a>';
    expect(run(body, undefined, 9)).toBe(run(body, undefined, 9));
    expect(run(body, undefined, 9)).not.toBe(run(body, undefined, 10));
  });

  it('names the file after the site and the date', () => {
    expect(reportFileName({ site: 'yammer', capturedAt: '2026-11-30' })).toBe('satchel-report-yammer-2026-11-30.html');
  });
});
