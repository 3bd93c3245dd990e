import { useRef, useState } from 'preact/hooks';
import type { Density } from '../../lib/db/settings';
import { rowHeightFor } from '../../components/CaptureRow';
import { keyRow, type ListSelection } from '../../components/selection';
import { useLibraryKeys } from './use-library-keys';
import type { ReviewState } from './use-review';
import { byId, focusAfterRender } from './focus';
import { SIDE_TOGGLE_ID } from './LibraryHeader';

/** What {@link useLibraryNav} reads from the page. */
export interface LibraryNavOptions {
  ids: readonly string[];
  sel: ListSelection;
  setSel: (s: ListSelection) => void;
  selectedIds: readonly string[];
  openId: string | null;
  setOpenId: (id: string | null) => void;
  /** Deletes with an Undo toast; true when deleted (./use-actions.ts `deleteIds`). */
  deleteIds: (targets: readonly string[]) => Promise<boolean>;
  review: ReviewState;
  density: Density;
  singleKeys: boolean;
  dialogOpen: boolean;
  /** The last delete's Undo, while its toast shows. */
  undo: (() => void) | null;
}

/** True when `el` takes part in layout (a hidden toggle of a wide window does not). */
const shown = (el: HTMLElement | null): el is HTMLElement => !!el && el.getClientRects().length > 0;

/**
 * Moving through the library by keyboard and where focus lands after each step (issue 12): the
 * list's keys (arrows and the rest of components/selection `keyRow`, Enter opens the detail and
 * focuses its heading, Delete deletes the selection or the cursor row, the detail following a
 * single-row move), the page-wide keys ({@link useLibraryKeys}: Esc closes the narrow sidebar, the
 * detail, Review, then a multi-selection, in that order), and the narrow-window sidebar disclosure.
 * Holds the refs of the search box, the list and the detail heading.
 */
export function useLibraryNav(o: LibraryNavOptions) {
  const { ids, sel, setSel, selectedIds, openId, setOpenId, review } = o;
  // Narrow windows show the sidebar (libraries, collections, filters) as a disclosure.
  const [sideOpen, setSideOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const list = () => listRef.current;

  /** Back to the list, on the cursor row (the list is hidden under a narrow window's detail: focus once shown). */
  const focusList = () => {
    list()?.focus();
    if (document.activeElement !== list()) focusAfterRender(list);
  };
  const deleteAndFocus = async (targets: readonly string[]) => {
    if (!(await o.deleteIds(targets))) return;
    if (openId && targets.includes(openId)) setOpenId(null);
    setSel({ ...sel, selected: new Set() });
    focusAfterRender(list); // on the row after the deleted one (the cursor keeps its index)
  };
  /** The open capture's Delete: the cursor on the deleted row, so after the delete it stands on the next one. */
  const deleteOpen = () => {
    if (!openId) return;
    const at = ids.indexOf(openId);
    if (at >= 0) setSel({ ...sel, active: at });
    void deleteAndFocus([openId]);
  };
  const openRow = (i: number) => {
    const id = ids[i];
    if (!id) return;
    setOpenId(id);
    focusAfterRender(() => detailHeading.current);
  };
  const closeDetail = () => {
    setOpenId(null);
    focusList();
  };
  const closeSide = () => {
    setSideOpen(false);
    focusAfterRender(() => byId(SIDE_TOGGLE_ID));
  };
  const clearSelection = () => {
    const inBar = !!document.activeElement?.closest('[data-testid="bulk-bar"]');
    setSel({ ...sel, selected: new Set() });
    if (inBar) focusAfterRender(list);
  };
  /** Leaving a tip follow-up (answered or later): focus to the list when it was inside the prompt. */
  const leaveFollowUp = () => {
    if (document.activeElement?.closest('[data-testid="followup"]')) focusAfterRender(list);
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      openRow(sel.active);
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      void deleteAndFocus(selectedIds.length ? selectedIds : ids[sel.active] ? [ids[sel.active]!] : []);
      return;
    }
    const next = keyRow(sel, e.key, ids.length, { shift: e.shiftKey, ctrl: e.ctrlKey, meta: e.metaKey }, Math.max(1, Math.floor((list()?.clientHeight ?? 600) / rowHeightFor(o.density)) - 1));
    if (!next) return;
    e.preventDefault();
    setSel(next);
    // The detail follows the cursor when it is open and a single row moves.
    if (openId && !e.shiftKey && next.selected.size <= 1 && ids[next.active]) setOpenId(ids[next.active]!);
  };

  useLibraryKeys({
    dialogOpen: o.dialogOpen,
    singleKeys: o.singleKeys,
    undo: o.undo,
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    escape: [
      () => (sideOpen && shown(byId(SIDE_TOGGLE_ID)) ? (closeSide(), true) : false),
      () => (openId ? (closeDetail(), true) : false),
      () => (review.mode === 'review' ? (review.exit(), true) : false),
      () => (sel.selected.size > 1 ? (clearSelection(), true) : false),
    ],
  });

  return {
    sideOpen, toggleSide: () => (sideOpen ? closeSide() : setSideOpen(true)), closeSide,
    searchRef, listRef, detailHeading, list,
    deleteAndFocus, deleteOpen, openRow, closeDetail, clearSelection, leaveFollowUp, onListKey,
  };
}
