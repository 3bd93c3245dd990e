// `npm run bench -- digest`: the team digest for one week through the server route
// (`GET /v1/teams/:teamId/digest`, in-process `app.request`: token check, SQL, buildDigest, JSON) on
// a team holding 10,000 captures and 50,000 comments and reactions (30,000 comments, 20,000
// reactions), on SQLite (a temp file) and PostgreSQL (TEST_DATABASE_URL, a fresh schema). The rows
// are seeded directly with SQL, spread over 10 weeks, so the measured week holds about 1,000 captures
// and 5,000 comments and reactions: a busy week. Goal (issue 11): ≤ 1 s on each store; the figure is
// the median of 7 requests after one warm-up, with the slowest as context.
import { uuidv7 } from 'uuidv7';
import { Digest } from '../lib/schema/digest';
import { draft, setup } from '../server/test/harness';
import type { Store } from '../server/src/db/open-store';
import { emit, log, percentile, round, type Figure } from './lib/figure';

export const GOAL_MS = 1000;
const CAPTURES = 10_000;
const COMMENTS = 30_000;
const REACTIONS = 20_000;
const WEEKS = 10;
const MEMBERS = 20;
const RUNS = 7;
const WEEK = 7 * 24 * 3600 * 1000;
/** Monday 2026-09-28 00:00 UTC: the first seeded week; the measured one is the last. */
const T0 = Date.UTC(2026, 8, 28);
const KINDS = ['useful', 'tried', 'thanks'] as const;

/** Inserts `rows` into `table` in batches small enough for either store's parameter limit. */
async function insertAll(store: Store, table: 'captures' | 'comments' | 'reactions', rows: Array<Record<string, unknown>>): Promise<void> {
  const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
  await store.write(async (tx) => {
    for (let i = 0; i < rows.length; i += per) await tx.insertInto(table).values(rows.slice(i, i + per) as never).execute();
  });
}

/** The team's rows: captures, then comments and reactions on them, at times spread evenly over the weeks. */
async function seed(store: Store, scopeId: string, users: string[]): Promise<void> {
  const span = WEEKS * WEEK;
  const at = (i: number, n: number) => T0 + Math.floor((i * span) / n);
  const ids: string[] = [];
  const captures = Array.from({ length: CAPTURES }, (_, i) => {
    const id = uuidv7();
    ids.push(id);
    const d = draft(`${1_000_000 + i}`, { text: `Post ${i}: ${'what we tried in the retro and why it worked. '.repeat(6)}` });
    const t = at(i, CAPTURES);
    return {
      id, scope_id: scopeId, owner_user_id: users[i % users.length]!, source_capture_id: null, platform: 'x', post_key: `x:${d.postId}`, captured_at: t, content_json: JSON.stringify(d),
      intent: i % 7 === 0 ? 'question' : 'tip', note: `Why it matters, ${i}`, note_version: 1, reflection: null, reviewed_at: null, archived_at: null, follow_up_json: null,
      version: i + 1, created_at: t, updated_at: t, completed_at: null, deleted_at: null, conversation_started_at: null, answer_comment_id: null,
    };
  });
  await insertAll(store, 'captures', captures);
  const comments = Array.from({ length: COMMENTS }, (_, i) => {
    const captureIndex = Math.min(CAPTURES - 1, Math.floor((i * CAPTURES) / COMMENTS) + (i % 3)); // after its capture, a few per capture
    return {
      id: uuidv7(), scope_id: scopeId, capture_id: ids[captureIndex]!, parent_id: null, author_user_id: users[(i * 7) % users.length]!, body: `Comment ${i}: we tried this too and it helped.`,
      mentions_json: '[]', version: CAPTURES + i + 1, created_at: at(i, COMMENTS), edited_at: null, deleted_at: null,
    };
  });
  await insertAll(store, 'comments', comments);
  const reactions = Array.from({ length: REACTIONS }, (_, i) => {
    const captureIndex = Math.min(CAPTURES - 1, Math.floor((i * CAPTURES) / REACTIONS));
    return {
      target_id: ids[captureIndex]!, user_id: users[i % users.length]!, kind: KINDS[Math.floor(i / users.length) % KINDS.length]!, target_kind: 'capture', capture_id: ids[captureIndex]!, scope_id: scopeId,
      present: 1, version: CAPTURES + COMMENTS + i + 1, created_at: at(i, REACTIONS),
    };
  });
  const keys = new Set<string>(); // one reaction per person per kind on a target (the primary key)
  await insertAll(store, 'reactions', reactions.filter((r) => !keys.has(`${r.target_id}|${r.user_id}|${r.kind}`) && !!keys.add(`${r.target_id}|${r.user_id}|${r.kind}`)));
  // Pin an answer on every question that has a comment, as markAnswered would.
  for (const c of comments.filter((_, i) => i % 10 === 0)) {
    await store.db.updateTable('captures').set({ answer_comment_id: c.id }).where('id', '=', c.capture_id).where('intent', '=', 'question').execute();
  }
}

interface Timing {
  median: number;
  max: number;
  /** captures shared in the range */
  items: number;
}

/** Median and slowest ms of the digest of the last seeded week, and of all ten weeks at once, on `kind`. */
async function measure(kind: 'sqlite' | 'postgres'): Promise<{ week: Timing; all: Timing }> {
  const e = await setup(kind);
  try {
    const owner = await e.api.signup('owner');
    const { teamId, scopeId } = await e.api.createTeam(owner, 'Bench guild');
    const users = [owner.userId];
    for (let i = 1; i < MEMBERS; i++) {
      const m = await e.api.signup(`member${i}`);
      await e.api.join(owner, teamId, m, i % 4 === 0 ? 'viewer' : 'editor');
      users.push(m.userId);
    }
    const s0 = performance.now();
    await seed(e.store, scopeId, users);
    log(`${kind}: seeded ${CAPTURES} captures, ${COMMENTS} comments, ${REACTIONS} reactions in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    const time = async (from: number, to: number) => {
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i <= RUNS; i++) {
        const t0 = performance.now();
        const r = await e.api.req('GET', `/v1/teams/${teamId}/digest?from=${from}&to=${to}`, { token: owner.token });
        const ms = performance.now() - t0;
        if (r.status !== 200) throw new Error(`digest ${r.status} ${JSON.stringify(r.body)}`);
        items = Digest.parse(r.body).totals.captures;
        if (i > 0) times.push(ms); // the first warms caches and the JIT
      }
      return { median: percentile(times, 50), max: Math.max(...times), items };
    };
    const last = T0 + (WEEKS - 1) * WEEK;
    return { week: await time(last, last + WEEK), all: await time(T0, T0 + WEEKS * WEEK) };
  } finally {
    await e.ts.cleanup();
  }
}

/** Both stores, one after the other. */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const { week, all } = await measure(kind);
    const note = `median of ${RUNS} requests after a warm-up; the week holds ${week.items} of ${CAPTURES} captures and ~${(COMMENTS + REACTIONS) / WEEKS} of ${COMMENTS + REACTIONS} comments and reactions`;
    figs.push({ name: `digest.${kind}`, value: round(week.median, 1), unit: 'ms', goal: `<= ${GOAL_MS}`, note });
    figs.push({ name: `digest.${kind}.max`, value: round(week.max, 1), unit: 'ms', goal: 'info', note: `slowest of ${RUNS}` });
    figs.push({ name: `digest.${kind}.all-weeks`, value: round(all.median, 1), unit: 'ms', goal: 'info', note: `all ${WEEKS} weeks at once: ${all.items} captures, ${COMMENTS + REACTIONS} comments and reactions; median of ${RUNS}` });
  }
  figs.forEach(emit);
  return figs;
}
