/**
 * "Report this page" (issue 9): an anonymised markup sample of one post, so a changed site can
 * become a test fixture without anyone's name, words or ids in it (docs/reporting-a-page.md).
 * Pure: DOM in, HTML text out; runs in the page (report UI) and in jsdom (tests, scripts).
 *
 * Kept: tag names, classes (hashed classes are the point), roles, `data-testid` and other
 * structural attributes ({@link VERBATIM_ATTRS}), the structure, the words of the sites' UI labels
 * that adapters match on ({@link isKeptLabel}, {@link LABEL_TEMPLATES}), dates, white space and
 * punctuation. Replaced, the same original by the same placeholder within one sample: every other
 * text (letters by made-up words of the same length class, digits by digits), names inside labels,
 * handles, profile links, image and link addresses (path shape kept), ids, URNs and keys (shape
 * kept). Removed: `<script>`, inline event handlers, comments, Satchel's own `<satchel-save>` hosts.
 */
import { Placeholders, wordsOf, type Originals } from './placeholders';
import { anonymiseJsonValue, anonymiseUrl, type UrlContext } from './urls';
import {
  DROPPED_ATTRS, DROPPED_ELEMENTS, IDREF_ATTRS, LABEL_ATTRS, LABEL_TEMPLATES, SRCSET_ATTRS, URL_ATTRS, VERBATIM_ATTRS, isKeptLabel, looksLikeDate,
} from './vocabulary';
import { formatReportHeader, pageKindOf, type ReportHeader } from './header';
import { rewriteSduiKey } from './sdui-key';

/** Options of {@link anonymise}. */
export interface AnonymiseOptions {
  /** Site adapter id (`x`, `linkedin`, `yammer`). */
  site: string;
  /** URL of the page the post is on. Only its anonymised path shape is written. */
  pageUrl: string;
  /** Capture time (default now). */
  now?: Date;
  /** Seed of the placeholders (default random). Tests pass one to get the same output twice. */
  seed?: number;
}

/** A report sample: the file's text and what its header says. */
export interface ReportSample extends ReportHeader {
  /** The whole file: the header comment, then the markup. */
  html: string;
  /** The anonymised markup alone. */
  markup: string;
}

/** X's avatar container names the handle in its test id (lib/sites/x/selectors.ts avatarContainerPrefix). */
const HANDLE_TESTID = 'UserAvatar-Container-';

/**
 * The anonymised sample of the post root `root`, with its ancestors up to `<body>` as empty shells
 * (their attributes anonymised, their other children left out), so selectors that need an ancestor
 * (`div[data-testid="mainFeed"] div[role="listitem"]`, `[role="main"]`) still find the post. When
 * `root` is `<body>` or `<html>` the whole body is sampled (tests run every fixture this way).
 * `root` is not changed: the work is done on a copy in an inert document (no image is fetched).
 */
export function anonymise(root: Element, opts: AnonymiseOptions): ReportSample {
  const doc = root.ownerDocument;
  const whole = root.localName === 'body' || root.localName === 'html';
  const top = whole ? (doc.body ?? root) : root;
  const spine: Element[] = [];
  if (!whole) {
    for (let a = root.parentElement; a && a.localName !== 'body' && a.localName !== 'html'; a = a.parentElement) spine.push(a);
  }
  const seed = opts.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
  const a = new Anonymiser(new Placeholders(seed, originalsOf(top, spine, opts.pageUrl)), opts.pageUrl);

  const inert = doc.implementation.createHTMLDocument('');
  const copy = inert.importNode(top, true) as Element;
  a.node(copy);
  let markup: string;
  if (whole) markup = copy.innerHTML;
  else {
    let current: Element = copy;
    for (const ancestor of spine) {
      const shell = inert.importNode(ancestor, false) as Element;
      a.attributes(shell);
      shell.append(current);
      current = shell;
    }
    markup = current.outerHTML;
  }
  const head = headOf(doc, inert, a);
  if (head) markup = `${head}\n${markup}`;
  const header: ReportHeader = {
    site: opts.site,
    pageUrl: a.pageUrl(),
    pageKind: pageKindOf(opts.site, opts.pageUrl),
    capturedAt: (opts.now ?? new Date()).toISOString().slice(0, 10),
  };
  return { ...header, markup, html: `${formatReportHeader(header)}\n${markup.trim()}\n` };
}

/**
 * The page's `<title>` and description metas, anonymised: some adapters read the author from them
 * (LinkedIn's logged-out post page: "<text> | <name>", lib/sites/linkedin/author.ts).
 */
function headOf(doc: Document, inert: Document, a: Anonymiser): string {
  const els = doc.head ? Array.from(doc.head.querySelectorAll('title, meta[property^="og:"], meta[name^="twitter:"], meta[name="description"]')) : [];
  return els
    .filter((el) => (el.localName === 'title' ? el.textContent?.trim() : el.getAttribute('content')))
    .map((el) => {
      const copy = inert.importNode(el, true) as Element;
      a.node(copy);
      return copy.outerHTML;
    })
    .join('\n');
}

/** `satchel-report-<site>-<YYYY-MM-DD>.html`: the name the report UI saves a sample under. */
export function reportFileName(sample: Pick<ReportHeader, 'site' | 'capturedAt'>): string {
  return `satchel-report-${sample.site.replace(/[^a-z0-9-]/gi, '')}-${sample.capturedAt}.html`;
}

/** The original's words and text (texts and attribute values): no placeholder may be one of them. */
function originalsOf(top: Element, spine: Element[], pageUrl: string): Originals {
  const parts: string[] = [pageUrl];
  const addAttrs = (el: Element) => {
    for (const at of Array.from(el.attributes)) if (!VERBATIM_ATTRS.has(at.name) || at.name === 'data-testid') parts.push(at.value);
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      addAttrs(n as Element);
      const tpl = (n as HTMLTemplateElement).content;
      if ((n as Element).localName === 'template' && tpl) tpl.childNodes.forEach(walk);
    }
    n.childNodes.forEach(walk);
  };
  walk(top);
  spine.forEach(addAttrs);
  const corpus = parts.join('\n').toLowerCase();
  return { words: new Set(wordsOf(corpus)), corpus };
}

/** The rules, bound to one sample's placeholders. */
class Anonymiser {
  private readonly url: UrlContext;

  constructor(
    private readonly p: Placeholders,
    private readonly base: string,
  ) {
    this.url = { p, base, value: (s) => this.value(s) };
  }

  /** Anonymises `n` and its subtree in place (it lives in the inert copy). */
  node(n: Node): void {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (DROPPED_ELEMENTS.has(el.localName)) {
        el.remove();
        return;
      }
      this.attributes(el);
      if (el.localName === 'template') {
        const content = (el as HTMLTemplateElement).content;
        if (content) Array.from(content.childNodes).forEach((c) => this.node(c));
      }
      Array.from(el.childNodes).forEach((c) => this.node(c));
    } else if (n.nodeType === 3) {
      const parent = (n as Text).parentElement?.localName;
      n.nodeValue = parent === 'style' ? this.css(n.nodeValue ?? '') : this.text(n.nodeValue ?? '');
    } else {
      (n as ChildNode).remove(); // comments, processing instructions
    }
  }

  /** Anonymises, keeps or removes each attribute of `el` by its kind. */
  attributes(el: Element): void {
    for (const at of Array.from(el.attributes)) {
      const name = at.name.toLowerCase();
      const v = at.value;
      let out: string | null;
      if (name.startsWith('on') || DROPPED_ATTRS.has(name) || name.startsWith('data-satchel')) out = null;
      else if (name === 'data-testid') out = this.testId(v);
      else if (VERBATIM_ATTRS.has(name)) out = v;
      else if (name === 'style') out = this.css(v);
      else if (URL_ATTRS.has(name)) out = anonymiseUrl(v, this.url);
      else if (SRCSET_ATTRS.has(name)) out = this.srcset(v);
      else if (IDREF_ATTRS.has(name)) out = v.replace(/\S+/g, (tok) => this.p.scramble(tok, true));
      else if (LABEL_ATTRS.has(name)) out = this.text(v);
      else out = this.value(v);
      if (out === null) el.removeAttribute(at.name);
      else if (out !== v) el.setAttribute(at.name, out);
    }
  }

  /** The page URL for the header: anonymised, without query or fragment. */
  pageUrl(): string {
    try {
      const u = new URL(this.base);
      return anonymiseUrl(`${u.origin}${u.pathname}`, this.url) ?? '';
    } catch {
      return '';
    }
  }

  /**
   * A text a person reads (text nodes, labels). The sites' own UI labels stay (digits
   * replaced); label templates keep their fixed part; dates stay; everything else gets the
   * placeholder of the whole text, remembered per original.
   */
  text(s: string): string {
    if (!/[\p{L}\p{N}]/u.test(s)) return s;
    return this.p.text(s, (core) => {
      if (looksLikeDate(core)) return core;
      if (isKeptLabel(core)) return core.replace(/\p{Nd}+/gu, (d) => this.p.digits(d));
      for (const tpl of LABEL_TEMPLATES) {
        const m = tpl.re.exec(core);
        if (m) return m.slice(1).map((g, i) => (tpl.names.includes(i + 1) ? this.text(g ?? '') : g ?? '')).join('');
      }
      const parts = core.split(/(\s+[•·|]\s+)/);
      if (parts.length > 1) return parts.map((part, i) => (i % 2 ? part : this.text(part))).join('');
      return core.replace(TEXT_TOKEN, (tok, url?: string, handle?: string, tag?: string, word?: string) => {
        if (url) {
          const end = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
          return (anonymiseUrl(url.slice(0, url.length - end.length), this.url) ?? '') + end;
        }
        if (handle) return tok[0] + this.p.named('handle', handle);
        if (tag) return tok[0] + this.p.named('tag', tag);
        if (word) return this.p.word(word);
        return this.p.digits(tok);
      });
    });
  }

  /** An attribute value of no known kind: JSON, an address, a text, a date, or an id-like token. */
  value(v: string): string {
    const t = v.trim();
    if (!t) return v;
    if (/^[[{]/.test(t)) {
      try {
        return JSON.stringify(anonymiseJsonValue(JSON.parse(t), this.url));
      } catch {
        // not JSON: fall through
      }
    }
    if (/^(?:https?:)?\/\/\S+$|^\/[^\s/]\S*$/i.test(t)) return anonymiseUrl(v, this.url) ?? '';
    if (looksLikeDate(t)) return v;
    if (/\s/.test(t) && /\p{L}/u.test(t)) return this.text(v);
    // LinkedIn SDUI comment-bar key: the id inside its base64 is replaced, the shape kept (./sdui-key.ts).
    const key = /^([A-Za-z0-9+/_-]+={0,2})(-replaceableCommentTools.*)$/.exec(t);
    const encoded = key ? rewriteSduiKey(key[1]!, (id) => this.p.digits(id)) : null;
    if (encoded) return encoded + this.p.scramble(key![2]!, true);
    return this.p.scramble(v, true);
  }

  /** `data-testid`: kept, except X's avatar container, whose suffix is the handle, and long digit runs. */
  private testId(v: string): string {
    if (v.startsWith(HANDLE_TESTID) && v.length > HANDLE_TESTID.length) return HANDLE_TESTID + this.p.named('handle', v.slice(HANDLE_TESTID.length));
    return v.replace(/\d{5,}/g, (d) => this.p.digits(d));
  }

  /** CSS: only the addresses in `url(…)` change. */
  private css(s: string): string {
    return s.replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (_m, q: string, u: string) => `url(${q}${anonymiseUrl(u, this.url) ?? ''}${q})`);
  }

  /** `url 1x, url 800w`: each address anonymised, descriptors kept. */
  private srcset(v: string): string {
    return v
      .split(/,\s+/)
      .map((part) => {
        const [u = '', ...desc] = part.trim().split(/\s+/);
        return [anonymiseUrl(u, this.url) ?? '', ...desc].join(' ');
      })
      .join(', ');
  }
}

/** Tokens of a text: an address, an @handle, a #tag, a word (letters and marks), a run of digits. */
const TEXT_TOKEN = /(https?:\/\/[^\s<>"'”’]+)|[@＠]([A-Za-z0-9_]{1,50})|[#＃]([\p{L}\p{N}_]+)|(\p{L}[\p{L}\p{M}]*)|\p{Nd}+/gu;
