import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { absoluteTime } from '../lib/util/time';
import { fmt } from './format';
import { SiteIcon } from './SiteIcon';
import { TagEditor } from './TagEditor';
import { TextField } from './TextField';
import { SITE_NAME_KEY } from './SiteIcon';
import { FLAG_KEYS, originalLink, sourceOf, type CaptureView } from './capture-view';

/** Props of {@link ReviewView}. */
export interface ReviewViewProps {
  /** The capture under review, or null when none is left. */
  capture: CaptureView | null;
  /** 1-based position and total of this review session. */
  position: number;
  total: number;
  knownTags: readonly string[];
  onTags: (tags: string[]) => void;
  onReflection: (text: string | null) => void;
  /** Mark reviewed and go to the next one. */
  onReviewed: () => void;
  onArchive: () => void;
  onSkip: () => void;
  onExit: () => void;
  t: Translate;
  locale?: string;
}

/**
 * Walks unreviewed captures one by one: the whole text, then "What I will apply", tags, and the
 * choices mark reviewed (next), archive, or skip. The heading takes focus at each new capture.
 */
export function ReviewView(p: ReviewViewProps) {
  const { t, locale, capture: c } = p;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [c?.id]);
  if (!c) {
    return (
      <section class="review" aria-labelledby="review-h" data-testid="review-view">
        <h2 id="review-h" ref={heading} tabIndex={-1}>{t('reviewDoneTitle')}</h2>
        <p>{t('reviewDoneText')}</p>
        <button type="button" class="btn btn--primary" onClick={p.onExit}>{t('reviewBack')}</button>
      </section>
    );
  }
  const orig = originalLink(c);
  const flags = FLAG_KEYS.filter(([f]) => c[f]);
  return (
    <section class="review" aria-labelledby="review-h" data-testid="review-view" data-capture-key={c.key}>
      <p class="muted">{fmt(t('reviewProgress'), { n: p.position, total: p.total }, locale)}</p>
      <div class="review__head">
        <SiteIcon platform={c.platform} t={t} />
        <h2 id="review-h" ref={heading} tabIndex={-1} dir="auto">{sourceOf(c)}</h2>
        <span class="muted">{absoluteTime(c.capturedAt, locale)}</span>
      </div>
      <p class="post-text review__text" dir="auto" lang={c.lang ?? undefined}>{c.text || t('popupNoText')}</p>
      {flags.length > 0 ? <p class="flags-inline">{flags.map(([, k]) => t(k)).join(' · ')}</p> : null}
      {orig ? <a class="link" href={orig.href} target="_blank" rel="noopener noreferrer">{orig.find ? fmt(t('popupFindOnSite'), { site: t(SITE_NAME_KEY[c.platform]) }) : t('popupOpenOriginal')}</a> : null}
      <TextField key={`r-${c.id}`} label={t('reviewReflection')} value={c.reflection ?? null} onCommit={p.onReflection} placeholder={t('reviewReflectionPlaceholder')} testId="review-reflection" />
      <div class="field">
        <span class="field__label">{t('tagsLabel')}</span>
        <TagEditor key={`t-${c.id}`} tags={c.tags} known={p.knownTags} onChange={p.onTags} t={t} idPrefix="review" />
      </div>
      <div class="review__actions">
        <button type="button" class="btn btn--primary" onClick={p.onReviewed} data-testid="review-mark">{t('reviewMarkReviewed')}</button>
        <button type="button" class="btn" onClick={p.onArchive}>{t('reviewArchive')}</button>
        <button type="button" class="btn" onClick={p.onSkip}>{t('reviewSkip')}</button>
        <button type="button" class="btn btn--ghost" onClick={p.onExit}>{t('reviewExit')}</button>
      </div>
    </section>
  );
}
