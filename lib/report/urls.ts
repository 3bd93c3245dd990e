/**
 * Addresses in a report sample: scheme, known host and the SHAPE of the path are kept, every part
 * that can name a person or a post is replaced (`/in/member-a`, `/user_a/status/<digits, same
 * length>`, `urn:li:activity:<19 digits>`). The written form is kept too: a relative link stays
 * relative, `%3A` stays `%3A`.
 */
import { KNOWN_HOSTS, SAFE_QUERY_PARAMS, SAFE_SUBDOMAIN, STRUCTURAL_WORDS } from './vocabulary';
import type { Placeholders } from './placeholders';

/** What address rewriting needs from the sample being anonymised. */
export interface UrlContext {
  p: Placeholders;
  /** The page URL: relative addresses are resolved against it to know their host. */
  base: string;
  /** Anonymises any other attribute-like value (JSON string values, query values). */
  value: (s: string) => string;
}

/** Path segments after which the next segment is a person or organisation (LinkedIn). */
const PROFILE_KINDS = { in: 'member', company: 'company', school: 'school', showcase: 'showcase' } as const;
/** First path segments of x.com that are pages, not handles. */
const X_ROUTES: ReadonlySet<string> = new Set(['home', 'search', 'explore', 'notifications', 'messages', 'i', 'settings', 'hashtag', 'compose', 'intent', 'share', 'login', 'logout', 'tos', 'privacy', 'jobs']);
/** File extensions kept on the last path segment. */
const EXT = /^(.+?)(\.(?:jpe?g|png|gif|webp|avif|svg|mp4|mov|m3u8|html?|php|aspx|js|css|json|ico|pdf))$/i;
/** Image size and kind segments of LinkedIn's CDN (`feedshare-shrink_800`, `company-logo_100_100`, `videocover-high`). */
const SIZE_SEGMENT = /^[a-z]+(?:-[a-z]+)*[-_](?:shrink_\d+(?:_\d+)?|high|low|\d+_\d+)$/;
/** X image sizes (`900x900`) and similar dimension segments. */
const DIMENSIONS = /^\d{1,4}x\d{1,4}$/;

/**
 * The anonymised form of one address, or null when the attribute should be dropped
 * (`javascript:`). Anything unparsable is scrambled as a token.
 */
export function anonymiseUrl(raw: string, ctx: UrlContext): string | null {
  const lead = /^\s*/.exec(raw)![0];
  const s = raw.trim();
  if (!s) return raw;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return null;
  if (s.startsWith('#')) return lead + '#' + ctx.p.scramble(s.slice(1), true);
  if (scheme === 'data') return lead + `data:${/^data:([^;,]*)/i.exec(s)?.[1] ?? ''},`;
  if (scheme === 'mailto') return lead + 'mailto:someone@example.invalid';
  if (scheme === 'tel' || scheme === 'sms') return lead + `${scheme}:${ctx.p.scramble(s.slice(scheme.length + 1))}`;
  if (scheme === 'blob') {
    const inner = anonymiseUrl(s.slice(5), ctx);
    return inner === null ? null : lead + 'blob:' + inner;
  }
  if (scheme && scheme !== 'http' && scheme !== 'https') return lead + `${scheme}:${ctx.p.scramble(s.slice(scheme.length + 1))}`;
  let u: URL;
  try {
    u = new URL(s, ctx.base);
  } catch {
    return lead + ctx.p.scramble(s);
  }
  const host = anonymiseHost(u.hostname, ctx.p);
  const port = u.port ? `:${u.port}` : '';
  const onX = /(?:^|\.)(?:x|twitter)\.com$/.test(u.hostname);
  const path = anonymisePath(rawPath(s, u), { p: ctx.p, onX, ctx });
  const query = u.search ? `?${anonymiseQuery(rawQuery(s), ctx)}` : '';
  const hash = u.hash ? `#${ctx.p.scramble(u.hash.slice(1), true)}` : '';
  const rest = path + query + hash;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return lead + `${u.protocol}//${host}${port}${rest}`;
  if (s.startsWith('//')) return lead + `//${host}${port}${rest}`;
  return lead + rest;
}

/** The path as written in `s` (so escapes are kept), falling back to the parsed one. */
function rawPath(s: string, u: URL): string {
  const noFrag = s.split('#')[0]!.split('?')[0]!;
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*(\/.*)?$/i.exec(noFrag);
  if (m) return m[1] ?? '';
  return /^[a-z][a-z0-9+.-]*:/i.test(noFrag) ? u.pathname : noFrag;
}

/** The query as written in `s`, without `?` and the fragment. */
function rawQuery(s: string): string {
  const q = s.split('#')[0]!;
  const at = q.indexOf('?');
  return at < 0 ? '' : q.slice(at + 1);
}

/** A host: known sites and their service subdomains stay; tenants and other sites get placeholders. */
export function anonymiseHost(host: string, p: Placeholders): string {
  const h = host.toLowerCase();
  if (!h) return h;
  const known = KNOWN_HOSTS.find((k) => h === k || h.endsWith(`.${k}`));
  if (!known) return /^[\d.]+$|^\[/.test(h) ? h : p.named('host', h);
  if (h === known) return h;
  const sub = h.slice(0, -known.length - 1);
  return sub.split('.').every((l) => SAFE_SUBDOMAIN.test(l)) ? h : `${p.named('tenant', sub)}.${known}`;
}

interface PathContext {
  p: Placeholders;
  onX: boolean;
  ctx: UrlContext;
}

/** Each segment by its role: structure kept, people and ids replaced, the rest scrambled. */
function anonymisePath(path: string, pc: PathContext): string {
  const segs = path.split('/');
  return segs.map((seg, i) => anonymiseSegment(seg, segs[i - 1] ?? '', i, pc)).join('/');
}

function anonymiseSegment(seg: string, prev: string, index: number, pc: PathContext): string {
  const { p } = pc;
  if (!seg) return seg;
  // People first: a handle or vanity name that happens to be a structural word is still a person.
  const kind = PROFILE_KINDS[prev as keyof typeof PROFILE_KINDS];
  if (kind) return p.named(kind, decodeSafe(seg));
  if (prev === 'hashtag') return p.named('tag', decodeSafe(seg));
  // X: `/<handle>`, `/<handle>/status/<id>`: the first segment is a handle unless it is a route.
  if (pc.onX && index === 1 && /^[A-Za-z0-9_]{1,50}$/.test(seg) && !X_ROUTES.has(seg)) return p.named('handle', seg);
  if (STRUCTURAL_WORDS.has(seg) || SIZE_SEGMENT.test(seg) || DIMENSIONS.test(seg)) return seg;
  const ext = EXT.exec(seg);
  if (ext) return anonymiseSegment(ext[1]!, prev, index, pc) + ext[2];
  if (/^\d+$/.test(seg)) return p.digits(seg);
  const json = base64Json(seg);
  if (json) return json.encode(anonymiseJsonValue(json.value, pc.ctx));
  if (/urn(?::|%3A)li(?::|%3A)/i.test(seg)) return p.scramble(seg, true);
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(seg)) return anonymiseHost(seg, p); // a tenant's domain (`/org/contoso.com/`)
  return p.scramble(seg);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Each `name=value`: names stay; values by kind (presentation kept, addresses and ids rewritten). */
function anonymiseQuery(q: string, ctx: UrlContext): string {
  return q
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 0) return ctx.p.scramble(pair, true);
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      return `${name}=${anonymiseQueryValue(name, value, ctx)}`;
    })
    .join('&');
}

function anonymiseQueryValue(name: string, value: string, ctx: UrlContext): string {
  if (!value) return value;
  if (SAFE_QUERY_PARAMS.has(name) && /^[\w.-]{1,32}$/.test(value) && !/\d{5,}/.test(value)) return value;
  const decoded = decodeSafe(value.replace(/\+/g, ' '));
  if (/^https?:\/\//i.test(decoded)) {
    const inner = anonymiseUrl(decoded, ctx);
    return inner === null ? '' : encodeURIComponent(inner);
  }
  const tag = /^[#＃]?([\p{L}\p{N}_]+)$/u.exec(decoded);
  if (tag && name === 'keywords') return encodeURIComponent(ctx.p.named('tag', tag[1]!));
  if (/\s/.test(decoded.trim())) return encodeURIComponent(ctx.value(decoded));
  return ctx.p.scramble(value);
}

/** A base64url segment that decodes to a JSON object (Viva Engage ids: `{"_type":"User","id":"…"}`), or null. */
function base64Json(seg: string): { value: unknown; encode: (v: unknown) => string } | null {
  if (seg.length < 12 || !/^[A-Za-z0-9_-]+={0,2}$/.test(seg)) return null;
  let text: string;
  try {
    const b64 = seg.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  if (!/^\s*[{[]/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const urlSafe = /[-_]/.test(seg) || !/[+/]/.test(seg);
  const padded = seg.endsWith('=');
  return {
    value,
    encode: (v) => {
      const bytes = new TextEncoder().encode(JSON.stringify(v));
      let b64 = btoa(String.fromCharCode(...bytes));
      if (urlSafe) b64 = b64.replace(/\+/g, '-').replace(/\//g, '_');
      return padded ? b64 : b64.replace(/=+$/, '');
    },
  };
}

/**
 * A parsed JSON value with its keys kept and its values anonymised: strings through
 * `ctx.value`, structural strings (`"_type":"User"`) kept, large integers through the digit map.
 */
export function anonymiseJsonValue(v: unknown, ctx: UrlContext): unknown {
  if (typeof v === 'string') return STRUCTURAL_WORDS.has(v) ? v : ctx.value(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 1e5 ? Number(ctx.p.digits(String(Math.abs(v)))) * Math.sign(v) : v;
  if (Array.isArray(v)) return v.map((x) => anonymiseJsonValue(x, ctx));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, anonymiseJsonValue(x, ctx)]));
  return v;
}
