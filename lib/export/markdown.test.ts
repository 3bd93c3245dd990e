import { describe, it, expect } from 'vitest';
import { exportMarkdown, escapeMarkdown, fileNameFor, UNFILED } from './markdown';
import { makeCapture } from '../db/testing';
import type { Collection } from '../schema';

const col = (id: string, name: string): Collection => ({ id, scopeId: 'personal:local', name, inbox: false, createdAt: 1, updatedAt: 1, deletedAt: null });
const A = '01900000-0000-7000-8000-0000000000c1';
const B = '01900000-0000-7000-8000-0000000000c2';

describe('exportMarkdown', () => {
  it('a capture saved without its post id says it has no link yet and lists the permalinkMissing flag (issue 9)', async () => {
    const c = makeCapture({ platform: 'linkedin', postId: 'content:0123456789abcdef0123456789abcdef', permalink: null, permalinkMissing: true });
    const [file] = await exportMarkdown([c], [], { now: Date.UTC(2026, 11, 1) });
    expect(file!.content).toContain('- Source: no link to the post yet (the site did not show its id); look for it at <https://x.com/someone>');
    expect(file!.content).toContain('- Incomplete: no link to the post yet');
    expect(file!.content).not.toContain('permalinkMissing');
  });

  it('one file per collection with YAML front matter; a capture in several appears in each; the rest in Unfiled', async () => {
    const both = makeCapture({ id: '01900000-0000-7000-8000-000000000001', text: 'In both\nsecond line', collectionIds: [A, B], note: 'my note', reflection: 'apply', followUp: { dueAt: 0, answer: 'it worked', answeredAt: 0 }, tags: ['AI'] });
    const none = makeCapture({ id: '01900000-0000-7000-8000-000000000002', postId: '2', text: 'Loose' });
    const files = await exportMarkdown([both, none], [col(A, 'Team: tips/tricks'), col(B, 'Reading')], { now: Date.UTC(2026, 11, 1) });
    expect(files.map((f) => f.path)).toEqual(['Team- tips-tricks.md', 'Reading.md', `${UNFILED}.md`]);
    const first = files[0]!.content;
    expect(first.startsWith('---\ntitle: "Team: tips/tricks"\ncollection_id: "' + A + '"\nexported_at: "2026-12-01T00:00:00.000Z"\ncount: 1\nsource: satchel\n---\n')).toBe(true);
    expect(first).toContain('> In both\n> second line');
    expect(first).toContain('- Source: <https://x.com/someone/status/1800000000000000001>');
    expect(first).toContain('**Note**\n\nmy note');
    expect(first).toContain('**What I will apply**\n\napply');
    expect(first).toContain('it worked');
    expect(files[1]!.content).toContain('In both');
    expect(files[2]!.content).toContain('> Loose');
    expect(files[2]!.content).not.toContain('In both');
  });

  it('captured text cannot become markup, links or headings; only http(s) becomes a link', async () => {
    const evil = makeCapture({ text: '# Heading\n[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![x](data:image/png;base64,AA)', permalink: 'javascript:alert(1)' as never });
    const [f] = await exportMarkdown([evil], []);
    expect(f!.content).toContain('> \\# Heading');
    expect(f!.content).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\> \\!\\[x\\]\\(data:image/png;base64,AA\\)');
    expect(f!.content).toContain('- Source: javascript:alert\\(1\\) (not a web link; not made clickable)');
    expect(f!.content).not.toMatch(/(?<!\\)<img|(?<!\\)\]\(javascript/);
  });

  it('escapeMarkdown and fileNameFor', () => {
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
    expect(escapeMarkdown('1. item\n- dash')).toBe('1\\. item\n\\- dash');
    expect(fileNameFor('../etc/passwd')).toBe('-etc-passwd');
    expect(fileNameFor('  ')).toBe('Collection');
  });

  it('de-duplicates file names', async () => {
    const c = makeCapture({ collectionIds: [A, B] });
    const files = await exportMarkdown([c], [col(A, 'Same'), col(B, 'same')]);
    expect(files.map((f) => f.path)).toEqual(['Same.md', 'same (2).md']);
  });
});
