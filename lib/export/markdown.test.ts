import { describe, it, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Nodes, Root } from 'mdast';
import { exportMarkdown, captureMarkdown, captureBody, escapeMarkdown, fileNameFor } from './markdown';
import { unzipSync, strFromU8 } from 'fflate';
import { zipFiles } from './zip';
import { makeCapture } from '../db/testing';
import type { Collection } from '../schema';

const col = (id: string, name: string): Collection => ({ id, scopeId: 'personal:local', name, inbox: false, createdAt: 1, updatedAt: 1, deletedAt: null });
const A = '01900000-0000-7000-8000-0000000000c1';
const B = '01900000-0000-7000-8000-0000000000c2';

/** Splits a note into its parsed front matter and its body. */
function split(note: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(note);
  if (!m) throw new Error(`no front matter in:\n${note}`);
  return { meta: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
}

const tree = (md: string): Root => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** What a reader sees of a block: its text, hard breaks as line breaks. */
function shown(n: Nodes): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value;
  if (n.type === 'break') return '\n';
  if ('children' in n) return (n.children as Nodes[]).map(shown).join(n.type === 'root' || n.type === 'blockquote' ? '\n\n' : '');
  return '';
}

/** The paragraphs of the post text: the body's blocks between the title and the first non-paragraph or media. */
function postText(body: string): string {
  const blocks = tree(body).children;
  const paras: Nodes[] = [];
  for (const b of blocks.slice(1)) {
    if (b.type !== 'paragraph' || b.children.some((c) => c.type === 'image' || (c.type === 'link' && c.children[0]?.type === 'image'))) break;
    paras.push(b);
  }
  return paras.map(shown).join('\n\n');
}

describe('exportMarkdown (issue 12: one Obsidian note per capture)', () => {
  it('front matter: title, author, url, site, posted, saved, tags and collections as lists, the intent label', async () => {
    const c = makeCapture({
      title: null,
      text: 'Short tip',
      tags: ['AI', 'Design: ops'],
      collectionIds: [A, B],
      intent: 'job-aid',
      postedAt: '2026-07-01T10:00:00.000Z',
      capturedAt: Date.UTC(2026, 6, 2),
      author: { name: 'Ada "Lovelace"', handle: 'ada', profileUrl: null, avatarUrl: null },
    });
    const [file] = await exportMarkdown([c], [col(A, 'Retros'), col(B, '#1 [[tips]]')]);
    const { meta } = split(file!.content);
    expect(meta).toMatchObject({
      title: 'Ada "Lovelace": Short tip',
      author: 'Ada "Lovelace" (@ada)',
      url: c.permalink,
      site: 'X',
      posted: '2026-07-01T10:00:00.000Z',
      saved: '2026-07-02T00:00:00.000Z',
      tags: ['AI', 'Design: ops'],
      collections: ['Retros', '#1 [[tips]]'],
      intent: 'Job aid',
      source: 'satchel',
    });
    expect(file!.content).not.toContain('job-aid');
    expect(file!.path).toBe('2026-07-02 Ada -Lovelace- Short tip.md');
  });

  it('no over-escaping of real post text: "(@member-a)", "[1]", "+" and "1+1" stay as written (issue 12)', () => {
    const text = 'Thanks (@member-a) for the list [1] + the 1+1 rule; see (2) and ~ok~ a_b_c\nphysics.[6][7] mail ann@example.com at https://example.com/a_b';
    const body = captureBody(makeCapture({ text }));
    expect(body).toContain('Thanks (@member-a) for the list [1] + the 1+1 rule; see (2)');
    expect(body).toContain('physics.[6][7] mail ann@example.com at https\\://example.com/a_b');
    expect(body).not.toMatch(/\\[([+]/);
    expect(postText(body)).toBe(text);
  });

  it('markdown-significant text is neutralised: headings, lists, raw HTML, links, Obsidian math, comments and wiki links', () => {
    const lines = ['# not a heading', '1. not a list', '- nor this', '<script>alert(1)</script>', '[click](javascript:alert(1))', '[[Secret page]] and ![[embed]]', 'costs $5 or $10', '%%hidden%% ==marked==', '> not a quote', '[1]: https://evil.example'];
    const text = lines.join('\n');
    const body = captureBody(makeCapture({ text }));
    expect(body).toContain('\\# not a heading');
    expect(body).toContain('1\\. not a list');
    expect(body).toContain('\\<script>');
    expect(body).not.toMatch(/(?<!\\)<script/);
    expect(body).not.toMatch(/(?<!\\)\[click\]\(/);
    expect(body).not.toMatch(/(?<!\\)\[\[/);
    expect(body).toContain('\\$5');
    expect(body).toContain('\\%\\%hidden');
    const root = tree(body);
    // One heading (the title), nothing else became structure: no list, no html, no link, no definition.
    const kinds = new Set<string>();
    const walk = (n: Nodes) => {
      kinds.add(n.type);
      if ('children' in n) (n.children as Nodes[]).forEach(walk);
    };
    root.children.slice(1).forEach(walk);
    for (const k of ['heading', 'list', 'html', 'definition', 'blockquote', 'inlineMath']) expect(kinds.has(k)).toBe(false);
    // Round trip: what a reader sees equals the post text.
    expect(postText(body)).toBe(text);
  });

  it('round trip: paragraphs and line breaks, emoji, leading spaces, backslashes', () => {
    const text = 'First line 🎓\nsecond line\n\nNew paragraph with a \\ backslash and \\* star\n  indented?';
    expect(postText(captureBody(makeCapture({ text })))).toBe(text);
  });

  it('media become image links; a video is its poster linked to the post; non-http URLs are never links', () => {
    const c = makeCapture({
      media: [
        { kind: 'image', url: 'https://pbs.example/a.jpg', alt: 'A chart [v2]' },
        { kind: 'video', url: 'https://pbs.example/poster.jpg', alt: null },
      ],
      links: [{ url: 'https://example.com/read', title: 'Read (more)' }],
    });
    const body = captureBody(c);
    expect(body).toContain('![A chart \\[v2\\]](https://pbs.example/a.jpg)');
    expect(body).toContain(`[![Video](https://pbs.example/poster.jpg)](${c.permalink})`);
    expect(body).toContain('- [Read (more)](https://example.com/read)');
    const evil = captureBody(makeCapture({ permalink: 'javascript:alert(1)' as never }));
    expect(evil).toContain('javascript:alert(1) (not a web link; not made clickable)');
    expect(evil).not.toMatch(/\]\(javascript/);
  });

  it('the note is an Obsidian callout, the quoted post a blockquote; reflection and follow-up answer follow', () => {
    const c = makeCapture({
      note: 'Try this in # retros\nwith the team',
      reflection: 'apply it',
      followUp: { dueAt: 0, answer: 'it worked', answeredAt: Date.UTC(2026, 0, 5) },
      quoted: { platform: 'x', postId: '9', permalink: 'https://x.com/b/status/9', author: { name: 'Bea', handle: 'bea', profileUrl: null, avatarUrl: null }, text: 'Quoted [1] text\n- not a list', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false },
    });
    const body = captureBody(c);
    expect(body).toContain('> [!note] My note\n> Try this in # retros\\\n> with the team');
    expect(body).toMatch(/> Quoting \*\*Bea \(@bea\)\*\* \[\(open\)\]\(https:\/\/x\.com\/b\/status\/9\):\n>\n> Quoted \[1\] text\\\n> \\- not a list/);
    expect(body).toContain('## What I will apply\n\napply it');
    expect(body).toContain('## Did I try it? (2026-01-05)\n\nit worked');
    // A note that starts like a heading or a list stays text inside the callout.
    const odd = captureBody(makeCapture({ note: '# Not a heading\n- nor a list\n\n1. nor this' }));
    expect(odd).toContain('> [!note] My note\n> \\# Not a heading\\\n> \\- nor a list\n>\n> 1\\. nor this');
  });

  it('a capture saved without its post id says it has no link yet and lists the flag in words (issue 9)', async () => {
    const c = makeCapture({ platform: 'linkedin', postId: 'content:0123456789abcdef0123456789abcdef', permalink: null, permalinkMissing: true });
    const [file] = await exportMarkdown([c], []);
    expect(file!.content).toContain('Source: no link to the post yet (the site did not show its id); look for it at [https://x.com/someone](https://x.com/someone)');
    expect(file!.content).toContain('Incomplete: no link to the post yet');
    expect(file!.content).not.toContain('permalinkMissing');
  });

  it('the quoted post\'s missing photo and cut text are listed as incomplete too (docs/cards.md "Completeness flags")', () => {
    const q = { platform: 'x' as const, postId: '9', permalink: 'https://x.com/b/status/9', author: null, text: 'Quoted', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: true, mediaMissing: true, unavailable: false };
    expect(captureBody(makeCapture({ quoted: q }))).toContain("Incomplete: the quoted post's text cut short, the quoted post's images or video missing");
  });

  it('site names come from the site table: LinkedIn, Viva Engage; a web page by its host', async () => {
    const li = makeCapture({ platform: 'linkedin', postId: 'urn:li:activity:1', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:1/', author: null, text: '' });
    expect(captureMarkdown(li)).toContain('site: "LinkedIn"');
    expect(captureBody(li)).toContain('Open on LinkedIn');
    const ve = makeCapture({ platform: 'yammer', postId: '5', permalink: 'https://engage.cloud.microsoft/main/threads/5', author: null, text: '' });
    expect(captureMarkdown(ve)).toContain('site: "Viva Engage"');
    const web = makeCapture({ platform: 'web', postId: 'https://example.com/a', permalink: 'https://example.com/a', author: null, text: '' });
    expect(captureMarkdown(web)).toContain('site: "example.com"');
    expect(captureBody(web)).toContain('Open on example.com');
  });

  it('one note per capture, newest first, de-duplicated names; zipped into one archive', async () => {
    const a = makeCapture({ id: '01900000-0000-7000-8000-000000000001', postId: '1', title: 'Same', capturedAt: Date.UTC(2026, 0, 1) });
    const b = makeCapture({ id: '01900000-0000-7000-8000-000000000002', postId: '2', title: 'same', capturedAt: Date.UTC(2026, 0, 1) });
    const files = await exportMarkdown([a, b], []);
    expect(files.map((f) => f.path)).toEqual(['2026-01-01 Same.md', '2026-01-01 same (2).md']);
    const zip = unzipSync(zipFiles(files, 'Satchel'));
    expect(Object.keys(zip)).toEqual(['Satchel/2026-01-01 Same.md', 'Satchel/2026-01-01 same (2).md']);
    expect(strFromU8(zip['Satchel/2026-01-01 Same.md']!)).toBe(files[0]!.content);
  });

  it('captureMarkdown starts with front matter; escapeMarkdown (digest) and fileNameFor', () => {
    expect(captureMarkdown(makeCapture()).startsWith('---\ntitle: ')).toBe(true);
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
    expect(escapeMarkdown('1. item\n- dash')).toBe('1\\. item\n\\- dash');
    expect(fileNameFor('../etc/passwd')).toBe('-etc-passwd');
    expect(fileNameFor('  ')).toBe('Collection');
    expect(fileNameFor('[[a]] #b ^c')).toBe('-a- -b -c');
  });
});

describe('Markdown round trip on real captured posts (issue 12)', () => {
  it('what a Markdown reader shows of every fixture post equals its text (blank-line runs as one paragraph break)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../tests/fixtures');
    const texts: string[] = [];
    for (const site of ['x', 'linkedin', 'yammer']) {
      for (const f of readdirSync(join(root, site)).filter((n) => n.endsWith('.expected.json'))) {
        const posts = (JSON.parse(readFileSync(join(root, site, f), 'utf8')) as { posts: Array<{ text?: unknown }> }).posts;
        for (const p of posts) if (typeof p.text === 'string' && p.text.trim()) texts.push(p.text);
      }
    }
    expect(texts.length).toBeGreaterThan(20);
    const tidy = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\n[ \t]*\n+/g, '\n\n').trim();
    const wrong = texts.filter((text) => postText(captureBody(makeCapture({ text }))) !== tidy(text));
    expect(wrong).toEqual([]);
  });
});
