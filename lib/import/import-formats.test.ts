import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImportFile, normaliseUrl, type ImportFormat } from './index';
import type { Capture, SatchelExport } from '../schema';

const DIR = join(import.meta.dirname, '../../tests/import-fixtures');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const NOW = Date.UTC(2026, 11, 7);

/** Reads a fixture that must be accepted; returns its rows and skipped problems. */
function read(name: string, format: ImportFormat): { data: SatchelExport; skipped: Array<{ line: number | null; path: string | null; message: string }> } {
  const r = readImportFile(fixture(name), NOW);
  if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.problems)}`);
  expect(r.format).toBe(format);
  return r;
}
const byUrl = (data: SatchelExport, url: string): Capture => {
  const c = data.captures.find((x) => x.permalink === url);
  if (!c) throw new Error(`no capture for ${url}: ${data.captures.map((x) => x.permalink).join(', ')}`);
  return c;
};
const colNames = (data: SatchelExport, c: Capture) => c.collectionIds.map((id) => data.collections.find((k) => k.id === id)!.name);

describe('readImportFile: other tools\' exports become web captures (issue 12)', () => {
  it('Raindrop CSV: folders → collections, tags, note + highlights, excerpt, cover, created; a javascript: row skipped with its line', () => {
    const { data, skipped } = read('raindrop.csv', 'raindrop');
    const retro = byUrl(data, 'https://example.org/retros');
    expect(retro).toMatchObject({ platform: 'web', postId: 'https://example.org/retros', key: 'web:https://example.org/retros', title: 'Running better retros', text: 'Five formats for retrospectives that keep a team talking.', capturedAt: Date.parse('2024-03-05T09:12:44.000Z') });
    expect(retro.note).toBe('Use the "start, stop, continue" board\n\n> Ask what surprised people\n> Note: try next sprint\n\n> Timebox each column');
    expect(retro.media).toEqual([{ kind: 'image', url: 'https://example.org/img/retro.png', alt: null }]);
    // The same page twice (tracking parameters and fragment dropped): one capture, tags and folders joined.
    expect(retro.tags).toEqual(['agile', 'retros', 'Reading list']);
    expect(colNames(data, retro)).toEqual(['Work / Retros', 'Reading']);
    expect(byUrl(data, 'https://design.example.com/tokens').collectionIds).toEqual([]); // "Unsorted" is no collection
    expect(data.captures).toHaveLength(2);
    expect(skipped).toEqual([{ line: 6, path: 'url', message: '"javascript:alert(1)" is not a web address (http or https); skipped' }]);
  });

  it('Raindrop CSV with an unclosed quote: that row is named with its line and skipped, the rows after it still import (red team)', () => {
    const text = 'id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\r\n' +
      '1,"Title, with, commas",,ex,https://a.example/1,Work,"a, b",2024-01-01T00:00:00.000Z,,,false\r\n' +
      '2,"Unclosed quote,,,https://bad.example/x,Work,,2024-01-01,,,false\r\n' +
      '3,Fine,,,https://ok.example/3,Work,,2024-01-01,,,false\r\n' +
      '4,Ok,,,https://ok.example/4,Work/Sub,"x",2024-01-01,,,false\r\n';
    const r = readImportFile(text, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.data.captures.map((c) => c.permalink)).toEqual(['https://a.example/1', 'https://ok.example/3', 'https://ok.example/4']);
    expect(r.skipped).toEqual([{ line: 3, path: null, message: 'a quote in this row is never closed; the row is skipped and the rows after it are read' }]);
    // A quote left open to the end of the file: the same, for the last row.
    const open = readImportFile('title,url,time_added,tags,status\nA,https://a.example/,1700000000,,unread\n"B,https://b.example/,1700000000,,unread\n', NOW);
    expect(open).toMatchObject({ ok: true, skipped: [{ line: 3, path: null }] });
    expect(open.ok && open.data.captures.map((c) => c.permalink)).toEqual(['https://a.example/']);
  });

  it('a row with an empty url says so in a sentence (red team: it read "url no web address")', () => {
    const r = readImportFile('title,url,time_added,tags,status\nA,,1700000000,,unread\nB,https://b.example/,1700000000,,unread\n', NOW);
    expect(r).toMatchObject({ ok: true, skipped: [{ line: 2, path: 'url', message: 'no web address (the url column is empty); skipped' }] });
  });

  it('Pocket CSV: tags split on |, seconds, archive status', () => {
    const { data, skipped } = read('pocket.csv', 'pocket-csv');
    expect(byUrl(data, 'https://hbr.example.com/feedback')).toMatchObject({ title: 'How to give feedback', tags: ['leadership', 'feedback'], capturedAt: 1_700_000_000_000, archivedAt: null });
    expect(byUrl(data, 'https://example.com/onboarding').archivedAt).toBe(1_700_100_000_000);
    expect(skipped).toEqual([{ line: 4, path: 'url', message: '"not a url" is not a web address (http or https); skipped' }]);
  });

  it('Pocket HTML (ril_export.html): Unread and Read Archive lists; a chrome: link skipped with the line of its <a>', () => {
    const { data, skipped } = read('pocket.html', 'pocket-html');
    expect(byUrl(data, 'https://hbr.example.com/feedback')).toMatchObject({ tags: ['leadership', 'feedback'], capturedAt: 1_700_000_000_000, archivedAt: null });
    expect(byUrl(data, 'https://example.com/onboarding').archivedAt).toBe(1_700_100_000_000);
    expect(skipped).toEqual([{ line: 12, path: 'href', message: '"chrome://settings" is not a web address (http or https); skipped' }]);
  });

  it('Instapaper CSV: selection as text, own folders as collections, JSON tags; ftp: skipped', () => {
    const { data, skipped } = read('instapaper.csv', 'instapaper');
    expect(byUrl(data, 'https://example.com/deep-work')).toMatchObject({ title: 'Deep work in teams', text: 'Protect two hours a day', tags: ['focus', 'habits'], collectionIds: [], capturedAt: 1_699_000_000_000 });
    expect(colNames(data, byUrl(data, 'https://example.com/mentoring'))).toEqual(['Leadership']);
    expect(byUrl(data, 'https://example.com/old').archivedAt).toBe(1_699_200_000_000);
    expect(skipped.map((s) => s.line)).toEqual([5]);
  });

  it('Omnivore metadata JSON: labels, author, description, publishedAt, ARCHIVED; an empty url named by its JSON path', () => {
    const { data, skipped } = read('omnivore.json', 'omnivore');
    expect(byUrl(data, 'https://essays.example.com/obviousness')).toMatchObject({ title: 'The tyranny of obviousness', text: 'Why the obvious answer is rarely the whole one.', author: { name: 'P. Writer' }, tags: ['thinking', 'Newsletter'], postedAt: '2024-01-18T00:00:00.000Z', capturedAt: Date.parse('2024-01-20T18:33:10.000Z') });
    expect(byUrl(data, 'https://example.com/archived').archivedAt).toBe(Date.parse('2024-01-22T08:00:00.000Z'));
    expect(skipped).toEqual([{ line: null, path: '[2].url', message: 'no web address (url is empty); skipped' }]);
  });

  it('Karakeep JSON: note, tags, createdAt in seconds, archived; a text bookmark skipped by path', () => {
    const { data, skipped } = read('karakeep.json', 'karakeep');
    expect(byUrl(data, 'https://example.com/async-standups')).toMatchObject({ title: 'Async standups', note: 'Try with the platform team', tags: ['remote', 'meetings'], capturedAt: 1_718_000_000_000 });
    expect(byUrl(data, 'https://example.com/read-later').archivedAt).toBe(1_718_200_000_000);
    expect(skipped).toEqual([{ line: null, path: 'bookmarks[1].content.url', message: 'a text note without a web address; skipped' }]);
  });

  it('Linkwarden backup: collections by name, tag objects, one page in two collections is one capture', () => {
    const { data, skipped } = read('linkwarden.json', 'linkwarden');
    const grow = byUrl(data, 'https://coaching.example.com/grow');
    expect(grow).toMatchObject({ title: 'GROW model explained', text: 'Goal, Reality, Options, Will.', tags: ['coaching', 'models'] });
    expect(colNames(data, grow)).toEqual(['Coaching', 'Reading']);
    expect(data.captures).toHaveLength(1);
    expect(skipped).toEqual([{ line: null, path: 'collections[0].links[1].url', message: 'no web address (url is empty); skipped' }]);
  });

  it('Netscape bookmarks: nested folders (not the browser roots) → collection, TAGS, ADD_DATE, DD; a bookmarklet skipped with its line', () => {
    const { data, skipped } = read('netscape.html', 'netscape');
    expect(byUrl(data, 'https://example.com/okrs')).toMatchObject({ title: 'OKRs in practice', text: 'How teams set and review objectives.', tags: ['goals', 'okr'], collectionIds: [], capturedAt: 1_690_000_100_000 });
    expect(colNames(data, byUrl(data, 'https://example.com/buddy-system'))).toEqual(['Work / Onboarding']);
    expect(byUrl(data, 'https://xn--caf-dma.example.com/menu').title).toBe('Café & menu <b>');
    expect(skipped.map((s) => [s.line, s.path])).toEqual([[18, 'href']]);
  });

  it('files that are none of these get a message a person understands', () => {
    const refused = (name: string) => {
      const r = readImportFile(fixture(name), NOW);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.problems.map((p) => p.message).join(' ');
    };
    expect(refused('no-url-column.csv')).toMatch(/^This looks like a CSV without a url column/);
    expect(refused('no-bookmarks.html')).toMatch(/^This HTML file holds no bookmarks/);
    expect(refused('unknown.json')).toBe('This JSON is not an export Satchel knows (Satchel, Omnivore, Karakeep, Linkwarden).');
    expect(readImportFile('{"format":"satchel","version":1,', NOW)).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(readImportFile('   ', NOW)).toMatchObject({ ok: false, problems: [{ message: 'This file is empty.' }] });
  });

  it('a file that is not text (an image, a PDF, a zip) is named as such, not as a CSV with one column (red team)', () => {
    const asText = (bytes: number[]) => new TextDecoder().decode(new Uint8Array(bytes));
    const jpeg = readImportFile(asText([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1]), NOW);
    expect(jpeg).toMatchObject({ ok: false, format: null, problems: [{ message: 'This file is not text (it looks like an image). Choose the file your tool exported: CSV, HTML or JSON.' }] });
    const png = readImportFile(asText([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), NOW);
    expect(png).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^This file is not text \(it looks like an image\)/) }] });
    expect(readImportFile('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\0', NOW)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^This file is not text \(it looks like a PDF\)/) }] });
    expect(readImportFile(asText([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]), NOW)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^This file is not text \(it looks like a zip archive: unpack it and choose the export inside\)/) }] });
    expect(readImportFile(asText([1, 2, 0, 0, 0xfe, 0x80, 0x81, 0, 7]), NOW)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^This file is not text\./) }] });
    // Text with an accent or an emoji is still text.
    expect(readImportFile('title,url,time_added,tags,status\nCafé 🎓,https://a.example/,1700000000,,unread\n', NOW)).toMatchObject({ ok: true });
  });

  it('every capture passes the schema and is keyed by its normalised URL; reading twice gives the same keys', () => {
    for (const [name, format] of [['raindrop.csv', 'raindrop'], ['netscape.html', 'netscape'], ['linkwarden.json', 'linkwarden']] as const) {
      const a = read(name, format).data.captures.map((c) => c.key);
      const b = read(name, format).data.captures.map((c) => c.key);
      expect(a).toEqual(b);
    }
    expect(normaliseUrl('HTTPS://Example.COM:443/a?utm_source=x&b=1#frag')).toBe('https://example.com/a?b=1');
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
  });
});
