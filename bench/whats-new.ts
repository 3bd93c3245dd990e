// `npm run bench -- whats-new`: the toolbar badge count (lib/db/whats-new.ts `unreadCount`) right
// after a pull of 1,000 changes into a device that already holds a team history. The rows are
// written as the pull leaves them (captures + syncMeta, comments, reactions), in the device's
// Dexie database over fake-indexeddb in this Node process (pure-JS IndexedDB, slower than
// Chromium's), so the figure is pessimistic. Goal (issue 11): p95 ≤ 50 ms.
import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import { SatchelDb, type CommentRow, type ReactionRow, type SyncMetaRow } from '../lib/db/database';
import { SYNC_SCOPES_KEY } from '../lib/db/share';
import { writeSyncAuth } from '../lib/db/sync-state';
import { startWhatsNew, unreadCount } from '../lib/db/whats-new';
import { makeCapture } from '../lib/db/testing';
import type { Capture } from '../lib/schema';
import { emit, log, percentile, round, type Figure } from './lib/figure';

export const GOAL_MS = 50;
const HISTORY = Number(process.env.BENCH_WHATS_NEW_HISTORY ?? 5_000);
const CHANGES = 1_000;
const RUNS = 30;
const ME = 'user-me';
const TEAMS = ['team:cohort', 'team:readers'];
const OTHERS = ['user-ana', 'user-bo', 'user-cy', 'user-di'];

/** A UUIDv7 stamped `ms`. */
function idAt(ms: number): string {
  const h = ms.toString(16).padStart(12, '0');
  const tail = uuidv7().slice(14);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${tail}`;
}

/** `n` team captures shared at times from `t0` on, a fifth by me, with their syncMeta rows. */
function captures(n: number, t0: number, step: number, seed: number): { rows: Capture[]; metas: SyncMetaRow[] } {
  const rows: Capture[] = [];
  const metas: SyncMetaRow[] = [];
  for (let i = 0; i < n; i++) {
    const at = t0 + i * step;
    const scopeId = TEAMS[i % TEAMS.length]!;
    const c = makeCapture({ id: idAt(at), postId: `${seed + i}`, scopeId, capturedAt: at - 3_600_000, updatedAt: at, intent: i % 9 === 0 ? 'question' : null, text: `Shared post ${i}: ${'what we tried in the retro and why it worked. '.repeat(3)}` });
    rows.push(c);
    metas.push({ id: c.id, scopeId, version: 1, noteVersion: 0, ownerUserId: i % 5 === 0 ? ME : OTHERS[i % OTHERS.length]!, sourceCaptureId: null });
  }
  return { rows, metas };
}

/** `n` comments on `on` from `t0` on: some mine, some replying to mine, some mentioning me. */
function comments(n: number, on: Capture[], t0: number, step: number): CommentRow[] {
  const out: CommentRow[] = [];
  for (let i = 0; i < n; i++) {
    const c = on[i % on.length]!;
    const mineBefore = out.filter((r) => r.authorUserId === ME && r.captureId === c.id && r.parentId === null);
    out.push({
      id: idAt(t0 + i * step), scopeId: c.scopeId, captureId: c.id, parentId: i % 4 === 1 && mineBefore[0] ? mineBefore[0].id : null,
      authorUserId: i % 6 === 0 ? ME : OTHERS[i % OTHERS.length]!, body: `Comment ${i}: we tried it on Tuesday.`, mentions: i % 10 === 3 ? [ME] : [], createdAt: t0 + i * step, editedAt: null,
    });
  }
  return out;
}

/** Reactions on captures. */
function reactions(n: number, on: Capture[], t0: number): ReactionRow[] {
  return Array.from({ length: n }, (_, i) => {
    const c = on[i % on.length]!;
    return { targetKind: 'capture' as const, targetId: c.id, captureId: c.id, scopeId: c.scopeId, userId: `${OTHERS[i % OTHERS.length]!}-${Math.floor(i / on.length)}`, kind: (['useful', 'tried', 'thanks'] as const)[i % 3]!, createdAt: t0 + i };
  });
}

/** Seeds the history, sets the watermark, "pulls" 1,000 changes, then times the badge count. */
export async function run(): Promise<Figure[]> {
  const db = new SatchelDb(`bench-whats-new-${Date.now()}`);
  const now = Date.now();
  await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: uuidv7(), userId: ME });
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, ...TEAMS.map((id) => ({ id, role: 'editor', name: id.slice(5) }))] });
  // History: HISTORY captures and as many comments over the last 10 days, then the learner looked (watermark).
  const t0 = now - 10 * 24 * 3_600_000;
  const hist = captures(HISTORY, t0, Math.floor((9 * 24 * 3_600_000) / HISTORY), 1_000_000);
  await db.captures.bulkPut(hist.rows);
  await db.syncMeta.bulkPut(hist.metas);
  await db.comments.bulkPut(comments(HISTORY, hist.rows, t0, Math.floor((9 * 24 * 3_600_000) / HISTORY)));
  await startWhatsNew(db, now - 3_600_000);
  // The pull: 1,000 changes in the last hour (200 captures, 600 comments, 200 reactions).
  const fresh = captures(200, now - 3_000_000, 5_000, 2_000_000);
  await db.transaction('rw', [db.captures, db.syncMeta, db.comments, db.reactions], async () => {
    await db.captures.bulkPut(fresh.rows);
    await db.syncMeta.bulkPut(fresh.metas);
    await db.comments.bulkPut(comments(600, [...fresh.rows, ...hist.rows.slice(-200)], now - 2_900_000, 3_000));
    await db.reactions.bulkPut(reactions(200, fresh.rows, now - 2_000_000));
  });
  const times: number[] = [];
  let count = 0;
  await unreadCount(db, now); // warm-up (JIT), not recorded
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    count = await unreadCount(db, now);
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / RUNS;
  db.close();
  await db.delete();
  const p95 = round(percentile(times, 95), 1);
  log(`whats-new: unread ${count}, p50 ${round(percentile(times, 50), 1)} ms, p95 ${p95} ms, CPU ${round(cpuMs, 1)} ms per count over ${RUNS} runs`);
  const figs: Figure[] = [
    { name: 'whats-new', value: p95, unit: 'ms', goal: `<= ${GOAL_MS}`, note: `p95 of ${RUNS} badge counts (unreadCount) after a pull of ${CHANGES} changes (200 captures, 600 comments, 200 reactions) over a history of ${HISTORY} captures and ${HISTORY} comments in 2 teams; fake-indexeddb in Node` },
    { name: 'whats-new.p50', value: round(percentile(times, 50), 1), unit: 'ms', goal: 'info' },
    { name: 'whats-new.cpu', value: round(cpuMs, 1), unit: 'ms', goal: 'info', note: 'process CPU time per count (user + system), less sensitive to a busy machine than wall time' },
    { name: 'whats-new.unread', value: count, unit: 'count', goal: 'info', note: 'the count itself (sanity check)' },
  ];
  figs.forEach(emit);
  return figs;
}
