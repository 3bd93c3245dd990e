import type { Translate } from '../../lib/util/i18n';
import { absoluteTime, relativeTime, shortRelativeTime } from '../../lib/util/time';
import { fmt } from '../format';

/** Props of {@link CardTimes}. */
export interface CardTimesProps {
  /** When the post was published, epoch ms (capture-view.ts `postedMs`); null: not shown. */
  posted: number | null;
  /** When the learner saved it, epoch ms. */
  saved: number;
  /** Current time, epoch ms; with it both times read relative ("3 days ago"), else absolute. */
  now?: number;
  t: Translate;
  locale?: string;
  class?: string;
  id?: string;
  /** With `now`: the narrow relative form ("Posted 3d ago · Saved 5m ago"), for a row with little room. */
  short?: boolean;
}

/**
 * "Posted 3 days ago · Saved 5 minutes ago": when the post was published (when known) and when it
 * was saved, relative with `now` (the absolute date in the title) or absolute without it. Each is a
 * `<time datetime>`.
 */
export function CardTimes({ posted, saved, now, t, locale, class: cls = 'card-times', id, short = false }: CardTimesProps) {
  const when = (ms: number) => (now === undefined ? absoluteTime(ms, locale) : (short ? shortRelativeTime : relativeTime)(ms, now, locale));
  return (
    <span class={cls} id={id}>
      {posted !== null ? (
        <>
          <time class="card-times__posted" dateTime={new Date(posted).toISOString()} title={absoluteTime(posted, locale)}>{fmt(t('cardPosted'), { time: when(posted) })}</time>
          <span aria-hidden="true"> · </span>
        </>
      ) : null}
      <time class="card-times__saved" dateTime={new Date(saved).toISOString()} title={absoluteTime(saved, locale)}>{fmt(t('cardSaved'), { time: when(saved) })}</time>
    </span>
  );
}
