/**
 * Direction-control characters in untrusted names and link text (docs/discussion.md "Names and
 * direction"). An explicit override such as U+202E RIGHT-TO-LEFT OVERRIDE makes "Cy \u202Eexe.gnp"
 * read "Cy png.exe", and a link's text read "exe.pdf" while its href ends in ".exe": the spoofing
 * behind Trojan Source (CVE-2021-42574). Names and link text lose these controls; a name shown inside
 * a sentence is also isolated (<bdi> in the UI and exported HTML, FSI … PDI in a composed string, see
 * {@link isolateName}) so a right-to-left name cannot reorder the words around it.
 */

/** The embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and the isolates U+2066–U+2069 (LRI, RLI, FSI, PDI). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** U+2068 FIRST STRONG ISOLATE: opens an isolated name ({@link isolateName}). */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: closes it. */
export const PDI = '\u2069';

/** `s` without any explicit embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069). Other text is kept as is. */
export const stripBidiOverrides = (s: string): string => s.replace(BIDI_CONTROLS, '');

/**
 * `name` stripped of direction controls and wrapped in FSI … PDI, the plain-text form of <bdi>: for a
 * string that a renderer turns into <bdi> elements ({@link splitIsolates}). Since the name itself has
 * no controls left, every FSI … PDI pair in the result is ours.
 */
export const isolateName = (name: string): string => `${FSI}${stripBidiOverrides(name)}${PDI}`;

/** A piece of a composed string: plain text, or an isolated name (to render in a <bdi>). */
export interface IsolateSegment {
  text: string;
  isolated: boolean;
}

/** A balanced FSI … PDI with no direction control inside. */
const ISOLATED = /\u2068([^\u202A-\u202E\u2066-\u2069]*)\u2069/gu;

/**
 * Splits `s` at its balanced FSI … PDI pairs (those made by {@link isolateName}): the isolated parts
 * without their FSI/PDI, the rest as written. Joining the texts gives `s` minus those pairs' controls.
 */
export function splitIsolates(s: string): IsolateSegment[] {
  const out: IsolateSegment[] = [];
  let at = 0;
  for (const m of s.matchAll(ISOLATED)) {
    if (m.index > at) out.push({ text: s.slice(at, m.index), isolated: false });
    out.push({ text: m[1]!, isolated: true });
    at = m.index + m[0].length;
  }
  if (at < s.length) out.push({ text: s.slice(at), isolated: false });
  return out;
}
