import type { Page } from '@playwright/test';
import type { Capture } from '../../lib/schema';

/**
 * Writes `n` synthetic captures straight into the extension's IndexedDB (`satchel`, store
 * `captures`) from an extension page, in transactions of 5,000, generated in the page (nothing
 * crosses the DevTools protocol but the count). The database must already exist at its current
 * version (open library.html once first). Rows are valid lib/schema Captures plus the `stage`
 * index helper lib/db adds on write. Texts mix English, accented, RTL and CJK words; 200 authors,
 * 40 tags, 4 platforms; saved one minute apart, newest = now.
 */
export async function seedCaptures(page: Page, n: number): Promise<void> {
  await page.evaluate(async (count) => {
    const words = ('learning team feedback onboarding retro coaching manager meeting habit practice skill mentor growth ' +
      'leadership design review remote async writing checklist prompt question share tip workshop café naïve résumé ' +
      'مرحبا 学习 成长 données équipe über größe').split(' ');
    const tags = Array.from({ length: 40 }, (_, i) => `topic-${i}`);
    const platforms = ['x', 'linkedin', 'yammer', 'web'];
    const now = Date.now();
    const uuid = (i: number) => `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('satchel');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    for (let start = 0; start < count; start += 5000) {
      await new Promise<void>((ok, no) => {
        const tx = db.transaction('captures', 'readwrite');
        const store = tx.objectStore('captures');
        for (let i = start; i < Math.min(count, start + 5000); i++) {
          const platform = platforms[i % 4]!;
          const postId = `bench-${i}`;
          const author = `Author ${i % 200}`;
          const text = Array.from({ length: 20 + (i % 40) }, () => pick(words)).join(' ');
          const capturedAt = now - (count - i) * 60_000;
          store.put({
            platform, postId, permalink: `https://example.com/${platform}/${postId}`,
            author: { name: author, handle: `author${i % 200}`, profileUrl: null, avatarUrl: null },
            text, lang: null, postedAt: new Date(capturedAt - 3600_000).toISOString(), media: [], links: [], hashtags: [], mentions: [], poll: null,
            truncated: i % 50 === 0, mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
            id: uuid(i + 1), key: `${platform}:${postId}`, scopeId: 'personal:local', intent: i % 7 === 0 ? 'tip' : null,
            note: i % 9 === 0 ? 'a note' : null, tags: [tags[i % 40]!, tags[(i * 7) % 40]!].filter((v, k, a) => a.indexOf(v) === k), collectionIds: [],
            capturedAt, updatedAt: capturedAt, completedAt: null, deletedAt: null, reviewedAt: i % 3 === 0 ? capturedAt : null, archivedAt: null,
            reflection: null, followUp: null, stage: i % 3 === 0 ? 'reviewed' : 'unreviewed',
          });
        }
        tx.oncomplete = () => ok();
        tx.onerror = () => no(tx.error);
      });
    }
    db.close();
  }, n);
}

/** Query strings as a learner types them: every prefix (2+ chars) of some words, then two-word queries. */
export function typedQueries(count: number): string[] {
  const base = ['learning', 'feedback', 'onboarding', 'coaching', 'leadership', 'checklist', 'workshop', 'cafe', 'resume', 'equipe', 'mentor', 'practice'];
  const out: string[] = [];
  for (let k = 0; out.length < count; k++) {
    const w = base[k % base.length]!;
    for (let i = 2; i <= w.length && out.length < count; i++) out.push(k >= base.length ? `team ${w.slice(0, i)}` : w.slice(0, i));
  }
  return out;
}

/**
 * The same synthetic captures as {@link seedCaptures} (same words, tags, authors, seed), built in
 * Node for engine-only measurements (`npm run bench -- search-engine`). Keep the two in step.
 */
export function syntheticCaptures(count: number, now = Date.now()): Capture[] {
  const words = ('learning team feedback onboarding retro coaching manager meeting habit practice skill mentor growth ' +
    'leadership design review remote async writing checklist prompt question share tip workshop café naïve résumé ' +
    'مرحبا 学习 成长 données équipe über größe').split(' ');
  const tags = Array.from({ length: 40 }, (_, i) => `topic-${i}`);
  const platforms = ['x', 'linkedin', 'yammer', 'web'] as const;
  const uuid = (i: number) => `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const out: Capture[] = [];
  for (let i = 0; i < count; i++) {
    const platform = platforms[i % 4]!;
    const postId = `bench-${i}`;
    const text = Array.from({ length: 20 + (i % 40) }, () => pick(words)).join(' ');
    const capturedAt = now - (count - i) * 60_000;
    out.push({
      platform, postId, permalink: `https://example.com/${platform}/${postId}`,
      author: { name: `Author ${i % 200}`, handle: `author${i % 200}`, profileUrl: null, avatarUrl: null },
      text, lang: null, postedAt: new Date(capturedAt - 3600_000).toISOString(), media: [], links: [], hashtags: [], mentions: [], poll: null,
      truncated: i % 50 === 0, mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
      id: uuid(i + 1), key: `${platform}:${postId}`, scopeId: 'personal:local', intent: i % 7 === 0 ? 'tip' : null,
      note: i % 9 === 0 ? 'a note' : null, tags: [tags[i % 40]!, tags[(i * 7) % 40]!].filter((v, k, a) => a.indexOf(v) === k), collectionIds: [],
      capturedAt, updatedAt: capturedAt, completedAt: null, deletedAt: null, reviewedAt: i % 3 === 0 ? capturedAt : null, archivedAt: null,
      reflection: null, followUp: null,
    } as unknown as Capture);
  }
  return out;
}
