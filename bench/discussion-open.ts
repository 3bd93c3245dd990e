// `npm run bench -- discussion-open`: a team capture with 500 comments (400 top-level, 100 replies)
// and 600 reactions, opened in the library (real Chromium, the built extension): time from the
// click on the capture's row to the first paint of its discussion (comments in the DOM, then the
// next frame). Also the cold figure: navigation to library.html?open=<id> → the same paint.
// Goal (issue 11): p95 ≤ 100 ms. The discussion reads and shows only the newest 10 top-level
// comments with their replies (lib/db/discussion.ts readThread with a limit; "Show older comments"
// reads the next page, components/discussion/Discussion.tsx).
import type { Page } from '@playwright/test';
import type { CDPSession } from 'playwright-core';
import { buildExtension } from './lib/build';
import { launchChromium, sleep, startFixtureServer, withDeadline, type Launched } from './lib/browser';
import { emit, log, percentile, round, type Figure } from './lib/figure';
import { summarizeProfile, type CpuProfile } from './lib/profile';

export const DISCUSSION_OPEN_GOAL_MS = 100;
const COMMENTS = 500;
const REACTIONS = 600;
const OPENS = Number(process.env.BENCH_OPENS ?? 20);
/** `BENCH_PROFILE=1`: CPU-profile the click opens and print where the time went (use with BENCH_VARIANT=unminified). */
const PROFILE = process.env.BENCH_PROFILE === '1';
const TEAM = 'team:bench';
const CAPTURE_ID = '01900000-0000-7000-8000-00000000ca01';

/**
 * Writes the team, the signed-in member, the member list, one team capture (a question) with its
 * syncMeta, `comments` comments and `reactions` reactions straight into the extension's IndexedDB
 * (`satchel`, at its current version: open library.html once first), as a pull leaves them.
 */
export async function seedDiscussion(page: Page, comments: number, reactions: number): Promise<void> {
  await page.evaluate(async ({ team, captureId, comments, reactions }) => {
    const uuid = (i: number) => `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
    const now = Date.now();
    const members = Array.from({ length: 20 }, (_, i) => ({ userId: `u-${i}`, displayName: `Member ${i} ${['Souza', 'Okafor', 'Ünal', 'Nguyen'][i % 4]}`, role: i === 1 ? 'owner' : 'editor', joinedAt: now - 90 * 86_400_000, spotlight: true }));
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('satchel');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const stores = ['kv', 'captures', 'syncMeta', 'comments', 'reactions'];
    await new Promise<void>((ok, no) => {
      const tx = db.transaction(stores, 'readwrite');
      const kv = tx.objectStore('kv');
      kv.put({ key: 'syncScopes', value: [{ id: 'personal:local', role: 'owner' }, { id: team, role: 'editor', name: 'Bench team' }] });
      kv.put({ key: 'syncAuth', value: { serverUrl: 'http://127.0.0.1:9', token: 'cap_bench_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: 'u-0' } });
      kv.put({ key: `teamMembers:${team}`, value: { members, fetchedAt: now } });
      const capturedAt = now - 86_400_000;
      tx.objectStore('captures').put({
        platform: 'linkedin', postId: 'bench-discussion', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
        author: { name: 'A Poster', handle: null, profileUrl: null, avatarUrl: null },
        text: 'How do you run a retro with a team spread over five time zones?', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null,
        truncated: false, mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
        id: captureId, key: 'linkedin:bench-discussion', scopeId: team, intent: 'question', note: 'Has anyone tried async retros? What worked?', tags: [], collectionIds: [],
        capturedAt, updatedAt: capturedAt, completedAt: null, deletedAt: null, reviewedAt: null, archivedAt: null, reflection: null, followUp: null, stage: 'unreviewed',
      });
      tx.objectStore('syncMeta').put({ id: captureId, scopeId: team, version: 1, noteVersion: 0, ownerUserId: 'u-2', sourceCaptureId: null });
      const cs = tx.objectStore('comments');
      const ids: string[] = [];
      const tops = Math.round(comments * 0.8);
      for (let i = 0; i < comments; i++) {
        const id = uuid(0x100000 + i);
        const parentId = i < tops ? null : ids[(i * 7) % tops]!;
        if (i < tops) ids.push(id);
        const mention = i % 7 === 0 ? [`u-${(i % 19) + 1}`] : [];
        const body = `Reply ${i}: we tried this in our team last sprint and it worked well for the async part.` +
          (i % 10 === 0 ? ' Notes: https://example.com/retro/notes?i=' + i : '') + (mention.length ? ` @${members[(i % 19) + 1]!.displayName}` : '') + (i % 5 === 0 ? '\nSecond line with more detail.' : '');
        cs.put({ id, scopeId: team, captureId, parentId, authorUserId: `u-${i % 20}`, body, mentions: mention, createdAt: capturedAt + i * 60_000, editedAt: i % 13 === 0 ? capturedAt + i * 60_000 + 30_000 : null });
      }
      const rs = tx.objectStore('reactions');
      const kinds = ['useful', 'tried', 'thanks'];
      for (let i = 0; i < reactions; i++) {
        const onCapture = i < 30;
        const targetId = onCapture ? captureId : ids[i % ids.length]!;
        rs.put({ targetKind: onCapture ? 'capture' : 'comment', targetId, captureId, scopeId: team, userId: `u-${i % 20}`, kind: kinds[Math.floor(i / 20) % 3], createdAt: capturedAt + i * 1000 });
      }
      tx.oncomplete = () => ok();
      tx.onerror = () => no(tx.error);
    });
    db.close();
  }, { team: TEAM, captureId: CAPTURE_ID, comments, reactions });
}

/** In the page: resolves [comments in the DOM, next frame] in ms since `start` once the discussion shows comments. */
const PAINT_WAITER = `window.__discussionPaint = (start) => new Promise((resolve) => {
  window.__detailAt = undefined;
  const mo2 = new MutationObserver(() => {
    if (document.querySelector('[data-testid="capture-detail"]')) { mo2.disconnect(); window.__detailAt = performance.now() - start; }
  });
  mo2.observe(document, { childList: true, subtree: true });
  const done = () => {
    const dom = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => resolve([dom, performance.now() - start, document.querySelectorAll('[data-testid="discussion"] [data-testid="comment"]').length]), 0));
  };
  if (document.querySelector('[data-testid="discussion"] [data-testid="comment"]')) return done();
  const mo = new MutationObserver(() => {
    if (document.querySelector('[data-testid="discussion"] [data-testid="comment"]')) { mo.disconnect(); done(); }
  });
  mo.observe(document, { childList: true, subtree: true });
});`;

/** Main-thread time of the page's tasks so far (CDP Performance metric `TaskDuration`, thread ticks), ms. */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

async function measure(launched: Launched[]): Promise<Figure[]> {
  const extDir = buildExtension();
  const server = await startFixtureServer();
  try {
    const b = await launchChromium({ extensionDir: extDir, port: server.port });
    launched.push(b);
    const base = `chrome-extension://${b.extensionId}`;
    await b.context.addInitScript({ content: PAINT_WAITER });
    const setup = await b.context.newPage();
    await setup.goto(`${base}/library.html`); // creates the database at its current version
    await setup.waitForSelector('[data-testid="capture-list"]');
    await setup.goto(`${base}/manifest.json`);
    await seedDiscussion(setup, COMMENTS, REACTIONS);
    await setup.close();
    await sleep(2_000);
    const clicks: number[] = [];
    const clickDom: number[] = [];
    const colds: number[] = [];
    const cpus: number[] = [];
    let shown = 0;
    for (let i = 0; i < OPENS + 1; i++) {
      const page = await b.context.newPage();
      // Open from the list: the library of the team is loaded, the learner clicks the capture.
      await page.goto(`${base}/library.html?scope=${encodeURIComponent(TEAM)}`);
      await page.waitForSelector('[data-testid="capture-row"]');
      await sleep(300);
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      if (PROFILE) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const cpu0 = await taskMs(cdp);
      const [dom, paint, n, detailAt, load, loaded] = await page.evaluate(async () => {
        performance.clearMarks();
        const start = performance.now();
        const p = (window as unknown as { __discussionPaint: (s: number) => Promise<[number, number, number]> }).__discussionPaint(start);
        (document.querySelector('[data-testid="capture-row"]') as HTMLElement).click();
        const r = await p;
        const mark = (name: string) => (performance.getEntriesByName(name).at(-1)?.startTime ?? NaN) - start;
        return [...r, (window as unknown as { __detailAt: number }).__detailAt, mark('discussion:load'), mark('discussion:loaded')];
      });
      const cpu = (await taskMs(cdp)) - cpu0;
      if (PROFILE) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        const sum = summarizeProfile(profile, 'chrome-extension://');
        const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n  ');
        log(`profile: busy ${sum.busyMs.toFixed(0)} ms, ours inclusive ${sum.inclusiveMs.toFixed(0)} ms\n self:\n  ${top(sum.selfByFn)}\n callees:\n  ${top(sum.calleesByFn)}`);
      }
      await cdp.detach();
      log(`click: detail ${detailAt.toFixed(0)}, query ${load.toFixed(0)} → ${loaded.toFixed(0)}, dom ${dom.toFixed(0)}, paint ${paint.toFixed(0)} ms; main-thread CPU ${cpu.toFixed(0)} ms`);
      // Cold: navigation straight to the capture (library.html?open=<id>), navigation start → paint.
      await page.goto(`${base}/library.html?scope=${encodeURIComponent(TEAM)}&open=${CAPTURE_ID}`);
      const [, cold] = await page.evaluate(() => (window as unknown as { __discussionPaint: (s: number) => Promise<[number, number, number]> }).__discussionPaint(0));
      if (i === 0) log(`first open: ${paint.toFixed(1)} ms (cold ${cold.toFixed(1)} ms), ${n} comments shown`);
      else {
        clicks.push(paint);
        clickDom.push(dom);
        cpus.push(cpu);
        colds.push(cold);
        shown = n;
      }
      await page.close();
    }
    log(`discussion-open: click → paint ${clicks.map((v) => v.toFixed(0)).join(' ')}; cold ${colds.map((v) => v.toFixed(0)).join(' ')}`);
    const note = `${COMMENTS} comments (${Math.round(COMMENTS * 0.8)} top-level), ${REACTIONS} reactions, ${shown} comments painted (newest page); ${clicks.length} opens, library.html as a tab 1280×900`;
    const figs: Figure[] = [
      { name: 'discussion-open.click.p95', value: round(percentile(clicks, 95), 1), unit: 'ms', goal: `<= ${DISCUSSION_OPEN_GOAL_MS}`, note: `click on the capture's row → first paint of its discussion; ${note}` },
      { name: 'discussion-open.click.p50', value: round(percentile(clicks, 50), 1), unit: 'ms', goal: 'info' },
      { name: 'discussion-open.click.cpu.p95', value: round(percentile(cpus, 95), 1), unit: 'ms', goal: 'info', note: "the page's main-thread time (thread ticks) from the click to the paint: what the open costs without the waits of a busy machine (IndexedDB reads run off this thread)" },
      { name: 'discussion-open.click.dom.p95', value: round(percentile(clickDom, 95), 1), unit: 'ms', goal: 'info', note: 'click → comments in the DOM (before the frame)' },
      { name: 'discussion-open.cold.p95', value: round(percentile(colds, 95), 1), unit: 'ms', goal: 'info', note: 'navigation start of library.html?open=<id> → first paint of the discussion (page boot included)' },
      { name: 'discussion-open.cold.p50', value: round(percentile(colds, 50), 1), unit: 'ms', goal: 'info' },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    for (const l of launched) await l.close();
    await server.close();
  }
}

/** discussion-open: a 500-comment discussion opened in the library, real Chromium with the built extension. */
export async function run(): Promise<Figure[]> {
  return withDeadline('discussion-open', 600_000, measure);
}
