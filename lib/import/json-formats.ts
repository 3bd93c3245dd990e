/**
 * The JSON exports of other tools Satchel reads (docs/import-export.md), each checked against the
 * tool's exporter:
 * - Omnivore: the `metadata_*.json` files of its export, an array of
 *   `{id, slug, title, description, author, url, state, labels, savedAt, publishedAt, thumbnail…}`;
 * - Karakeep (Hoarder): `{bookmarks: [{createdAt (seconds), title, tags, content: {type: 'link', url}
 *   | {type: 'text', text}, note, archived?}]}`;
 * - Linkwarden backup: `{collections: [{name, links: [{name, url, description, tags: [{name}], createdAt}]}]}`.
 * A problem names the JSON path of the entry (`bookmarks[3].content.url`). Pure.
 */
import type { ImportFormat, ImportedItem, ImportProblem, ReadResult } from './types';
import { badUrlMessage, normaliseUrl, readIso, readTime, textOrNull } from './values';

type JsonFormat = Extract<ImportFormat, 'omnivore' | 'karakeep' | 'linkwarden'>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Tag names from `['a']` or `[{name: 'a'}]`. */
const names = (v: unknown): string[] => arr(v).map((t) => (typeof t === 'string' ? t : isObj(t) && typeof t.name === 'string' ? t.name : '')).map((s) => s.trim()).filter(Boolean);

/** Which tool wrote a parsed JSON value (not a Satchel export), or null. */
export function jsonFormatOf(v: unknown): JsonFormat | null {
  if (isObj(v) && Array.isArray(v.bookmarks)) return 'karakeep';
  if (isObj(v) && Array.isArray(v.collections) && v.collections.every((c) => isObj(c) && Array.isArray(c.links))) return 'linkwarden';
  if (Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && 'url' in x && ('slug' in x || 'savedAt' in x))) return 'omnivore';
  return null;
}

interface Entry {
  path: string;
  rawUrl: unknown;
  item: Omit<ImportedItem, 'url'>;
}

function omnivore(v: unknown[]): Entry[] {
  return v.filter(isObj).map((o, i) => ({
    path: `[${i}].url`,
    rawUrl: o.url,
    item: {
      title: textOrNull(o.title),
      text: textOrNull(o.description) ?? '',
      note: null,
      tags: names(o.labels),
      collections: [],
      savedAt: readTime(o.savedAt),
      postedAt: readIso(o.publishedAt),
      author: textOrNull(o.author),
      image: normaliseUrl(typeof o.thumbnail === 'string' ? o.thumbnail : null),
      archived: o.state === 'ARCHIVED' || o.state === 'Archived',
    },
  }));
}

function karakeep(v: Obj): Entry[] {
  return arr(v.bookmarks).map((b, i) => {
    const o = isObj(b) ? b : {};
    const content = isObj(o.content) ? o.content : {};
    const isText = content.type === 'text';
    return {
      path: `bookmarks[${i}].content.url`,
      rawUrl: isText ? null : content.url,
      item: {
        title: textOrNull(o.title) ?? textOrNull(content.title),
        text: textOrNull(content.description) ?? '',
        note: textOrNull(o.note),
        tags: names(o.tags),
        collections: [],
        savedAt: readTime(o.createdAt),
        postedAt: null,
        author: textOrNull(content.author),
        image: normaliseUrl(typeof content.imageUrl === 'string' ? content.imageUrl : null),
        archived: o.archived === true,
      },
    };
  });
}

function linkwarden(v: Obj): Entry[] {
  return arr(v.collections).flatMap((c, ci) => {
    const col = isObj(c) ? c : {};
    const name = textOrNull(col.name);
    return arr(col.links).map((l, li) => {
      const o = isObj(l) ? l : {};
      return {
        path: `collections[${ci}].links[${li}].url`,
        rawUrl: o.url,
        item: {
          title: textOrNull(o.name),
          text: textOrNull(o.description) ?? '',
          note: null,
          tags: names(o.tags),
          collections: name ? [name] : [],
          savedAt: readTime(o.createdAt),
          postedAt: null,
          author: null,
          image: null,
          archived: false,
        },
      };
    });
  });
}

/** Reads a parsed JSON export of `format`; entries without a web address are skipped with their path. */
export function readJsonItems(v: unknown, format: JsonFormat): ReadResult {
  const entries = format === 'omnivore' ? omnivore(arr(v)) : format === 'karakeep' ? karakeep(v as Obj) : linkwarden(v as Obj);
  const items: ImportedItem[] = [];
  const skipped: ImportProblem[] = [];
  for (const e of entries) {
    const url = normaliseUrl(typeof e.rawUrl === 'string' ? e.rawUrl : null);
    if (url) items.push({ url, ...e.item });
    else skipped.push({ line: null, path: e.path, message: e.rawUrl === null && format === 'karakeep' ? 'a text note without a web address; skipped' : badUrlMessage(e.rawUrl) });
  }
  return { ok: true, items, skipped };
}
