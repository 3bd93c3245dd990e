import type { Ref } from 'preact';
import type { Capture } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { CaptureDetail, type CaptureDetailProps } from '../../components/CaptureDetail';
import type { CollectionView } from '../../components/capture-view';
import type { TeamData } from './use-team-data';
import type * as data from './data';

/** Props of {@link DetailPane}. */
export interface DetailPaneProps {
  capture: Capture;
  collections: readonly CollectionView[];
  knownTags: readonly string[];
  /** Writes one change to the open capture. */
  edit: (patch: data.CaptureEdit) => void;
  onDelete: () => void;
  onClose: () => void;
  /** "Share to a team…" (only when the learner can share into a team). */
  onShare?: () => void;
  /** In a team's library: the team data of the open capture (sharer, right); undefined in the own library. */
  team?: Pick<TeamData, 'sharedBy'>;
  replaced: TeamData['replaced'];
  discussion: CaptureDetailProps['discussion'];
  starter: CaptureDetailProps['starter'];
  headingRef: Ref<HTMLHeadingElement>;
  t: Translate;
  locale?: string;
}

/**
 * The open capture beside the list (components/CaptureDetail.tsx, its edits wired to `edit`). In a
 * narrow window (style.css) it replaces the list as a full-width view and starts with a "Back to
 * list" button (same as the detail's close: focus goes back to the list, on the capture's row).
 */
export function DetailPane(p: DetailPaneProps) {
  const { capture: c, edit, t } = p;
  const sharer = p.team?.sharedBy?.id === c.id ? p.team.sharedBy : null;
  return (
    <aside class="lib__detail" aria-label={t('detailLabel')}>
      <button type="button" class="btn btn--small lib__back" onClick={p.onClose} data-testid="detail-back">
        {t('detailBack')}
      </button>
      <CaptureDetail
        key={c.id}
        capture={c}
        collections={p.collections}
        knownTags={p.knownTags}
        t={t}
        locale={p.locale}
        headingRef={p.headingRef}
        onTags={(tags) => edit({ tags })}
        onIntent={(intent) => edit({ intent })}
        onCollections={(collectionIds) => edit({ collectionIds })}
        onNote={(note) => edit({ note })}
        onReflection={(reflection) => edit({ reflection })}
        onReviewed={(r) => edit({ reviewedAt: r ? Date.now() : null })}
        onArchived={(a) => edit({ archivedAt: a ? Date.now() : null })}
        onDelete={p.onDelete}
        sharedBy={p.team ? (sharer?.name ?? null) : undefined}
        right={!p.team ? 'all' : (sharer?.right ?? 'none')}
        replacedNotes={p.replaced?.id === c.id ? p.replaced.notes.filter((n) => n !== c.note) : undefined}
        onShare={p.onShare}
        onClose={p.onClose}
        discussion={p.discussion}
        starter={p.starter}
      />
    </aside>
  );
}
