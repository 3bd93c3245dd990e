import type { Capture } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import type { CollectionsSidebarProps } from '../../components/CollectionsSidebar';
import type { LibraryActions } from './use-actions';
import * as data from './data';

/** What the collection actions need from the page. */
export interface CollectionActionDeps {
  db: SatchelDb;
  run: LibraryActions['run'];
  setToast: LibraryActions['setToast'];
  absorb: (rows: readonly Capture[]) => void;
  reloadCollections: () => Promise<void>;
  /** Name of a collection by id ('' when unknown). */
  nameOf: (id: string) => string;
  /** The collection the list shows, and its setter (a deleted one falls back to all captures). */
  current: string | null;
  setCurrent: (id: string | null) => void;
  t: Translate;
}

/**
 * Create, rename and delete a collection, each a named action ("Couldn't rename collection “x”: …"
 * on failure); a deleted collection's captures stay, and the toast says so.
 */
export function collectionActions(d: CollectionActionDeps): Pick<CollectionsSidebarProps, 'onCreate' | 'onRename' | 'onDelete'> {
  const { t } = d;
  return {
    onCreate: (name) => void d.run(fmt(t('libErrCreateCollection'), { name }), () => data.createCollection(d.db, name)).then((c) => c && d.reloadCollections()),
    onRename: (id, name) => void d.run(fmt(t('libErrRenameCollection'), { name: d.nameOf(id) }), () => data.renameCollection(d.db, id, name)).then(d.reloadCollections),
    onDelete: (id) => {
      const name = d.nameOf(id);
      void d.run(fmt(t('libErrDeleteCollection'), { name }), () => data.deleteCollection(d.db, id)).then(async (touched) => {
        if (!touched) return;
        d.absorb(touched);
        if (d.current === id) d.setCurrent(null);
        await d.reloadCollections();
        d.setToast({ message: fmt(t('collectionDeleted'), { name }) });
      });
    },
  };
}
