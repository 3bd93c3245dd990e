/**
 * Markdown export: one file per collection (plus "Unfiled" for captures in none), each with YAML
 * front matter, readable in Obsidian or a wiki. A capture in several collections appears in each
 * of their files.
 *
 * Captured text is untrusted: Markdown punctuation and HTML-significant characters are
 * backslash-escaped so a post can never become a link, an image, raw HTML or a heading; only
 * http(s) URLs (lib/util `safeHttpUrl`) become links, other schemes are written as inert text.
 */
import { FLAGS, type Capture, type Collection } from '../schema';
import { safeHttpUrl, whereToFindPost } from '../util/url';

/** How each completeness flag reads in an export. */
const FLAG_WORDS: Record<(typeof FLAGS)[number], string> = {
  truncated: 'text cut short (the original has the rest)',
  mediaMissing: 'some images or video missing',
  quoteMissing: 'the quoted post missing',
  threadPartial: 'only part of the thread',
  permalinkMissing: 'no link to the post yet',
};
import { mapInChunks, type ExportOptions } from './progress';

/** One exported file: a relative path (`<name>.md`) and its UTF-8 text. */
export interface ExportFile {
  path: string;
  content: string;
}

/** Name of the file for captures in no collection. */
export const UNFILED = 'Unfiled';

/** Backslash-escapes Markdown/HTML-significant characters so text renders literally (CommonMark). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&')
    .replace(/^(\s*)([-=>]|\d+[.)])/gm, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([-=>.)])/, '\\$1')}`);
}

/** A safe file name for a collection: no path separators, reserved or control characters; at most 100 characters. */
export function fileNameFor(name: string): string {
  const n = name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100);
  return n.length > 0 ? n : 'Collection';
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const yaml = (v: string | number) => (typeof v === 'number' ? String(v) : JSON.stringify(v)); // a JSON string is a valid YAML double-quoted scalar

function link(url: string | null): string {
  if (!url) return '';
  const safe = safeHttpUrl(url);
  return safe ? `<${safe}>` : `${escapeMarkdown(url)} (not a web link; not made clickable)`;
}

const quote = (s: string) => s.split('\n').map((l) => (l.length ? `> ${escapeMarkdown(l)}` : '>')).join('\n');
const block = (s: string) => s.split('\n').map(escapeMarkdown).join('  \n');

/** The Markdown section of one capture. Pure. */
export function captureMarkdown(c: Capture): string {
  const who = c.author ? escapeMarkdown(c.author.handle ? `${c.author.name} (@${c.author.handle})` : c.author.name) : 'Unknown author';
  const when = c.postedAt ? c.postedAt.slice(0, 10) : day(c.capturedAt);
  const lines = [`## ${who}, ${when}`, ''];
  if (c.title) lines.push(`**${escapeMarkdown(c.title)}**`, '');
  if (c.text) lines.push(quote(c.text), '');
  if (c.quoted) lines.push(`Quoting ${escapeMarkdown(c.quoted.author?.name ?? 'a post')}:`, '', quote(c.quoted.text).replace(/^/gm, '> '), '');
  const find = c.permalink ? null : whereToFindPost(c.platform, c.author?.profileUrl);
  const source = c.permalink ? link(c.permalink) : `no link to the post yet (the site did not show its id)${find ? `; look for it at ${link(find)}` : ''}`;
  const meta = [`- Source: ${source}`, `- Platform: ${c.platform}`, `- Saved: ${new Date(c.capturedAt).toISOString()}`];
  if (c.postedAt) meta.push(`- Posted: ${c.postedAt}`);
  if (c.intent) meta.push(`- Intent: ${c.intent}`);
  if (c.tags.length) meta.push(`- Tags: ${c.tags.map(escapeMarkdown).join(', ')}`);
  for (const l of c.links) meta.push(`- Link: ${l.title ? `${escapeMarkdown(l.title)} ` : ''}${link(l.url)}`);
  const flags = FLAGS.filter((f) => c[f]);
  if (flags.length) meta.push(`- Incomplete: ${flags.map((f) => FLAG_WORDS[f]).join(', ')}`);
  if (c.reviewedAt !== null) meta.push(`- Reviewed: ${new Date(c.reviewedAt).toISOString()}`);
  if (c.archivedAt !== null) meta.push(`- Archived: ${new Date(c.archivedAt).toISOString()}`);
  lines.push(...meta, '');
  if (c.note) lines.push('**Note**', '', block(c.note), '');
  if (c.reflection) lines.push('**What I will apply**', '', block(c.reflection), '');
  if (c.followUp?.answer) lines.push(`**Did I try it?** (${day(c.followUp.answeredAt ?? c.followUp.dueAt)})`, '', block(c.followUp.answer), '');
  return lines.join('\n');
}

/**
 * Exports captures as Markdown files: one per collection that holds any of them (name from the
 * collection, de-duplicated with ` (2)`...), plus `Unfiled.md` for captures in no collection.
 * Each file starts with YAML front matter (`title`, `collection_id`, `exported_at`, `count`,
 * `source: satchel`). Captures are newest saved first. Chunked with progress.
 * @param now epoch ms for `exported_at` (default `Date.now()`).
 */
export async function exportMarkdown(captures: readonly Capture[], collections: readonly Collection[], opts: ExportOptions & { now?: number } = {}): Promise<ExportFile[]> {
  const now = opts.now ?? Date.now();
  const sorted = [...captures].sort((a, b) => b.capturedAt - a.capturedAt);
  const sections = await mapInChunks(sorted, captureMarkdown, opts);
  const groups = new Map<string, string[]>();
  sorted.forEach((c, i) => {
    const known = c.collectionIds.filter((id) => collections.some((k) => k.id === id));
    for (const id of known.length ? known : [UNFILED]) {
      const g = groups.get(id) ?? [];
      g.push(sections[i]!);
      groups.set(id, g);
    }
  });
  const used = new Set<string>();
  const files: ExportFile[] = [];
  const emit = (id: string | null, name: string, parts: string[]) => {
    const base = fileNameFor(name);
    let path = `${base}.md`;
    for (let n = 2; used.has(path.toLowerCase()); n++) path = `${base} (${n}).md`;
    used.add(path.toLowerCase());
    const front = ['---', `title: ${yaml(name)}`, ...(id ? [`collection_id: ${yaml(id)}`] : []), `exported_at: ${yaml(new Date(now).toISOString())}`, `count: ${parts.length}`, 'source: satchel', '---', ''];
    files.push({ path, content: [...front, `# ${escapeMarkdown(name)}`, '', ...parts].join('\n') });
  };
  for (const col of collections) {
    const parts = groups.get(col.id);
    if (parts) emit(col.id, col.name, parts);
  }
  const unfiled = groups.get(UNFILED);
  if (unfiled) emit(null, UNFILED, unfiled);
  return files;
}
