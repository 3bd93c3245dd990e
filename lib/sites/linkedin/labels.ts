/**
 * LinkedIn UI strings the adapter reads, one pack per language (docs/sites/linkedin.md "Languages").
 * The adapter anchors on structure first (componentkey, data-testid, profile links, icons) and uses
 * these only where the page names something in words: the author in the post menu's label, the
 * "reposted this" header, the visibility icon next to the post time. Adding a language = adding a
 * pack here (and a fixture that has no English label anywhere, like the pt-BR one).
 */

/** The strings of one UI language. Prefixes end with the space before the name. */
export interface LabelPack {
  /** BCP 47 tag of the UI language. */
  readonly lang: string;
  /** `aria-label` prefix of the post's "…" menu button, followed by the author's name. */
  readonly controlMenu: string;
  /** `aria-label` prefix of the post's "×" (hide) button, followed by the author's name (Gen C). */
  readonly hidePost: string;
  /** Text of the visually hidden `<h2>` that opens every Gen C card (posts and other modules). */
  readonly feedPost: string;
  /** `aria-label` prefix of the visibility icon inside the post time `<p>` ("Visibility: Global"). */
  readonly visibility: string;
  /** A header line saying the post was reposted into the feed by someone else. */
  readonly reposted: RegExp;
  /**
   * Units of the relative post time ("18h", "1 sem"), case-sensitive, space-separated, in the order
   * minute, hour, day, week, month, year (lib/sites/linkedin/time-label.ts `UNIT_MS`).
   */
  readonly ago: string;
}

/** English: every label seen in the real captures (2024-09 … 2026-07 fixtures, the 2026-05 SDUI feed). */
const EN: LabelPack = {
  lang: 'en',
  controlMenu: 'Open control menu for post by ',
  hidePost: 'Hide post by ',
  feedPost: 'Feed post',
  visibility: 'Visibility',
  reposted: /\breposted this\b|\breposted\b/i,
  // "45m", "17h", "5d", "1w" (real captures); "3mo", "1yr" reported
  ago: 'm h d w mo yr',
};

/**
 * Brazilian Portuguese. `controlMenu`, `feedPost` and `visibility` are the strings reported from a
 * real pt-BR SDUI feed; `hidePost` and `reposted` follow LinkedIn's pt-BR wording elsewhere
 * ("publicação", "compartilhou") and are unverified (modelled in the pt-BR synthetic fixture).
 */
const PT_BR: LabelPack = {
  lang: 'pt-BR',
  controlMenu: 'Abrir menu de controle da publicação de ',
  hidePost: 'Ocultar publicação de ',
  feedPost: 'Publicação no feed',
  visibility: 'Visibilidade',
  reposted: /\b(?:compartilhou|republicou) isso\b/i,
  // "4 h", "1 sem" reported from real pt-BR feeds; "min", "d", "m" (months), "a" (years) follow
  // LinkedIn's pt-BR abbreviations, unverified
  ago: 'min h d sem m a',
};

/** Every pack, English first. */
export const LABEL_PACKS: readonly LabelPack[] = [EN, PT_BR];

/** Prefixes of the labels that name a post's author: the "…" menu, then the hide button, every language. */
export const AUTHOR_LABEL_PREFIXES: readonly string[] = [...LABEL_PACKS.map((p) => p.controlMenu), ...LABEL_PACKS.map((p) => p.hidePost)];

/** True when a header line says "X reposted this" in any language. */
export function saysReposted(text: string): boolean {
  return LABEL_PACKS.some((p) => p.reposted.test(text));
}

/** The author name in a "…" menu or hide button label, or null when `label` has none of the prefixes. */
export function authorFromLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  for (const prefix of AUTHOR_LABEL_PREFIXES) {
    if (label.startsWith(prefix)) return label.slice(prefix.length).trim() || null;
  }
  return null;
}
