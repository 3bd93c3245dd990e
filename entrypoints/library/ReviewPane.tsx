import type { Translate } from '../../lib/util/i18n';
import { ReviewView } from '../../components/ReviewView';
import type { ReviewState } from './use-review';
import type * as data from './data';

/** Props of {@link ReviewPane}. */
export interface ReviewPaneProps {
  review: ReviewState;
  knownTags: readonly string[];
  /** Writes one change to a capture (./use-actions.ts `edit`). */
  edit: (id: string, patch: data.CaptureEdit) => Promise<void>;
  t: Translate;
  locale?: string;
}

/**
 * The library's Review mode (components/ReviewView.tsx) over {@link ReviewState}: tags and the
 * reflection are written as they change; Reviewed and Archive stamp the capture (epoch ms) and go to
 * the next one; Skip goes on without a change.
 */
export function ReviewPane({ review, knownTags, edit, t, locale }: ReviewPaneProps) {
  const reviewId = review.capture?.id ?? null;
  return (
    <ReviewView
      capture={review.capture}
      position={review.position}
      total={review.total}
      knownTags={knownTags}
      onTags={(tags) => reviewId && void edit(reviewId, { tags })}
      onReflection={(reflection) => reviewId && void edit(reviewId, { reflection })}
      onReviewed={() => { if (reviewId) void edit(reviewId, { reviewedAt: Date.now() }); review.next(); }}
      onArchive={() => { if (reviewId) void edit(reviewId, { archivedAt: Date.now() }); review.next(); }}
      onSkip={review.next}
      onExit={review.exit}
      t={t}
      locale={locale}
    />
  );
}
