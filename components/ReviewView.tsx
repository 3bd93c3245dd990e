import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import { SiteIcon } from './SiteIcon';
import { TagEditor } from './TagEditor';
import { TextField } from './TextField';
import { originalLink, postedMs, sourceOf, type CaptureView } from './capture-view';
import { IntentChip } from './cards/IntentChip';
import { Avatar } from './cards/Avatar';
import { MediaThumb } from './cards/MediaThumb';
import { QuotedPreview } from './cards/QuotedPreview';
import { CardTimes } from './cards/CardTimes';
import { FlagList, flagWords, originalLabel } from './cards/flags';
import './cards/cards.css';

/** Media items a Review card shows (the detail view has them all). */
const CARD_MEDIA = 4;

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
 * Walks unreviewed captures one by one. The card shows what the detail view shows that matters for
 * reviewing: the author (avatar, name, handle, site), when the post was published and saved, the
 * learner's note — first and prominent for a "tip to try", after the text otherwise — the intent and
 * tags, completeness flags, the whole text with its line breaks, images and video posters (a neutral
 * box when one fails), the quoted post and the link to the original. Then "What I will apply", tags,
 * and the choices mark reviewed (next), archive, or skip. The heading takes focus at each new capture.
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
  const flags = flagWords(c, t);
  const source = sourceOf(c);
  const tip = c.intent === 'tip';
  const note = c.note?.trim() ? (
    <section class={`rcard__note${tip ? ' rcard__note--tip' : ''}`} aria-labelledby="review-note-h" data-testid="review-note">
      <h3 id="review-note-h">{t(tip ? 'reviewNoteTip' : 'reviewNote')}</h3>
      <p dir="auto">{c.note}</p>
    </section>
  ) : null;
  return (
    <section class="review" aria-labelledby="review-h" data-testid="review-view" data-capture-key={c.key}>
      <p class="muted">{fmt(t('reviewProgress'), { n: p.position, total: p.total }, locale)}</p>
      <article class="rcard" data-testid="review-card">
        <header class="rcard__head">
          <Avatar name={source} url={c.author?.avatarUrl} size="lg" />
          <div class="rcard__who">
            <h2 id="review-h" ref={heading} tabIndex={-1} dir="auto">{source}</h2>
            {c.author?.handle ? <span class="rcard__handle" dir="auto">@{c.author.handle}</span> : null}
            <CardTimes class="rcard__times" posted={postedMs(c)} saved={c.capturedAt} now={Date.now()} t={t} locale={locale} />
          </div>
          <SiteIcon platform={c.platform} t={t} />
        </header>
        {tip ? note : null}
        {c.intent || c.tags.length ? (
          <p class="rcard__meta" data-testid="review-meta">
            {c.intent ? <IntentChip intent={c.intent} t={t} /> : null}
            {c.tags.map((tag) => <span key={tag} class="chip" dir="auto">#{tag}</span>)}
          </p>
        ) : null}
        <FlagList flags={flags} t={t} class="rcard__flags" testId="review-flags" />
        {c.platform === 'web' && c.title && c.title !== source ? <p class="detail__title" dir="auto">{c.title}</p> : null}
        <p class="post-text review__text rcard__text" dir="auto" lang={c.lang ?? undefined}>{c.text || t('popupNoText')}</p>
        {c.media.length > 0 ? (
          <div class="rcard__media" data-testid="review-media">
            {c.media.slice(0, CARD_MEDIA).map((m, i) => <MediaThumb key={i} media={m} t={t} class="thumb--card" />)}
          </div>
        ) : null}
        {c.quoted ? <QuotedPreview quoted={c.quoted} t={t} locale={locale} /> : null}
        {tip ? null : note}
        {orig ? <a class="link rcard__link" href={orig.href} target="_blank" rel="noopener noreferrer">{originalLabel(orig, c.platform, t)}</a> : null}
      </article>
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
