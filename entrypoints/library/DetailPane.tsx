import type { Translate } from '../../lib/util/i18n';
import { CaptureDetail, type CaptureDetailProps } from '../../components/CaptureDetail';

/** Props of {@link DetailPane}. */
export interface DetailPaneProps {
  detail: CaptureDetailProps;
  t: Translate;
}

/**
 * The open capture beside the list. In a narrow window (style.css) it replaces the list as a
 * full-width view and starts with a "Back to list" button (same as the detail's close: focus goes
 * back to the list, on the capture's row).
 */
export function DetailPane({ detail, t }: DetailPaneProps) {
  return (
    <aside class="lib__detail" aria-label={t('detailLabel')}>
      <button type="button" class="btn btn--small lib__back" onClick={detail.onClose} data-testid="detail-back">
        {t('detailBack')}
      </button>
      <CaptureDetail {...detail} />
    </aside>
  );
}
