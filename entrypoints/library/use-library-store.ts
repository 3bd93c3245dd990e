import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Capture, Collection } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import * as data from './data';

/** The library's in-memory captures: by id, their search index and the highest `updatedAt` seen. */
export interface CaptureStore {
  byId: Map<string, Capture>;
  search: data.LibrarySearch | null;
  maxUpdated: number;
}

/** What {@link useLibraryStore} hands the page. */
export interface LibraryStore {
  /** Mutable store (read through `store.current`); `version` changes whenever it does. */
  store: { current: CaptureStore };
  version: number;
  status: 'loading' | 'ready' | 'error';
  collectionRows: Collection[];
  /** Takes written or pulled rows into the store and the index (deleted rows leave). */
  absorb: (rows: readonly Capture[]) => void;
  reloadCollections: () => Promise<void>;
}

/**
 * Loads every live capture of the library's scope once (newest first, in chunks, so the first rows
 * show at once) into an in-memory search, then follows changes through the `updatedAt` index
 * (saves from the service worker, edits in another tab).
 */
export function useLibraryStore(db: SatchelDb): LibraryStore {
  const store = useRef<CaptureStore>({ byId: new Map(), search: null, maxUpdated: 0 });
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [collectionRows, setCollectionRows] = useState<Collection[]>([]);
  const bump = () => setVersion((v) => v + 1);

  const absorb = useCallback((rows: readonly Capture[]) => {
    const s = store.current;
    const live: Capture[] = [];
    const gone: string[] = [];
    for (const c of rows) {
      s.maxUpdated = Math.max(s.maxUpdated, c.updatedAt);
      if (c.deletedAt) {
        s.byId.delete(c.id);
        gone.push(c.id);
      } else {
        s.byId.set(c.id, c);
        live.push(c);
      }
    }
    s.search?.upsert(live);
    s.search?.remove(gone);
    bump();
  }, []);

  const reloadCollections = useCallback(async () => setCollectionRows(await data.loadCollectionRows(db)), [db]);

  useEffect(() => {
    let stop = () => {};
    let alive = true;
    (async () => {
      try {
        const s = store.current;
        s.search = data.createSearch([]);
        let chunks = 0;
        const watermark = await data.streamCaptures(db, (rows) => {
          if (!alive) return;
          for (const c of rows) s.byId.set(c.id, c);
          s.search!.addChunk(rows);
          // Show the newest at once, then refresh now and then while the rest loads.
          if (chunks++ % 10 === 0) {
            setStatus('ready');
            bump();
          }
        });
        if (!alive) return;
        s.maxUpdated = Math.max(s.maxUpdated, watermark);
        await reloadCollections();
        setStatus('ready');
        bump();
        stop = data.watchChanges(db, () => store.current.maxUpdated, absorb);
      } catch (e) {
        console.error('[satchel] library could not load', e);
        setStatus('error');
      }
    })();
    return () => {
      alive = false;
      stop();
    };
  }, [db]);

  return { store, version, status, collectionRows, absorb, reloadCollections };
}
