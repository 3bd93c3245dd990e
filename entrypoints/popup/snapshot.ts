/**
 * A small copy of the popup's newest captures in the extension origin's localStorage, so the next
 * popup paints its list at once while IndexedDB opens (opening a 100,000-capture database costs
 * Chromium a few hundred ms on the first connection). The database answer replaces it within that
 * time; the snapshot is only ever a first paint: nothing is written from it.
 * Stored: at most {@link SNAPSHOT_SIZE} captures with text cut to the preview length, the first media
 * item, the quoted post's start (no media) and the note's start; links, thread and reflection emptied. Rendered exactly like database rows (as text).
 */
import type { Capture } from '../../lib/schema';
import { NOTE_CHARS, PREVIEW_CHARS } from '../../components/CaptureList';

/** Characters of a quoted post's text kept in the snapshot (its one-line preview shows fewer). */
const QUOTED_CHARS = 200;

/** localStorage key of the snapshot. */
export const SNAPSHOT_KEY = 'satchel:popup-snapshot:v1';
/** Captures kept in the snapshot. */
export const SNAPSHOT_SIZE = 20;

const isRow = (r: unknown): r is Capture => {
  const c = r as Partial<Capture> | null;
  return !!c && typeof c.id === 'string' && typeof c.key === 'string' && typeof c.platform === 'string' && typeof c.text === 'string' && typeof c.capturedAt === 'number' && (typeof c.permalink === 'string' || (c.permalink === null && c.permalinkMissing === true));
};

/** The stored snapshot, or null when there is none or it does not look right (then the popup just waits for the database). */
export function readSnapshot(storage: Storage | undefined = globalThis.localStorage): Capture[] | null {
  try {
    const raw = storage?.getItem(SNAPSHOT_KEY);
    if (!raw) return null;
    const rows: unknown = JSON.parse(raw);
    return Array.isArray(rows) && rows.every(isRow) ? (rows as Capture[]) : null;
  } catch {
    return null;
  }
}

/** Stores the first {@link SNAPSHOT_SIZE} of `captures` (newest first), trimmed. Storage errors are ignored. */
export function writeSnapshot(captures: readonly Capture[], storage: Storage | undefined = globalThis.localStorage): void {
  try {
    // What a popup item shows (issue 12: first image, quoted line, note excerpt) is kept, so the first
    // paint does not shift when the database answers; the rest is emptied.
    const rows = captures.slice(0, SNAPSHOT_SIZE).map((c) => ({
      ...c,
      text: c.text.slice(0, PREVIEW_CHARS),
      media: c.media.slice(0, 1),
      links: [],
      thread: [],
      quoted: c.quoted ? { ...c.quoted, text: c.quoted.text.slice(0, QUOTED_CHARS), media: [] } : null,
      note: c.note ? c.note.slice(0, NOTE_CHARS) : null,
      reflection: null,
    }));
    storage?.setItem(SNAPSHOT_KEY, JSON.stringify(rows));
  } catch {
    // Quota or private mode: the popup still works, only without the instant first paint.
  }
}
