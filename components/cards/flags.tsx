import { flagsOf, type CaptureFlag, type Flagged } from '../../lib/schema/merge-draft';
import type { Platform } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { SITE_NAME_KEY } from '../SiteIcon';

/**
 * messages.json keys of each completeness flag (docs/cards.md "Completeness flags"): `words`, the few
 * words a card shows ("No link yet"); `sentence`, what the detail pane and the words' tooltip say;
 * `more`, the link the detail pane puts under it when the original holds what is missing (cut text:
 * "read the rest"; missing media: "see the missing images"), none when the original cannot help.
 */
export const FLAG_MESSAGES: Readonly<Record<CaptureFlag, { words: string; sentence: string; more: string | null }>> = {
  truncated: { words: 'flagWordTruncated', sentence: 'flagTruncated', more: 'detailReadRest' },
  mediaMissing: { words: 'flagWordMediaMissing', sentence: 'flagMediaMissing', more: 'detailSeeMedia' },
  quoteMissing: { words: 'flagWordQuoteMissing', sentence: 'flagQuoteMissing', more: null },
  threadPartial: { words: 'flagWordThreadPartial', sentence: 'flagThreadPartial', more: null },
  quotedTruncated: { words: 'flagWordQuotedTruncated', sentence: 'flagQuotedTruncated', more: 'detailReadRest' },
  quotedMediaMissing: { words: 'flagWordQuotedMediaMissing', sentence: 'flagQuotedMediaMissing', more: 'detailSeeMedia' },
  permalinkMissing: { words: 'flagWordPermalinkMissing', sentence: 'flagPermalinkMissing', more: null },
};

/** One flag set on a capture, translated: its name, its few words and its sentence. */
export interface FlagWord {
  flag: CaptureFlag;
  words: string;
  sentence: string;
}

/**
 * The completeness flags set on a capture (lib/schema `flagsOf`: its own and its quoted post's), in
 * display order, with the words every card shows for them. Empty when nothing is missing. Pure.
 */
export function flagWords(c: Flagged, t: Translate): FlagWord[] {
  return flagsOf(c).map((flag) => ({ flag, words: t(FLAG_MESSAGES[flag].words), sentence: t(FLAG_MESSAGES[flag].sentence) }));
}

/**
 * messages.json keys of the links to the original that the flags set on a capture call for, each
 * once, in flag order (cut text: "Open the original to read the rest"; missing media: "… to see the
 * missing images or video").
 */
export function moreLinks(flags: readonly FlagWord[]): string[] {
  return [...new Set(flags.map((f) => FLAG_MESSAGES[f.flag].more).filter((k): k is string => k !== null))];
}

/**
 * The flags of a popup item or the Review card as a list of chips, named "What is missing from this
 * capture"; each chip shows the few words, its tooltip the sentence. Nothing when no flag is set.
 */
export function FlagList({ flags, t, class: cls, testId }: { flags: readonly FlagWord[]; t: Translate; class: string; testId?: string }) {
  if (!flags.length) return null;
  return (
    <ul class={cls} aria-label={t('cardFlags')} data-testid={testId}>
      {flags.map((f) => <li key={f.flag} class={`flag flag--${f.flag}`} data-flag={f.flag} title={f.sentence}>{f.words}</li>)}
    </ul>
  );
}

/**
 * The words of the link to a capture's original (components/capture-view.ts `originalLink`): "Find
 * on LinkedIn" for a capture saved without its post id (`find`), "Open original" otherwise.
 */
export function originalLabel(orig: { find: boolean }, platform: Platform, t: Translate): string {
  return orig.find ? fmt(t('popupFindOnSite'), { site: t(SITE_NAME_KEY[platform]) }) : t('popupOpenOriginal');
}
