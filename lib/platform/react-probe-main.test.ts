/**
 * The MAIN-world React props probe (issue 9) on jsdom elements carrying React-shaped expandos
 * (`__reactFiber$…`, `__reactProps$…`) as React 18/19 attach them. The real thing runs in Chromium
 * against a React-rendered demo card (tests/e2e).
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { readReactPostUrn } from './react-probe-main';

const PROBE = 'probe_1234567890';
type Fiber = { stateNode: unknown; memoizedProps: unknown; return: Fiber | null; child: Fiber | null; sibling: Fiber | null };
const fiber = (stateNode: unknown, props: unknown, ret: Fiber | null = null): Fiber => ({ stateNode, memoizedProps: props, return: ret, child: null, sibling: null });

/** Builds: feed host <div> ← List component (all posts' URNs) ← Card component ({ update }) ← card <div> ← button. */
function page(opts: { listHoldsOthers: boolean; cardUrn?: string; buttonProps?: Record<string, unknown> }) {
  document.body.innerHTML = '<div id="feed"><div id="card"><span><button id="btn">Like</button></span></div><div id="other"></div></div>';
  const feed = document.getElementById('feed')!;
  const card = document.getElementById('card')!;
  const btn = document.getElementById('btn')!;
  const feedF = fiber(feed, {});
  const listF = fiber(null, { updates: ['urn:li:activity:7000000000000000001', 'urn:li:activity:7000000000000000002'] }, feedF);
  const cardCompF = fiber(null, opts.cardUrn ? { update: { urn: opts.cardUrn } } : {}, listF);
  const cardF = fiber(card, {}, cardCompF);
  cardCompF.child = cardF;
  const otherF = fiber(document.getElementById('other'), {}, listF);
  listF.child = cardCompF;
  if (opts.listHoldsOthers) cardCompF.sibling = otherF; // the list renders two posts
  const btnF = fiber(btn, opts.buttonProps ?? {}, cardF);
  Object.assign(card, { '__reactFiber$abc': cardF, '__reactProps$abc': {} });
  Object.assign(btn, { '__reactFiber$abc': btnF, '__reactProps$abc': { ...(opts.buttonProps ?? {}), onClick: () => {} } });
  card.setAttribute('data-satchel-probe', PROBE);
  return card;
}

describe('readReactPostUrn', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it("finds the URN in the card component's props", () => {
    page({ listHoldsOthers: true, cardUrn: 'urn:li:activity:7453849345784098669' });
    expect(readReactPostUrn(PROBE)).toBe('urn:li:activity:7453849345784098669');
  });

  it("finds it in a descendant's props (reactionsCount-urn:li:activity:<id>)", () => {
    page({ listHoldsOthers: true, buttonProps: { trackingKey: 'reactionsCount-urn:li:activity:7453849345784098669' } });
    expect(readReactPostUrn(PROBE)).toBe('urn:li:activity:7453849345784098669');
  });

  it('never reads the list component that renders other posts too', () => {
    page({ listHoldsOthers: true });
    expect(readReactPostUrn(PROBE)).toBeNull();
  });

  it('prefers an activity URN over ugcPost/share, and decodes URL-encoded URNs', () => {
    page({ listHoldsOthers: true, buttonProps: { a: 'urn%3Ali%3AugcPost%3A7455450864165221320', b: { deep: ['urn:li:activity:7455450864165221999'] } } });
    expect(readReactPostUrn(PROBE)).toBe('urn:li:activity:7455450864165221999');
    page({ listHoldsOthers: true, buttonProps: { a: 'urn%3Ali%3AugcPost%3A7455450864165221320' } });
    expect(readReactPostUrn(PROBE)).toBe('urn:li:ugcPost:7455450864165221320');
  });

  it('returns null for a missing mark, a malformed probe, or a page without React', () => {
    expect(readReactPostUrn(PROBE)).toBeNull();
    expect(readReactPostUrn('"] , body [x="')).toBeNull();
    document.body.innerHTML = `<div data-satchel-probe="${PROBE}"><button>Like</button></div>`;
    expect(readReactPostUrn(PROBE)).toBeNull();
  });

  it('survives cyclic props and getters that throw', () => {
    const card = page({ listHoldsOthers: true });
    const cyclic: Record<string, unknown> = { k: 'urn:li:activity:7453849345784098669' };
    cyclic.self = cyclic;
    Object.defineProperty(cyclic, 'boom', { enumerable: true, get: () => { throw new Error('no'); } });
    Object.assign(card, { '__reactProps$abc': { data: cyclic } });
    expect(readReactPostUrn(PROBE)).toBe('urn:li:activity:7453849345784098669');
  });
});
