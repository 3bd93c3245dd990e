/**
 * Markdown export: one note per capture, for Obsidian or any Markdown wiki (docs/import-export.md).
 *
 * Each note starts with YAML front matter (written by the `yaml` library: title, author, url, site,
 * posted, saved, tags and collections as lists, the intent's label), then the post text, its media
 * as images (a video as its poster linked to the post), links, the quoted post as a blockquote, the
 * learner's note as an Obsidian callout, and the reflection and follow-up answer.
 *
 * The body is a Markdown syntax tree serialised by mdast-util-to-markdown (with GFM), which escapes
 * only what its context needs: "(@member-a)", "[1]" and "+" stay as written, while a line starting
 * with "# ", "1. " or "<script>" is escaped, so captured text is always shown as text. On top of
 * CommonMark, the Obsidian-only syntaxes that would change what a reader sees (`$` math, `%%`
 * comments, `==` highlights, `[[links]]`) are escaped too. Only http(s) URLs become links or images.
 */
import type { BlockContent, Paragraph, Root, RootContent, PhrasingContent, Text } from 'mdast';
import { toMarkdown, defaultHandlers, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { stringify as yamlStringify } from 'yaml';
import { flagsOf, type Capture, type CaptureFlag, type Collection, type Intent, type Media, type Platform } from '../schema';
import { SITE_META } from '../sites/meta';
import { safeHttpUrl, hostOf, whereToFindPost } from '../util/url';
import { mapInChunks, type ExportOptions } from './progress';
import { fileNameFor } from './escape';

export { escapeMarkdown, fileNameFor } from './escape';

/** One exported file: a relative path (`<name>.md`, no folders) and its UTF-8 text. */
export interface ExportFile {
  path: string;
  content: string;
}

/** English labels of the learning intents (the library's `intent…` messages); pass others in {@link MarkdownOptions}. */
export const INTENT_LABELS: Record<Intent, string> = { tip: 'Tip to try', 'job-aid': 'Job aid', question: 'Question to discuss', share: 'Worth sharing' };

/** How each completeness flag reads in an export (lib/schema `flagsOf`: the quoted post's two included). */
const FLAG_WORDS: Record<CaptureFlag, string> = {
  truncated: 'text cut short (the original has the rest)',
  mediaMissing: 'some images or video missing',
  quoteMissing: 'the quoted post missing',
  threadPartial: 'only part of the thread',
  quotedTruncated: "the quoted post's text cut short",
  quotedMediaMissing: "the quoted post's images or video missing",
  permalinkMissing: 'no link to the post yet',
};

/** A site's name from the site table (lib/sites/meta.ts); null for a web page (named by its host). */
const siteName = (p: Platform): string | null => (p === 'web' ? null : SITE_META[p].name);

/** Options of {@link exportMarkdown} and {@link captureMarkdown}. */
export interface MarkdownOptions extends ExportOptions {
  /** epoch ms written as `exported` (default `Date.now()`). */
  now?: number;
  /** Labels of the intents, in the learner's language (default {@link INTENT_LABELS}). */
  intentLabels?: Record<Intent, string>;
}

// ---- escaping ---------------------------------------------------------------------------------

/**
 * `[` escaped by the serialiser is given back where it cannot start a link, a reference definition,
 * a footnote or an Obsidian wiki link or embed: `[1]` and `[6][7]` stay as written (no definitions
 * are ever written), while `[x](…)`, `[x]:`, `[[x]]`, `![x]`, `[^1]` and `^[x]` stay escaped.
 */
const relaxBrackets = (s: string) => s.replace(/(?<![!^[])\\\[(?![[^!])([^[\]\n]*)\](?![(:\]]|\\\()/g, '[$1]');

/**
 * The escape GFM adds before `@` (so `a@b.c` is not an e-mail autolink) changes nothing a reader
 * sees: an e-mail autolink shows the same characters. (`https\://` keeps its escape: a web address
 * autolinked at the end of a line would take the line break's backslash into the link.)
 */
const relaxAutolinks = (s: string) => s.replace(/\\@/g, '@');

/** Obsidian renders `$…$` as math, `%%…%%` as a hidden comment and `==…==` as a highlight. */
const obsidianSafe = (s: string) => s.replace(/\$/g, '\\$').replace(/%%/g, '\\%\\%').replace(/==/g, '\\=\\=');

const SERIALISE: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  resourceLink: true,
  extensions: [gfmToMarkdown()],
  handlers: {
    text: (node: Text, parent, state, info) => relaxAutolinks(relaxBrackets(obsidianSafe(defaultHandlers.text(node, parent, state, info)))),
  },
};

/** Serialises Markdown nodes (block content) to text. */
const serialise = (children: RootContent[]): string => toMarkdown({ type: 'root', children } satisfies Root, SERIALISE);

// ---- building blocks --------------------------------------------------------------------------

const text = (value: string): Text => ({ type: 'text', value });

/** Plain text as paragraphs: a blank line starts a new paragraph, a single line break is kept as a hard break. */
function paragraphs(s: string): RootContent[] {
  return s
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .filter((p) => p.trim().length > 0)
    .map((p) => ({ type: 'paragraph', children: p.split('\n').flatMap((line, i): PhrasingContent[] => (i ? [{ type: 'break' }, text(line)] : [text(line)])) }));
}

/** A link to an http(s) URL, or the URL as inert text with a word saying why. */
function linkOrText(url: string | null, label: string | null): PhrasingContent[] {
  const safe = safeHttpUrl(url);
  if (safe) return [{ type: 'link', url: safe, children: [text(label || safe)] }];
  return url ? [text(`${label ? `${label}: ` : ''}${url} (not a web link; not made clickable)`)] : [];
}

/** One media item: an image, or a video/GIF poster linked to the post so a click plays it there. */
function mediaNode(m: Media, permalink: string | null): PhrasingContent | null {
  const src = safeHttpUrl(m.url);
  if (!src) return null;
  const alt = m.alt ?? (m.kind === 'image' ? '' : m.kind === 'video' ? 'Video' : 'GIF');
  const image: PhrasingContent = { type: 'image', url: src, alt: m.kind === 'image' || m.alt === null ? alt : `${m.kind === 'video' ? 'Video' : 'GIF'}: ${alt}` };
  const post = safeHttpUrl(permalink);
  return m.kind !== 'image' && post ? { type: 'link', url: post, children: [image] } : image;
}

function mediaBlock(media: readonly Media[], permalink: string | null): RootContent[] {
  const nodes = media.map((m) => mediaNode(m, permalink)).filter((n): n is PhrasingContent => n !== null);
  return nodes.length ? [{ type: 'paragraph', children: nodes.flatMap((n, i): PhrasingContent[] => (i ? [{ type: 'break' }, n] : [n])) }] : [];
}

/**
 * An Obsidian callout: a blockquote whose first line is `head` written as is (`[!note] My note`),
 * followed by `body` as paragraphs (escaped as any text). Other viewers show a blockquote.
 */
function callout(head: string, body: string): RootContent {
  const [first, ...rest] = paragraphs(body) as Paragraph[];
  const lead: Paragraph = { type: 'paragraph', children: [{ type: 'html', value: `${head}\n` }, ...(first?.children ?? [])] };
  return { type: 'blockquote', children: [lead, ...rest] };
}

const iso = (ms: number) => new Date(ms).toISOString();
const authorLine = (a: Capture['author']) => (a ? (a.handle ? `${a.name} (@${a.handle})` : a.name) : null);
const firstLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The note's title: the capture's own title, else the author and the first words of the text. */
export function noteTitle(c: Capture): string {
  if (c.title) return firstLine(c.title);
  const words = firstLine(c.text);
  const start = words.length > 60 ? `${words.slice(0, 60).replace(/\s+\S*$/, '')}…` : words;
  const who = c.author?.name ?? siteName(c.platform) ?? 'Web';
  return start ? `${who}: ${start}` : who;
}

/** The YAML front matter of one capture (without the `---` fences). Pure. */
export function frontMatter(c: Capture, collections: readonly Collection[], opts: MarkdownOptions = {}): string {
  const labels = opts.intentLabels ?? INTENT_LABELS;
  const names = c.collectionIds.flatMap((id) => collections.filter((k) => k.id === id).map((k) => k.name));
  const data: Record<string, unknown> = {
    title: noteTitle(c),
    author: authorLine(c.author),
    url: safeHttpUrl(c.permalink),
    site: siteName(c.platform) ?? hostOf(c.permalink) ?? 'Web',
    posted: c.postedAt,
    saved: iso(c.capturedAt),
    tags: [...c.tags],
    collections: names,
    intent: c.intent ? labels[c.intent] : null,
    reviewed: c.reviewedAt !== null ? iso(c.reviewedAt) : null,
    archived: c.archivedAt !== null ? iso(c.archivedAt) : null,
    source: 'satchel',
    satchel_id: c.id,
  };
  for (const k of Object.keys(data)) if (data[k] === null) delete data[k];
  // Every string quoted: a tag or a title is data, never YAML syntax or an Obsidian link.
  return yamlStringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

/** The Markdown body (after the front matter) of one capture. Pure. */
export function captureBody(c: Capture): string {
  const blocks: RootContent[] = [{ type: 'heading', depth: 1, children: [text(noteTitle(c))] }];
  if (c.title && c.author) blocks.push({ type: 'paragraph', children: [text(authorLine(c.author)!)] });
  blocks.push(...paragraphs(c.text), ...mediaBlock(c.media, c.permalink));
  if (c.links.length) blocks.push({ type: 'list', ordered: false, spread: false, children: c.links.map((l) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: linkOrText(l.url, l.title) }] })) });
  if (c.quoted) {
    const q = c.quoted;
    const head: RootContent = { type: 'paragraph', children: [text('Quoting '), { type: 'strong', children: [text(authorLine(q.author) ?? 'a post')] }, ...(safeHttpUrl(q.permalink) ? [text(' '), ...linkOrText(q.permalink, '(open)')] : []), text(':')] };
    blocks.push({ type: 'blockquote', children: [head, ...(paragraphs(q.unavailable ? 'This post is unavailable.' : q.text) as BlockContent[]), ...(mediaBlock(q.media, q.permalink) as BlockContent[])] });
  }
  if (c.note) blocks.push(callout('[!note] My note', c.note));
  if (c.reflection) blocks.push({ type: 'heading', depth: 2, children: [text('What I will apply')] }, ...paragraphs(c.reflection));
  if (c.followUp?.answer) blocks.push({ type: 'heading', depth: 2, children: [text(`Did I try it? (${iso(c.followUp.answeredAt ?? c.followUp.dueAt).slice(0, 10)})`)] }, ...paragraphs(c.followUp.answer));
  const find = c.permalink ? null : whereToFindPost(c.platform, c.author?.profileUrl);
  const source: PhrasingContent[] = c.permalink
    ? [text('Source: '), ...linkOrText(c.permalink, `Open on ${siteName(c.platform) ?? hostOf(c.permalink) ?? 'the web'}`)]
    : [text('Source: no link to the post yet (the site did not show its id)'), ...(find ? [text('; look for it at '), ...linkOrText(find, null)] : [])];
  blocks.push({ type: 'thematicBreak' }, { type: 'paragraph', children: source });
  const flags = flagsOf(c);
  if (flags.length) blocks.push({ type: 'paragraph', children: [text(`Incomplete: ${flags.map((f) => FLAG_WORDS[f]).join(', ')}`)] });
  // One serialisation per note (the export of 10,000 captures calls this 10,000 times).
  return serialise(blocks);
}

/** One capture as a complete note: front matter and body. Pure. */
export function captureMarkdown(c: Capture, collections: readonly Collection[] = [], opts: MarkdownOptions = {}): string {
  return `---\n${frontMatter(c, collections, opts)}---\n\n${captureBody(c)}`;
}

/**
 * Exports captures as Markdown notes, one file per capture, newest saved first, named
 * `<saved day> <title>.md` (safe for every file system and for Obsidian; de-duplicated with ` (2)`…).
 * Chunked with progress. The library zips them into one download (lib/export/zip.ts).
 */
export async function exportMarkdown(captures: readonly Capture[], collections: readonly Collection[], opts: MarkdownOptions = {}): Promise<ExportFile[]> {
  const sorted = [...captures].sort((a, b) => b.capturedAt - a.capturedAt);
  const notes = await mapInChunks(sorted, (c) => captureMarkdown(c, collections, opts), opts);
  const used = new Set<string>();
  return sorted.map((c, i) => {
    const base = fileNameFor(`${iso(c.capturedAt).slice(0, 10)} ${noteTitle(c)}`.slice(0, 90), 'Capture');
    let path = `${base}.md`;
    for (let n = 2; used.has(path.toLowerCase()); n++) path = `${base} (${n}).md`;
    used.add(path.toLowerCase());
    return { path, content: notes[i]! };
  });
}
