import type { ComponentChildren } from 'preact';
import { absoluteTime, relativeTime } from '../../lib/util/time';

/** Props of {@link When}. */
export interface WhenProps {
  /** the time, epoch ms */
  ms: number;
  /** "now" for the relative text, epoch ms */
  now: number;
  locale?: string;
  class?: string;
  /** text instead of the relative time (e.g. "(edited)") */
  children?: ComponentChildren;
}

/**
 * A `<time>`: "5 minutes ago" (lib/util/time.ts relativeTime) with the ISO `dateTime`; the absolute
 * date and time (absoluteTime) becomes its tooltip when the pointer reaches it. Formatting it up
 * front cost ~40 ms of main thread for a page of 20 comments (a new Intl.DateTimeFormat per call;
 * bench/discussion-open.ts), so it is made on demand.
 */
export function When({ ms, now, locale, class: cls, children }: WhenProps) {
  return (
    <time
      class={cls}
      dateTime={new Date(ms).toISOString()}
      onMouseEnter={(e) => {
        const el = e.currentTarget as HTMLElement;
        if (!el.title) el.title = absoluteTime(ms, locale);
      }}
    >
      {children ?? relativeTime(ms, now, locale)}
    </time>
  );
}
