import type { CDPSession, Page } from 'playwright-core';
import { buildExtension } from './lib/build';
import { launchChromium, sleep, startFixtureServer, withDeadline, type Launched } from './lib/browser';
import { FEED_URL, LINKEDIN_FEED_URL, feedShellHtml, linkedinShellHtml, makeLinkedInPosts, makeXPosts } from './lib/feed';
import { emit, log, round, type Figure } from './lib/figure';
import { emptySummary, mergeSummary, summarizeProfile, topFunctions, type CpuProfile, type ProfileSummary } from './lib/profile';
import { startTrace, summarizeScriptCalls, type TraceEvent } from './lib/trace';

/** Goal: main-thread ms in Satchel's code per 1,000 posts. */
export const OVERHEAD_GOAL_MS = 50;
/** Goal: longest stretch of Satchel code without a break, ms (proxy for "no long task > 50 ms caused by Satchel"). */
export const STRETCH_GOAL_MS = 50;
/** The Save control's host element (shadow host, open shadow root). */
export const CONTROL_TAG = 'satchel-save';

const POSTS = Number(process.env.BENCH_POSTS ?? 1000);
/**
 * The feed: `x` (the recorded figures: X home timeline) or `linkedin` (BENCH_SITE=linkedin: the
 * LinkedIn home feed built from tests/fixtures/linkedin; LinkedIn has no incremental scan yet, so
 * this shows how a full scan per change grows; no floor arm).
 */
const SITE = process.env.BENCH_SITE === 'linkedin' ? 'linkedin' : 'x';
const SITE_FEED = SITE === 'linkedin'
  ? { url: LINKEDIN_FEED_URL, path: '/feed/', shell: linkedinShellHtml, posts: makeLinkedInPosts, postSelector: '[data-finite-scroll-hotkey-item]' }
  : { url: FEED_URL, path: '/home', shell: feedShellHtml, posts: (n: number) => makeXPosts(n), postSelector: 'article[data-testid="tweet"]' };
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
/**
 * Diagnostics: BENCH_PROFILE=1 also runs the CDP CPU profiler on each batch (per-function
 * breakdown; the `.sampled` figures). Off by default: its sampling signals cost the main thread
 * time too, and that would inflate the headline.
 */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** CPU profiler sampling interval, microseconds (BENCH_PROFILE=1 only). */
const SAMPLING_US = Number(process.env.BENCH_SAMPLING_US ?? 100);
/** `console.timeStamp` label that starts each batch in the trace. */
const BATCH_MARK = 'satchel-bench-batch';
/** Diagnostics: BENCH_AA=1 runs both arms without the extension (A/A noise check); BENCH_ORDER=swap appends to the plain page first. */
const AA = process.env.BENCH_AA === '1';
const ORDER = process.env.BENCH_ORDER ?? 'with-first';
/**
 * The floor (`content-overhead.floor`, wall time): the least DOM work any Save control of this design needs per post (read the status id
 * from the permalink around <time>, find the action bar, make a host with an open shadow root, the
 * shared sheet and one button, insert it), run from an isolated world like a content script's, on
 * the batch just appended, in a third browser without the extension. No logic, no messages.
 */
const FLOOR_SETUP = `(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.b{color:red}');
  const proto = document.createElement('button');
  proto.className = 'b'; proto.type = 'button'; proto.setAttribute('aria-label', 'Save to Satchel'); proto.textContent = 'Save';
  const ROW = 'div[role="group"]:not([aria-roledescription])';
  globalThis.__floor = (n) => {
    const t0 = performance.now();
    const posts = document.querySelectorAll('article[data-testid="tweet"]');
    for (let i = Math.max(0, posts.length - n); i < posts.length; i++) {
      const post = posts[i];
      const id = post.querySelector('time')?.closest('a[href*="/status/"]')?.getAttribute('href') ?? '';
      const bars = post.querySelectorAll(ROW);
      const row = bars[bars.length - 1] ?? post;
      const host = document.createElement('satchel-save');
      host.setAttribute('data-post-id', id);
      host.setAttribute('data-state', 'save');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      root.append(proto.cloneNode(true));
      row.append(host);
    }
    return performance.now() - t0;
  };
})()`;

/** Hard stop for the whole benchmark, ms. */
const DEADLINE_MS = 170_000;

interface Arm {
  label: 'with' | 'without';
  launched: Launched;
  page: Page;
  cdp: CDPSession;
  appendMs: number;
}

interface LongTask { start: number; duration: number }

/** Observes long tasks in the page's main world from the very start; read back via `window.__benchLongTasks`. */
const LONGTASK_INIT = `(() => {
  const out = (window.__benchLongTasks = []);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) out.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

async function openArm(label: Arm['label'], launched: Launched): Promise<Arm> {
  await launched.context.addInitScript({ content: LONGTASK_INIT });
  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  await page.goto(SITE_FEED.url, { waitUntil: 'load' });
  const cdp = await launched.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  }
  return { label, launched, page, cdp, appendMs: 0 };
}

/** Appends one batch in the page's own (main) world, as the site would, and forces layout. */
async function appendBatch(arm: Arm, html: string, expectControls: number): Promise<void> {
  arm.appendMs += await arm.page.evaluate(({ h, mark }) => {
    console.timeStamp(mark); // starts the batch in the trace
    const t0 = performance.now();
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', h);
    void document.body.offsetHeight;
    return performance.now() - t0;
  }, { h: html, mark: BATCH_MARK });
  // Let the page (and Satchel's observers, idle callbacks, mounts) settle before the next batch:
  // two frames, then up to 3 s for the controls to appear (with the extension), then 100 ms.
  await arm.page.evaluate(async ({ tag, n, wait }) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const end = performance.now() + 3000;
    const hosts = document.getElementsByTagName(tag); // live collection: a cheap check every 20 ms
    while (wait && hosts.length < n && performance.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100));
  }, { tag: CONTROL_TAG, n: expectControls, wait: arm.label === 'with' && expectControls > 0 });
}

async function measure(launched: Launched[]): Promise<Figure[]> {
  const extDir = buildExtension();
  const server = await startFixtureServer();
  server.setPage(SITE_FEED.path, SITE_FEED.shell());
  try {
    const withExt = await launchChromium({ extensionDir: AA ? undefined : extDir, port: server.port });
    launched.push(withExt);
    const without = await launchChromium({ port: server.port });
    launched.push(without);
    const arms = [await openArm('with', withExt), await openArm('without', without)];
    // The floor arm (X feed only: FLOOR_SETUP uses X's markup).
    let floor: Arm | null = null;
    let floorWorld = 0;
    if (SITE === 'x') {
      const floorBrowser = await launchChromium({ port: server.port });
      launched.push(floorBrowser);
      floor = await openArm('without', floorBrowser);
      const { frameTree } = (await floor.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      ({ executionContextId: floorWorld } = (await floor.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'satchel-floor' })) as { executionContextId: number });
      await floor.cdp.send('Runtime.evaluate', { expression: FLOOR_SETUP, contextId: floorWorld });
    }
    let floorMs = 0;
    await sleep(500); // content script runs at document_idle
    const posts = SITE_FEED.posts(POSTS);
    log(`feed: ${POSTS} ${SITE} posts in batches of ${BATCH} from ${new Set(posts.map((p) => p.template)).size} fixture templates, ext ${withExt.extensionId}`);

    const before = new Map<Arm, { task: number; lt: number }>();
    const prof = new Map<Arm, ProfileSummary>();
    const satchelPerBatch: number[] = [];
    // Both browsers are traced (the same overhead on both sides of the ratio); the trace gives the
    // thread time of every call into Satchel's scripts (the headline figure).
    const stopTrace = new Map<Arm, () => Promise<TraceEvent[]>>();
    for (const arm of arms) stopTrace.set(arm, await startTrace(arm.cdp));
    for (const arm of arms) {
      before.set(arm, { task: await metric(arm.cdp, 'TaskDuration'), lt: await arm.page.evaluate(() => performance.now()) });
      prof.set(arm, emptySummary());
    }
    // Same batches, alternating between the two browsers, so drift on the machine hits both. Each
    // batch is profiled on its own (append + settle), so the per-batch cost shows how it scales.
    // Wait for controls only once the content script has shown it mounts them (a stub never does).
    let mounts = true;
    const perBatch: string[] = [];
    for (let i = 0; i < POSTS; i += BATCH) {
      const html = posts.slice(i, i + BATCH).map((p) => p.html).join('');
      const wanted = i + Math.min(BATCH, POSTS - i);
      for (const arm of ORDER === 'swap' ? [...arms].reverse() : arms) {
        const t0 = await metric(arm.cdp, 'TaskDuration');
        if (PROFILE) await arm.cdp.send('Profiler.start');
        await appendBatch(arm, html, mounts && !AA ? wanted : 0);
        if (PROFILE) {
          const { profile } = (await arm.cdp.send('Profiler.stop')) as { profile: CpuProfile };
          const sum = summarizeProfile(profile, 'chrome-extension://');
          mergeSummary(prof.get(arm)!, sum);
          if (arm.label === 'with') satchelPerBatch.push(sum.inclusiveMs);
        }
        perBatch.push(`${arm.label}:${Math.round(((await metric(arm.cdp, 'TaskDuration')) - t0) * 1000)}`);
      }
      // The floor browser: same batch, then the minimal control work on it, timed as thread time.
      if (floor) {
        await appendBatch(floor, html, 0);
        const r = (await floor.cdp.send('Runtime.evaluate', { expression: `__floor(${wanted - i})`, contextId: floorWorld, returnByValue: true })) as { result: { value?: number } };
        floorMs += r.result.value ?? Number.NaN;
      }
      if (i === 0) {
        mounts = await arms[0]!.page.waitForFunction((t) => document.querySelectorAll(t).length > 0, CONTROL_TAG, { timeout: 3000 })
          .then(() => true, () => false);
        if (!mounts) log(`no ${CONTROL_TAG} appeared after the first batch: not waiting for controls`);
      }
    }
    const traced = summarizeScriptCalls(await stopTrace.get(arms[0]!)!(), 'chrome-extension://', BATCH_MARK);
    await stopTrace.get(arms[1]!)!();
    log(`per-batch main-thread TaskDuration ms: ${perBatch.join(' ')}`);
    log(`per-batch Satchel thread ms: ${traced.cpuByBatchMs.map((v) => v.toFixed(1)).join(' ')}`);
    if (PROFILE) log(`per-batch Satchel sampled ms: ${satchelPerBatch.map((v) => v.toFixed(1)).join(' ')}`);
    const figs: Figure[] = [];
    const per1k = 1000 / POSTS;
    const res = new Map<Arm, ProfileSummary & { taskMs: number; lts: LongTask[] }>();
    for (const arm of arms) {
      const b = before.get(arm)!;
      const taskMs = ((await metric(arm.cdp, 'TaskDuration')) - b.task) * 1000; // includes the trace's own small overhead, on both arms
      const lts = (await arm.page.evaluate(() => (window as unknown as { __benchLongTasks?: LongTask[] }).__benchLongTasks ?? []))
        .filter((l) => l.start >= b.lt);
      res.set(arm, { ...prof.get(arm)!, taskMs, lts });
    }
    const w = res.get(arms[0]!)!;
    const wo = res.get(arms[1]!)!;
    const controls = await arms[0]!.page.evaluate((t) => document.querySelectorAll(t).length, CONTROL_TAG);
    const postsInDom = await arms[0]!.page.evaluate((sel) => document.querySelectorAll(sel).length, SITE_FEED.postSelector);
    if (PROFILE) {
      log(`with: ${w.samples} samples over ${round(w.wallMs)} ms, ${w.matchingNodes} chrome-extension:// profile nodes; top self ms: ${topFunctions(w.selfByFn).join('; ') || '-'}`);
      log(`with: top inclusive ms: ${topFunctions(w.inclByFn).join('; ') || '-'}`);
      log(`with: non-Satchel leaves under Satchel frames, ms: ${topFunctions(w.calleesByFn).join('; ') || '-'}`);
      log(`busy (profile) with/without: ${round(w.busyMs)} / ${round(wo.busyMs)} ms`);
    }
    log(`TaskDuration with/without: ${round(w.taskMs)} / ${round(wo.taskMs)} ms; append ${round(arms[0]!.appendMs)} / ${round(arms[1]!.appendMs)} ms`);
    const scale = (ms: number) => round(ms * per1k, 2);
    log(`trace: ${traced.calls} calls into Satchel's scripts: thread ${round(traced.cpuMs)} ms, wall ${round(traced.wallMs)} ms, longest call ${round(traced.longestWallMs)} ms`);
    figs.push(
      { name: 'content-overhead', value: scale(traced.cpuMs), unit: 'ms', goal: `<= ${OVERHEAD_GOAL_MS}`, note: `main-thread CPU time of the ${traced.calls} calls into Satchel's content script (trace FunctionCall thread time: its JS, the DOM and extension APIs it calls, its microtasks), per 1,000 posts (${POSTS} posts, batches of ${BATCH}); ${controls} controls mounted` },
      { name: 'content-overhead.floor', value: floor ? scale(floorMs) : null, unit: 'ms', goal: 'info', note: 'wall time (compare with .wall) of the least DOM work a Save control of this design needs per post (id, action bar, shadow host with one button, insert), without any logic, from an isolated world in a third browser, per 1,000 posts: what no implementation of this control gets under on this machine' },
      { name: 'content-overhead.wall', value: scale(traced.wallMs), unit: 'ms', goal: 'info', note: 'wall time of the same calls (adds the time the main thread was descheduled inside them)' },
      { name: 'content-overhead.longest-call', value: round(traced.longestWallMs, 2), unit: 'ms', goal: `<= ${STRETCH_GOAL_MS}`, note: 'wall time of the longest single call into Satchel (a long task caused by Satchel would show here)' },
      { name: 'content-overhead.batch-first', value: round(traced.cpuByBatchMs[0] ?? 0, 2), unit: 'ms', goal: 'info', note: `Satchel thread time for the first batch of ${BATCH} posts (includes the first-use setup)` },
      { name: 'content-overhead.batch-last', value: round(traced.cpuByBatchMs.at(-1) ?? 0, 2), unit: 'ms', goal: 'info', note: `Satchel thread time for the last batch of ${BATCH} posts (${POSTS - BATCH} already on the page)` },
      { name: 'content-overhead.main-thread.with', value: scale(w.taskMs), unit: 'ms', goal: 'info', note: 'CDP Performance.getMetrics TaskDuration delta (all main-thread tasks: script, style, layout, parse), per 1,000 posts' },
      { name: 'content-overhead.main-thread.without', value: scale(wo.taskMs), unit: 'ms', goal: 'info', note: 'same page and batches, browser without the extension' },
      { name: 'content-overhead.ratio', value: round(w.taskMs / wo.taskMs, 3), unit: 'ratio', goal: 'info', note: AA ? 'A/A noise check (BENCH_AA=1): neither browser has the extension' : 'main-thread task time with / without the extension' },
      { name: 'content-overhead.share', value: round(traced.cpuMs / wo.taskMs, 3), unit: 'ratio', goal: 'info', note: "Satchel's time (headline figure) / main-thread task time of the page without the extension" },
      { name: 'content-overhead.longtasks.with', value: w.lts.length, unit: 'count', goal: 'info', note: `PerformanceObserver longtask during the feed; longest ${round(Math.max(0, ...w.lts.map((l) => l.duration)), 1)} ms` },
      { name: 'content-overhead.longtasks.without', value: wo.lts.length, unit: 'count', goal: 'info', note: `longest ${round(Math.max(0, ...wo.lts.map((l) => l.duration)), 1)} ms` },
      { name: 'content-overhead.controls', value: controls, unit: 'count', goal: `>= ${postsInDom}`, note: `${CONTROL_TAG} hosts in the page after the feed; ${postsInDom} post roots` },
    );
    if (PROFILE) {
      const attributed = w.matchingNodes > 0
        ? `CDP Profiler ${SAMPLING_US} µs sampling; samples with a chrome-extension:// frame`
        : 'no chrome-extension:// frame appeared in the profile (content script did no sampled work)';
      figs.push(
        { name: 'content-overhead.sampled', value: scale(w.inclusiveMs), unit: 'ms', goal: 'info', note: `${attributed} anywhere on the stack, each sample weighted by the gap to the next one (the headline until 2026-12-01; inflated by sampler gaps on a busy machine, BENCHMARKS.md)` },
        { name: 'content-overhead.self', value: scale(w.selfMs), unit: 'ms', goal: 'info', note: 'self time of chrome-extension:// nodes only; undercounts: native DOM calls (querySelectorAll, closest, append…) are separate profile nodes with no url' },
        { name: 'content-overhead.longest-satchel-stretch', value: round(w.longestStretchMs, 2), unit: 'ms', goal: `<= ${STRETCH_GOAL_MS}`, note: 'longest run of consecutive profile samples with a chrome-extension:// frame on the stack' },
        { name: 'content-overhead.samples', value: w.satchelSamples, unit: 'count', goal: 'info', note: `profile samples with a Satchel frame (of ${w.samples}); their count, unlike their weighted time, does not grow with sampler gaps` },
      );
    }
    figs.forEach(emit);
    return figs;
  } finally {
    for (const l of launched) await l.close();
    await server.close();
  }
}

/** content-overhead: 1,000-post X feed with and without Satchel, one run (see BENCHMARKS.md). */
export async function run(): Promise<Figure[]> {
  return withDeadline('content-overhead', DEADLINE_MS, (launched) => measure(launched));
}
