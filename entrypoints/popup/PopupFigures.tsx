import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';

/**
 * The popup's figures line: "N waiting for review · N follow-ups due". Nothing waiting and no
 * follow-up due: no line ("0 waiting for review" is noise, issue 12 audit).
 */
export function PopupFigures({ waiting, due, t, locale }: { waiting: number; due: number; t: Translate; locale?: string }) {
  if (waiting <= 0 && due <= 0) return null;
  return (
    <p class="popup__figures" data-testid="popup-figures">
      {waiting > 0 ? <span data-testid="waiting-count">{fmt(t('popupWaiting'), { count: waiting }, locale)}</span> : null}
      {waiting > 0 && due > 0 ? ' · ' : null}
      {due > 0 ? <span data-testid="followup-count">{fmt(t(due === 1 ? 'popupFollowUpsOne' : 'popupFollowUps'), { count: due }, locale)}</span> : null}
    </p>
  );
}
