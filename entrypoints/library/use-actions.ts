import { useState } from 'preact/hooks';
import type { Capture } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import { sourceOf } from '../../components/capture-view';
import type { CaptureStore } from './use-library-store';
import * as data from './data';

/** The toast line: a result, an error that names what failed, or a delete with its Undo. */
export interface Toast {
  message: string;
  /** An error (shown as an alert). */
  error?: boolean;
  undo?: () => void;
}

/** What {@link useLibraryActions} hands the page. */
export interface LibraryActions {
  toast: Toast | null;
  setToast: (t: Toast | null) => void;
  /**
   * Runs one learner action: clears the last toast first (an old error or Undo never stays beside a
   * later action), then `work`; on failure shows `${what} ${error}` (e.g. "Couldn't rename tag “x”: …")
   * and resolves to undefined.
   */
  run: <T>(what: string, work: () => Promise<T>) => Promise<T | undefined>;
  /** Applies `patch` to capture `id` ("Couldn't save the change to “<author>”: …" on failure). */
  edit: (id: string, patch: data.CaptureEdit) => Promise<void>;
  /** Runs a write that returns changed captures, absorbs them, then shows `message` when given. */
  many: (what: string, work: () => Promise<readonly Capture[]>, message?: string) => Promise<boolean>;
  /** Deletes captures with an Undo toast; resolves true when they were deleted. */
  deleteIds: (targets: readonly string[]) => Promise<boolean>;
}

/**
 * The library's writes with their feedback (issue 12: errors clear on the next action and name the
 * thing). `onUndone` runs after an Undo restored captures (the page puts focus back on the list).
 */
export function useLibraryActions(db: SatchelDb, store: { current: CaptureStore }, absorb: (rows: readonly Capture[]) => void, t: Translate, locale: string | undefined, onUndone: () => void): LibraryActions {
  const [toast, setToast] = useState<Toast | null>(null);
  const nameOf = (id: string) => {
    const c = store.current.byId.get(id);
    return c ? sourceOf(c) : id;
  };
  const run = async <T,>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    setToast(null);
    try {
      return await work();
    } catch (e) {
      console.error('[satchel] library write failed:', what, e);
      setToast({ message: `${what} ${e instanceof Error ? e.message : String(e)}`, error: true });
      return undefined;
    }
  };
  const edit = async (id: string, patch: data.CaptureEdit) => {
    const c = await run(fmt(t('libErrEdit'), { name: nameOf(id) }, locale), () => data.editCapture(db, id, patch));
    if (c) absorb([c]);
  };
  const many = async (what: string, work: () => Promise<readonly Capture[]>, message?: string) => {
    const rows = await run(what, work);
    if (!rows) return false;
    absorb(rows);
    if (message) setToast({ message });
    return true;
  };
  const deleteIds = async (targets: readonly string[]) => {
    if (targets.length === 0) return false;
    const what = targets.length === 1 ? fmt(t('libErrDeleteOne'), { name: nameOf(targets[0]!) }, locale) : fmt(t('libErrDeleteMany'), { count: targets.length }, locale);
    const undo = await run(what, () => data.deleteCaptures(db, targets));
    if (!undo) return false;
    absorb(targets.map((id) => ({ ...store.current.byId.get(id)!, deletedAt: Date.now() })).filter((c) => c.id));
    setToast({
      message: fmt(t(targets.length === 1 ? 'deletedOne' : 'deletedMany'), { count: targets.length }, locale),
      undo: () =>
        void run(t('libErrUndo'), undo).then((rows) => {
          if (!rows) return;
          absorb(rows);
          onUndone();
        }),
    });
    return true;
  };
  return { toast, setToast, run, edit, many, deleteIds };
}
