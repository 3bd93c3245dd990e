import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';

/** Tags a library row renders at most; the rest only count in its "+n". */
export const ROW_TAGS = 8;

/** Props of {@link RowTags}. */
export interface RowTagsProps {
  tags: readonly string[];
  t: Translate;
  locale?: string;
  /** The row's width in px (components/cards/use-width.ts): a change measures the line again. */
  width: number | null;
}

/**
 * A library row's tags on one line: whole chips only (a chip never shrinks mid-word; the chips wrap
 * inside a one-line box and those past the first line are left out), then "+n" for the tags not
 * shown, so the row's description reads what is seen. Measured again when the row's width or the
 * tags change (one extra render).
 */
export function RowTags({ tags, t, locale, width }: RowTagsProps) {
  const box = useRef<HTMLSpanElement>(null);
  const rendered = tags.slice(0, ROW_TAGS);
  // Measured once per width and tag list: all chips are laid out (with the widest "+n"), the ones on
  // the first line counted; then only those render, so "+n" sits right after the last whole chip.
  const key = `${width}\n${tags.join('\n')}`;
  const [fit, setFit] = useState<{ key: string; shown: number } | null>(null);
  const measuring = fit?.key !== key;
  useLayoutEffect(() => {
    if (!measuring) return;
    const chips = Array.from(box.current?.children ?? []) as HTMLElement[];
    const top = chips[0]?.offsetTop ?? 0;
    let n = 1; // the first chip always shows (cut at its end only when it alone is wider than the line)
    while (n < chips.length && chips[n]!.offsetTop === top) n++;
    setFit({ key, shown: Math.min(n, chips.length) });
  });
  const visible = measuring ? rendered.length : fit.shown;
  const more = measuring ? (tags.length > 1 ? tags.length : 0) : tags.length - visible;
  return (
    <>
      <span class="crow__tags" ref={box}>
        {rendered.slice(0, visible).map((tag) => <span key={tag} class="chip" dir="auto" data-tag="">#{tag}</span>)}
      </span>
      {more > 0 ? <span class="chip chip--more" data-testid="row-more-tags">{fmt(t('cardMoreTags'), { n: more }, locale)}</span> : null}
    </>
  );
}
