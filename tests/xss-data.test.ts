import { describe, it, expect } from 'vitest';
import { SatchelDb, saveCapture, updateCapture, readAllCaptures, listCollections, createCollection, addToCollection, applyImport, getCapture } from '../lib/db';
import { makeDraft, makeCapture } from '../lib/db/testing';
import { exportJson, exportCsv, exportMarkdown, parseSatchelJson, parseCsv, unsafeLinks, isSafeLink } from '../lib/export';
import { SearchIndex, highlight } from '../lib/search';
import { CaptureDraft } from '../lib/schema';
import { XSS_PAYLOADS, UNSAFE_URLS } from './helpers/xss-payloads';

// Issue 3 "Safety", data layer: payloads survive save → store → export → import unchanged, as
// inert strings; nothing in this layer turns them into markup or links.

describe('XSS corpus through the data layer', () => {
  it('payloads survive save → store → search → export → import unchanged', async () => {
    const db = new SatchelDb(`x-${Math.random()}`);
    const fresh = new SatchelDb(`y-${Math.random()}`);
    try {
      const ids: string[] = [];
      for (const [i, p] of XSS_PAYLOADS.entries()) {
        const draft = makeDraft({
          postId: String(i + 1), text: `${p}\nsecond line ${p}`, title: p.slice(0, 500),
          author: { name: p.slice(0, 256), handle: null, profileUrl: null, avatarUrl: null },
          links: [{ url: 'https://example.com/a', title: p }],
        });
        const r = await saveCapture(db, CaptureDraft.parse(draft));
        await updateCapture(db, r.capture.id, { note: p, reflection: p, tags: [p.slice(0, 64)] });
        ids.push(r.capture.id);
      }
      const col = await createCollection(db, XSS_PAYLOADS[2]!);
      await addToCollection(db, col.id, ids);
      const stored = await readAllCaptures(db);
      for (const [i, p] of XSS_PAYLOADS.entries()) {
        const c = (await getCapture(db, ids[i]!))!;
        expect(c).toMatchObject({ text: `${p}\nsecond line ${p}`, note: p, reflection: p, author: { name: p.slice(0, 256) } });
        expect(c.links[0]!.title).toBe(p);
      }

      // Search: results and highlight segments are plain strings that rebuild the text exactly.
      const idx = new SearchIndex();
      idx.addAll(stored);
      const r = idx.search({ text: 'alert' });
      expect(r.total).toBeGreaterThan(5);
      for (const h of r.hits) {
        const c = stored.find((x) => x.id === h.id)!;
        const segs = highlight(c.text, r.terms);
        expect(segs.map((s) => s.text).join('')).toBe(c.text);
        expect(segs.every((s) => typeof s.text === 'string' && typeof s.match === 'boolean')).toBe(true);
      }

      // JSON: lossless round trip into a fresh profile.
      const cols = await listCollections(db);
      const json = await exportJson(stored, cols);
      const parsed = parseSatchelJson(json);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      await applyImport(fresh, parsed.data);
      const back = await readAllCaptures(fresh);
      expect(back.map((c) => [c.text, c.note, c.reflection, c.tags, c.title, c.author?.name])).toEqual(stored.map((c) => [c.text, c.note, c.reflection, c.tags, c.title, c.author?.name]));
      expect((await listCollections(fresh)).map((c) => c.name)).toContain(XSS_PAYLOADS[2]);

      // Markdown: no raw HTML tag or markdown link survives unescaped in the body (front matter
      // values are JSON-quoted YAML strings: data, never rendered).
      for (const f of await exportMarkdown(stored, cols)) {
        const body = f.content.slice(f.content.indexOf('\n---\n', 4) + 5);
        expect(f.content.slice(0, 4)).toBe('---\n');
        expect(body).not.toMatch(/(?<!\\)<(script|img|svg|iframe|a |math|details|body|style)/i);
        expect(body).not.toMatch(/(?<!\\)\]\((?:javascript|data):/i);
        expect(f.path).not.toMatch(/[/\\<>:"|?*]/);
      }
      // CSV: every cell parses back to the payload, formula-looking cells guarded.
      const rows = parseCsv(await exportCsv(stored, cols));
      const noteCol = rows[0]!.indexOf('note');
      expect(rows.slice(1).map((row) => row[noteCol])).toEqual(stored.map((c) => (/^[=+\-@\t\r]/.test(c.note!) ? `'${c.note}` : c.note)));
    } finally {
      db.close();
      fresh.close();
    }
  });

  it('non-http(s) URLs are refused at the boundary and flagged unsafe if they get in', () => {
    for (const u of UNSAFE_URLS) {
      expect(CaptureDraft.safeParse(makeDraft({ permalink: u as never })).success).toBe(false);
      expect(isSafeLink(u)).toBe(false);
    }
    expect(isSafeLink('https://example.com/x')).toBe(true);
    const smuggled = makeCapture({ permalink: 'javascript:alert(1)' as never, links: [{ url: 'data:text/html,x' as never, title: null }, { url: 'https://ok.example/', title: null }] });
    expect(unsafeLinks(smuggled)).toEqual([
      { path: 'permalink', url: 'javascript:alert(1)' },
      { path: 'links[0].url', url: 'data:text/html,x' },
    ]);
  });
});
