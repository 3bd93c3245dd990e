/**
 * The library page's thin adapter over the data layer (lib/db, lib/search, lib/export): the
 * container calls only these, so a change of data-layer names touches one file.
 * TEMPORARY parts are marked: they stand in until the data layer's functions land.
 */
import { liveQuery } from 'dexie';
import type { Capture, Collection } from '../../lib/schema';
import { tagKey } from '../../lib/schema/tag';
import { type SatchelDb, LOCAL_SCOPE, listCollections, updateCapture } from '../../lib/db';
import { eachCaptureChunk, readAllCaptures } from '../../lib/db/read-all';
import * as collectionOps from '../../lib/db/collections';
import * as deleteOps from '../../lib/db/delete';
import * as reviewOps from '../../lib/db/review';
import * as tagOps from '../../lib/db/tags';
import { followUpDelay, setFollowUpDelay } from '../../lib/db/settings';
import type { CollectionView } from '../../components/capture-view';
import type { FacetCounts, LibraryFilters, SortOrder } from '../../components/filters';
import type { Segment } from '../../components/Highlight';
import { SearchIndex, highlight, type Facets, type FacetValue, type SearchFilters, type SearchQuery } from '../../lib/search';

/**
 * The scope this library page shows: the learner's own (`personal:local`) or a team's
 * (`library.html?scope=team:<id>`, issue 4). Set once by main.tsx before the first render.
 */
let scopeId: string = LOCAL_SCOPE;
export function setLibraryScope(scope: string): void {
  scopeId = scope;
}
export const libraryScope = (): string => scopeId;

/** Live (not deleted) captures of the library's scope, all of them (the library indexes them in memory). */
export function loadCaptures(db: SatchelDb): Promise<Capture[]> {
  return readAllCaptures(db, { scopeId });
}

/**
 * Streams every live capture, newest first, in chunks (yielding between them so the page paints);
 * resolves to the highest `updatedAt` seen.
 */
export function streamCaptures(db: SatchelDb, onChunk: (rows: Capture[]) => void): Promise<number> {
  return eachCaptureChunk(db, onChunk, { chunkSize: 2000, scopeId });
}

/**
 * Calls `onChange` with every capture row written after `since` (epoch ms, `updatedAt`), now and
 * whenever the database changes (saves from the service worker while the page is open). Returns
 * the unsubscribe function.
 */
export function watchChanges(db: SatchelDb, since: () => number, onChange: (rows: Capture[]) => void): () => void {
  const sub = liveQuery(() => db.captures.where('updatedAt').above(since()).toArray()).subscribe({
    // Only this page's scope: team rows pulled by sync must not appear in the personal library.
    next: (all) => {
      const rows = all.filter((r) => r.scopeId === scopeId);
      if (rows.length) onChange(rows);
    },
    error: (e: unknown) => console.error('[satchel] library watch failed', e),
  });
  return () => sub.unsubscribe();
}

/** Live collection rows of the local scope. */
export async function loadCollectionRows(db: SatchelDb): Promise<Collection[]> {
  return (await listCollections(db, scopeId)).filter((r) => r.deletedAt === null);
}

/** Collections with capture counts (counted over `captures`), Inbox first, then by name. Pure. */
export function collectionViews(rows: readonly Collection[], captures: Iterable<Capture>): CollectionView[] {
  const counts = new Map<string, number>();
  for (const c of captures) for (const id of c.collectionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return rows
    .map((r) => ({ id: r.id, name: r.name, count: counts.get(r.id) ?? 0, isInbox: r.inbox }))
    .sort((a, b) => Number(b.isInbox) - Number(a.isInbox) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** Tags with the number of captures carrying them, most used first (labels as stored; the tags manager). Pure. */
export function tagCounts(captures: Iterable<Capture>): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const c of captures) for (const tag of c.tags) m.set(tag, (m.get(tag) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The learner's tag labels, most used first (autocomplete source). Pure. */
export function knownTags(captures: Iterable<Capture>): string[] {
  return tagCounts(captures).map(([tag]) => tag);
}

/** Tips whose follow-up is due at `now` and unanswered, soonest first. Pure. */
export function dueFollowUps(captures: Iterable<Capture>, now: number): Capture[] {
  const out: Capture[] = [];
  for (const c of captures) if (c.intent === 'tip' && c.followUp && c.followUp.answeredAt === null && c.followUp.dueAt <= now) out.push(c);
  return out.sort((a, b) => a.followUp!.dueAt - b.followUp!.dueAt);
}

/** Ids waiting for review (not reviewed, not archived), oldest saved first. Pure. */
export function reviewQueue(captures: Iterable<Capture>): string[] {
  const out: Capture[] = [];
  for (const c of captures) if (!c.reviewedAt && !c.archivedAt) out.push(c);
  return out.sort((a, b) => a.capturedAt - b.capturedAt).map((c) => c.id);
}

/** A search over the loaded captures. */
export interface LibrarySearch {
  /** Adds or replaces captures (deleted ones are removed). */
  upsert(rows: readonly Capture[]): void;
  /** Adds a chunk of captures while building (faster than upsert). */
  addChunk(rows: readonly Capture[]): void;
  remove(ids: readonly string[]): void;
  query(q: LibraryQuery): QueryResult;
  /** Highlighted runs of `text` for the query's terms. */
  segments(text: string, terms: readonly string[]): Segment[];
}

/** What the list shows. */
export interface LibraryQuery {
  text: string;
  filters: LibraryFilters;
  collectionId: string | null;
  sort: SortOrder;
}

/** Ordered capture ids, facet counts and the terms to highlight. */
export interface QueryResult {
  ids: string[];
  facets: FacetCounts;
  terms: string[];
}

// ---- search: lib/search SearchIndex ------------------------------------------------------------

/** The UI's filters as a lib/search query. Dates are local days; `to` is inclusive. Pure. */
export function toSearchQuery(q: LibraryQuery): SearchQuery {
  const f = q.filters;
  const day = (iso: string, plus = 0) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y!, m! - 1, d! + plus).getTime();
  };
  const filters: SearchFilters = {
    platforms: f.platforms as SearchFilters['platforms'],
    intents: f.intents as SearchFilters['intents'],
    tags: f.tags,
    authors: f.authors,
    collections: q.collectionId ? [q.collectionId] : undefined,
    savedFrom: f.from ? day(f.from) : undefined,
    savedTo: f.to ? day(f.to, 1) : undefined,
    hasNote: f.hasNote ? true : undefined,
    incomplete: f.incomplete ? true : undefined,
    reviewed: f.review === 'unreviewed' ? false : f.review === 'reviewed' ? true : undefined,
    archived: f.review === 'archived',
  };
  // The list reads every id from `SearchResult.ids`; only the first page becomes hit objects.
  return { text: q.text, filters, sort: q.sort, limit: 50 };
}

const countOf = (vals: readonly FacetValue[], v: string) => vals.find((x) => x.value === v)?.count ?? 0;

/** lib/search facets → the UI's facet counts. Pure. */
export function toFacetCounts(f: Facets): FacetCounts {
  const unreviewed = countOf(f.reviewed, 'false');
  const reviewed = countOf(f.reviewed, 'true');
  return {
    platform: f.platform,
    intent: f.intent,
    tag: f.tag,
    author: f.author,
    hasNote: countOf(f.hasNote, 'true'),
    incomplete: countOf(f.incomplete, 'true'),
    review: { any: unreviewed + reviewed, unreviewed, reviewed, archived: countOf(f.archived, 'true') },
  };
}

/** Builds a {@link LibrarySearch} over `captures`. */
export function createSearch(captures: readonly Capture[]): LibrarySearch {
  const index = new SearchIndex();
  index.addAll(captures);
  return {
    upsert: (rows) => rows.forEach((c) => index.upsert(c)),
    addChunk: (rows) => index.addAll(rows),
    remove: (ids) => ids.forEach((id) => index.remove(id)),
    segments: (text, terms) => highlight(text, terms),
    query(q) {
      const r = index.search(toSearchQuery(q));
      return { ids: r.ids, facets: toFacetCounts(r.facets), terms: r.terms.length ? r.terms : q.text.split(/\s+/).filter(Boolean) };
    },
  };
}

// ---- writes -------------------------------------------------------------------------------------

/** Library fields a learner edits on one capture. */
export type CaptureEdit = Partial<Pick<Capture, 'tags' | 'collectionIds' | 'note' | 'intent' | 'reflection' | 'reviewedAt' | 'archivedAt' | 'followUp'>>;

/** Applies `edit` to capture `id` (one lib/db transaction with its outbox rows); returns the stored capture (null: gone). */
export function editCapture(db: SatchelDb, id: string, edit: CaptureEdit): Promise<Capture | null> {
  return updateCapture(db, id, edit);
}

const reread = async (db: SatchelDb, ids: readonly string[]): Promise<Capture[]> =>
  (await db.captures.bulkGet([...ids])).filter((c): c is Capture => !!c);

/**
 * Deletes captures with a way back: returns `undo`, which restores them (new ids, see
 * lib/db/delete.ts) and resolves to the restored captures (empty when the window passed).
 */
export async function deleteCaptures(db: SatchelDb, ids: readonly string[]): Promise<() => Promise<Capture[]>> {
  const token = await deleteOps.deleteCaptures(db, ids);
  return async () => (await deleteOps.undoDelete(db, token.token)) ?? [];
}

/** Creates a collection; throws lib/db CollectionNameError for a bad name. */
export function createCollection(db: SatchelDb, name: string): Promise<Collection> {
  return collectionOps.createCollection(db, name, { scopeId });
}

/** Renames a collection. */
export function renameCollection(db: SatchelDb, id: string, name: string): Promise<Collection | null> {
  return collectionOps.renameCollection(db, id, name);
}

/** Deletes a collection (captures stay); returns the captures whose membership changed. */
export async function deleteCollection(db: SatchelDb, id: string): Promise<Capture[]> {
  const members = await db.captures.where('collectionIds').equals(id).primaryKeys();
  await collectionOps.deleteCollection(db, id);
  return reread(db, members);
}

/** Adds captures to a collection; returns them as stored. */
export async function addToCollection(db: SatchelDb, collectionId: string, ids: readonly string[]): Promise<Capture[]> {
  await collectionOps.addToCollection(db, collectionId, ids);
  return reread(db, ids);
}

/** Adds one tag to many captures; returns them as stored. */
export async function addTagTo(db: SatchelDb, ids: readonly string[], tag: string): Promise<Capture[]> {
  await tagOps.addTags(db, ids, [tag]);
  return reread(db, ids);
}

/** Renames (or, onto an existing tag, merges) a tag everywhere; returns the captures that carry the result. */
export async function renameTag(db: SatchelDb, from: string, to: string): Promise<Capture[]> {
  await tagOps.renameTag(db, from, to);
  const key = tagKey(to);
  return (await db.captures.where('scopeId').equals(scopeId).toArray()).filter((c) => c.tags.some((x) => tagKey(x) === key));
}

/** Keeps the answer to "Did you try it?" with the capture. */
export function answerFollowUp(db: SatchelDb, id: string, answer: string): Promise<Capture | null> {
  return reviewOps.answerFollowUp(db, id, answer);
}

/** Asks the follow-up again in a day. */
export async function snoozeFollowUp(db: SatchelDb, id: string, ms = 24 * 3600_000): Promise<Capture | null> {
  const c = await db.captures.get(id);
  if (!c?.followUp) return null;
  return updateCapture(db, id, { followUp: { ...c.followUp, dueAt: Date.now() + ms } });
}

// ---- export / import: entrypoints/library/transfer-data.ts (issue 12) ---------------------------

export { exportCaptures, importDryRun, importRun, type ExportFile } from './transfer-data';

const DAY_MS = 24 * 3600_000;

/** The tip follow-up delay in whole days. */
export async function followUpDelayDays(db: SatchelDb): Promise<number> {
  return Math.round((await followUpDelay(db)) / DAY_MS);
}

/** Sets the tip follow-up delay (whole days, 0–365). */
export function setFollowUpDelayDays(db: SatchelDb, days: number): Promise<void> {
  return setFollowUpDelay(db, days * DAY_MS);
}
