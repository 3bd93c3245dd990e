import type { Capture, Collection } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import { shareCapture } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import type { ExportScope } from '../../components/ExportDialog';
import type { CollectionView } from '../../components/capture-view';
import type { ShareTarget } from '../../components/ShareDialog';
import { fmt } from '../../components/format';
import type { LibraryDialog, LibraryDialogsProps } from './LibraryDialogs';
import type { CaptureStore } from './use-library-store';
import type { LibraryActions } from './use-actions';
import * as data from './data';

/** What the library's dialogs act on (see {@link libraryDialogProps}). */
export interface DialogSources {
  db: SatchelDb;
  dialog: LibraryDialog;
  store: { current: CaptureStore };
  /** The current query's ids, in order, and the selected ones. */
  ids: readonly string[];
  selectedIds: readonly string[];
  collections: readonly CollectionView[];
  collectionRows: Collection[];
  collectionId: string | null;
  /** After an import: reload captures and collections. */
  reloadAll: () => Promise<void>;
  shareTargets: ShareTarget[];
  many: LibraryActions['many'];
  setToast: LibraryActions['setToast'];
  t: Translate;
}

/**
 * The library dialogs' data and actions (./LibraryDialogs.tsx): export picks everything, a
 * collection, the filtered list or the selection; the tags manager's counts (read only while it is
 * open) and rename; "Share to a team" of the capture the dialog names, whose box says whether the
 * team copy is a question to discuss (lib/db/share.ts `intent`), with a toast naming the team.
 */
export function libraryDialogProps(s: DialogSources): Omit<LibraryDialogsProps, 'db' | 'dialog' | 'onClose' | 't' | 'locale'> {
  const { db, dialog, store, ids, selectedIds, many, t } = s;
  const all = () => [...store.current.byId.values()];
  const pick = (scope: ExportScope, colId: string | null): Capture[] =>
    scope === 'all' ? all()
    : scope === 'collection' ? all().filter((c) => colId && c.collectionIds.includes(colId))
    : scope === 'filter' ? ids.map((id) => store.current.byId.get(id)!)
    : selectedIds.map((id) => store.current.byId.get(id)!);
  return {
    transfer: {
      pick,
      counts: { all: store.current.byId.size, collection: 0, filter: ids.length, selection: selectedIds.length || null },
      collections: s.collections,
      collectionRows: s.collectionRows,
      collectionId: s.collectionId,
      onImported: s.reloadAll,
    },
    tags: dialog?.kind === 'tags' ? data.tagCounts(store.current.byId.values()) : [],
    onRenameTag: (from, to) => void many(fmt(t('libErrRenameTag'), { tag: from }), () => data.renameTag(db, from, to), fmt(t('tagRenamed'), { from, to })),
    shareTargets: s.shareTargets,
    shareCapture: dialog?.kind === 'share' ? store.current.byId.get(dialog.id) ?? null : null,
    onShare: async (scopeId, colId, note, asQuestion) => {
      if (dialog?.kind !== 'share') return;
      await shareCapture(db, dialog.id, scopeId, { ...(colId ? { collectionId: colId } : {}), note, intent: asQuestion ? 'question' : null });
      s.setToast({ message: fmt(t('shareDone'), { team: s.shareTargets.find((x) => x.scopeId === scopeId)?.name ?? '' }) });
    },
  };
}
