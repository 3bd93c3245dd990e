import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import type { BulkBarProps } from '../../components/BulkBar';
import type { CollectionView } from '../../components/capture-view';
import type { LibraryActions } from './use-actions';
import * as data from './data';

/** What the bulk bar's actions need from the page. */
export interface BulkDeps {
  db: SatchelDb;
  many: LibraryActions['many'];
  /** The selected captures' ids, in list order. */
  ids: readonly string[];
  collections: readonly CollectionView[];
  onExport: () => void;
  /** Deletes the selection (the page puts focus back on the list). */
  onDelete: () => void;
  /** Clears the selection (focus goes back to the list). */
  onClear: () => void;
  t: Translate;
  locale?: string;
}

/** The bulk bar's props for `count` selected captures: tag, add to a collection, export, delete, clear; writes are named actions. */
export function bulkActions(d: BulkDeps, count: number): Omit<BulkBarProps, 't' | 'locale'> {
  const { t, locale, ids } = d;
  const nameOf = (cid: string) => d.collections.find((c) => c.id === cid)?.name ?? '';
  return {
    count,
    collections: d.collections,
    onTag: (tag) => void d.many(fmt(t('libErrBulkTag'), { tag, count: ids.length }, locale), () => data.addTagTo(d.db, ids, tag), fmt(t('bulkTagged'), { count: ids.length, tag }, locale)),
    onAddToCollection: (cid) =>
      void d.many(fmt(t('libErrBulkCollect'), { name: nameOf(cid), count: ids.length }, locale), () => data.addToCollection(d.db, cid, ids), fmt(t('bulkCollected'), { count: ids.length, name: nameOf(cid) }, locale)),
    onExport: d.onExport,
    onDelete: d.onDelete,
    onClear: d.onClear,
  };
}
