/**
 * The demo pages' images, made locally (no network in the demo or the tests): an avatar (initials,
 * or a head-and-shoulders shape, on a colour picked from the URL) for profile pictures, and a calm
 * picture (sky, hills, sun) for everything else. The captured markup keeps its real image URLs; the
 * fixture server answers them here (demo-feeds.ts `demoResponse`).
 */

/** Colours an avatar background may take (white text on each is above 4.5:1). */
const AVATAR_COLOURS = ['#0a66c2', '#8344cc', '#c2410c', '#0f766e', '#b91c1c', '#4d5bd6', '#2e7d32', '#9d174d'];
/** Picture palettes: sky top, sky bottom, far hill, near hill. */
const PICTURE_PALETTES = [
  ['#dbeafe', '#eff6ff', '#93c5fd', '#3b82f6'],
  ['#fef3c7', '#fffbeb', '#fcd34d', '#d97706'],
  ['#dcfce7', '#f0fdf4', '#86efac', '#16a34a'],
  ['#ede9fe', '#f5f3ff', '#c4b5fd', '#7c3aed'],
];

/** Display names of avatars by image path (host + path), learned from the captured markup. */
const avatarNames = new Map<string, string>();
/** Reaction colours of LinkedIn's reaction icons, by the name in their `alt` ("like", "love", …). */
export const REACTION_COLOURS: Record<string, string> = {
  like: '#378fe9', love: '#df704d', insightful: '#e7a33e', celebrate: '#44712e', funny: '#1a707e', support: '#715e86', curious: '#1a707e',
};
/** Reaction names of LinkedIn's site icons by image path, learned from the captured markup's `alt`. */
const iconNames = new Map<string, string>();

/** 32-bit FNV-1a of a string: a stable choice of colour per URL. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function keyOf(url: URL): string {
  return `${url.hostname}${decodeURIComponent(url.pathname)}`;
}

/**
 * Reads names for avatars out of captured markup: LinkedIn's `alt="View <name>’s profile"` images
 * and Viva Engage's `/api/v1/users/<id>/avatar/…` images next to a `/main/users/<base64 {id}>` name
 * link. `pageUrl` resolves relative image paths (the SDUI capture's `./Feed _ LinkedIn_files/…`).
 */
export function learnAvatarNames(html: string, pageUrl: string): void {
  for (const m of html.matchAll(/<img\b[^>]*>/g)) {
    const tag = m[0];
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    const icon = src && SITE_ICON.test(src) ? /\salt="([^"]+)"/.exec(tag)?.[1] : undefined;
    if (src && icon) iconNames.set(keyOf(new URL(src.replace(/&amp;/g, '&'), pageUrl)), icon.toLowerCase());
    const alt = /\salt="View ([^"]+?)[’']s profile"/.exec(tag)?.[1];
    if (!src || !alt) continue;
    try {
      avatarNames.set(keyOf(new URL(src.replace(/&amp;/g, '&'), pageUrl)), alt);
    } catch {
      /* not a URL: no avatar to name */
    }
  }
  for (const m of html.matchAll(/href="\/main\/users\/([A-Za-z0-9_-]+)"[^>]*>(?:\s*<span[^>]*>)?([^<]+)</g)) {
    try {
      const id = (JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as { id?: string }).id;
      const name = m[2]!.trim();
      if (!id || !name) continue;
      for (const host of ['engage.cloud.microsoft', 'web.yammer.com']) avatarNames.set(`${host}/api/v1/users/${id}`, name);
    } catch {
      /* not an Engage user link */
    }
  }
}

/** LinkedIn's own small artwork (reaction icons): `static.licdn.com/aero-v1/sc/h/<hash>`. */
const SITE_ICON = /^https:\/\/static\.licdn\.com\/aero-v1\/sc\/h\//;

/** Whether an image URL is a profile picture or a company logo (by the sites' URL shapes, or a learned name). */
export function isAvatarUrl(url: URL): boolean {
  const p = url.pathname;
  return (
    /profile_images|profile-(display|framed)photo|\/avatar\/|\/mugshot\/|_logo$|company-logo/i.test(p) || avatarNames.has(keyOf(url))
  );
}

/** Up to two initials of a name ("Member A" → "MA"), or null when it has no letters. */
export function initialsOf(name: string): string | null {
  const words = name.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const letters = words.slice(0, 2).map((w) => w[0]!.toUpperCase());
  return letters.length ? letters.join('') : null;
}

function nameFor(url: URL): string | null {
  const direct = avatarNames.get(keyOf(url));
  if (direct) return direct;
  const engage = /^\/api\/v1\/users\/(\d+)\//.exec(url.pathname);
  if (engage) return avatarNames.get(`${url.hostname}/api/v1/users/${engage[1]}`) ?? null;
  // X's placeholders name the account in the file ("quoter_avatar.jpg").
  const file = /profile_images\/[^/]*\/([a-z]+)_avatar\.\w+$/i.exec(url.pathname);
  return file ? file[1]! : null;
}

/** An avatar SVG (96×96): initials of the person when known, else a head-and-shoulders shape. */
export function avatarSvg(url: URL): string {
  const colour = AVATAR_COLOURS[hash(keyOf(url)) % AVATAR_COLOURS.length]!;
  const name = nameFor(url);
  const initials = name ? initialsOf(name) : null;
  const face = initials
    ? `<text x="48" y="48" dy=".35em" font-family="system-ui,sans-serif" font-size="${initials.length > 1 ? 36 : 42}" font-weight="600" text-anchor="middle" fill="#fff">${escapeXml(initials)}</text>`
    : '<circle cx="48" cy="38" r="17" fill="#fff" fill-opacity=".9"/><path d="M16 96c2-20 15-31 32-31s30 11 32 31z" fill="#fff" fill-opacity=".9"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="${colour}"/>${face}</svg>`;
}

/** A picture SVG (1200×675, 16:9): sky, two hills and a sun, colours picked from the URL. */
export function pictureSvg(url: URL): string {
  const [skyTop, skyBottom, far, near] = PICTURE_PALETTES[hash(keyOf(url)) % PICTURE_PALETTES.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675" preserveAspectRatio="xMidYMid slice">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#s)"/><circle cx="880" cy="210" r="80" fill="#fff" fill-opacity=".85"/>
<path d="M0 470 C220 330 420 380 620 450 S1000 360 1200 420 V675 H0z" fill="${far}"/>
<path d="M0 560 C260 470 520 520 760 580 S1060 520 1200 540 V675 H0z" fill="${near}"/></svg>`;
}

/** A site icon SVG (24×24): a disc in the colour of the reaction its `alt` named ("like" when unknown), a white dot inside. */
export function iconSvg(url: URL): string {
  const colour = REACTION_COLOURS[iconNames.get(keyOf(url)) ?? 'like'] ?? REACTION_COLOURS.like!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="${colour}" stroke="#fff" stroke-width="2"/><circle cx="12" cy="12" r="4" fill="#fff"/></svg>`;
}

/** The demo server's answer for an image URL: a site icon, an avatar or a picture, as SVG. */
export function demoImage(url: URL): { status: number; contentType: string; body: string } {
  const body = SITE_ICON.test(url.href) ? iconSvg(url) : isAvatarUrl(url) ? avatarSvg(url) : pictureSvg(url);
  return { status: 200, contentType: 'image/svg+xml', body };
}
