import type { Capture } from '../schema';
import { isIncomplete, tagKey } from '../schema';

/**
 * What the full-text index stores for a capture, grouped into four weighted fields (fewer
 * fields keep the index small at 100,000 captures):
 * - `body`: title, post text, thread parts, quoted text, link titles;
 * - `people`: author name and handle, quoted author, reposter;
 * - `mine`: the learner's note, reflection and follow-up answer;
 * - `tags`: tag labels.
 */
export interface SearchDoc {
  id: string;
  body: string;
  people: string;
  mine: string;
  tags: string;
}

/** Field weights: a match in a tag counts 3×, in an author 2×, in the learner's own words 1.5×. */
export const FIELD_BOOST: Record<Exclude<keyof SearchDoc, 'id'>, number> = { tags: 3, people: 2, mine: 1.5, body: 1 };

const join = (xs: Array<string | null | undefined>) => xs.filter((x): x is string => !!x).join('\n');

/** The indexed text of a capture. Pure. */
export function toSearchDoc(c: Capture): SearchDoc {
  return {
    id: c.id,
    body: join([
      c.title,
      c.text,
      ...c.thread.slice(1).map((p) => p.text),
      c.quoted?.text,
      ...c.links.map((l) => l.title),
      ...(c.quoted?.links ?? []).map((l) => l.title),
    ]),
    people: join([c.author?.name, c.author?.handle, c.quoted?.author?.name, c.quoted?.author?.handle, c.repostedBy?.name]),
    mine: join([c.note, c.reflection, c.followUp?.answer]),
    tags: c.tags.join('\n'),
  };
}

/** Compact per-capture data kept in memory for filters, facets and sorting (no text). */
export interface CaptureMeta {
  id: string;
  platform: Capture['platform'];
  intent: Capture['intent'];
  /** Tag keys. */
  tagKeys: string[];
  /** Tag labels, same order as `tagKeys`. */
  tagLabels: string[];
  collectionIds: string[];
  /** `<platform>:<handle or name, lowercased>`; '' when the post has no author. */
  authorKey: string;
  /** Author display: `Name (@handle)` or `Name`. */
  authorLabel: string;
  /** epoch ms */
  capturedAt: number;
  /** epoch ms, or null when unknown. */
  postedAt: number | null;
  hasNote: boolean;
  incomplete: boolean;
  reviewed: boolean;
  archived: boolean;
}

/** The author key of a capture, as {@link CaptureMeta.authorKey}. */
export function authorKeyOf(c: Pick<Capture, 'platform' | 'author'>): string {
  if (!c.author) return '';
  return `${c.platform}:${(c.author.handle ?? c.author.name).toLowerCase()}`;
}

/** The meta of a capture. Pure. */
export function toMeta(c: Capture): CaptureMeta {
  const postedAt = c.postedAt ? Date.parse(c.postedAt) : NaN;
  return {
    id: c.id,
    platform: c.platform,
    intent: c.intent,
    tagKeys: c.tags.map((t) => tagKey(t) ?? t),
    tagLabels: [...c.tags],
    collectionIds: [...c.collectionIds],
    authorKey: authorKeyOf(c),
    authorLabel: c.author ? (c.author.handle ? `${c.author.name} (@${c.author.handle})` : c.author.name) : '',
    capturedAt: c.capturedAt,
    postedAt: Number.isFinite(postedAt) ? postedAt : null,
    hasNote: !!c.note && c.note.trim() !== '',
    incomplete: isIncomplete(c),
    reviewed: c.reviewedAt !== null,
    archived: c.archivedAt !== null,
  };
}
