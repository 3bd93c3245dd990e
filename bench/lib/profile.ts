/** The subset of a CDP `Profiler.Profile` the benchmarks read. Times are in microseconds. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** What one CPU profile says about time spent in code from a URL prefix. All times in milliseconds. */
export interface ProfileSummary {
  /** Self time of nodes whose callFrame.url starts with the prefix. */
  selfMs: number;
  /** Time of samples with such a frame anywhere on the stack (includes native/other callees). */
  inclusiveMs: number;
  /** Longest run of consecutive samples with such a frame on the stack (GC samples inside a run count). */
  longestStretchMs: number;
  /** Time of all samples except "(idle)": the main thread's busy time as the profiler saw it. */
  busyMs: number;
  /** Profile nodes whose url starts with the prefix (0 means the code never showed up). */
  matchingNodes: number;
  /** Number of samples and the profile's wall time. */
  samples: number;
  /** Samples with such a frame anywhere on the stack. */
  satchelSamples: number;
  wallMs: number;
  /** Self ms per function "name (file)" of the prefix. */
  selfByFn: Map<string, number>;
  /** Inclusive ms per function of the prefix (each function counted once per sample). */
  inclByFn: Map<string, number>;
  /** Ms of samples whose leaf is NOT the prefix's code but that have the prefix's code below it, per leaf name (native callees, GC…). */
  calleesByFn: Map<string, number>;
}

/**
 * Attributes a CDP CPU profile to code whose script URL starts with `urlPrefix` (e.g. "chrome-extension://").
 * Sample i lasts from its timestamp to the next one (as in DevTools); the last one ends at endTime.
 */
export function summarizeProfile(p: CpuProfile, urlPrefix: string): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<number, boolean>();
  const onStack = new Map<number, boolean>();
  const isOwn = (id: number): boolean => {
    let v = own.get(id);
    if (v === undefined) { v = (byId.get(id)?.callFrame.url ?? '').startsWith(urlPrefix); own.set(id, v); }
    return v;
  };
  const hasOwnOnStack = (id: number): boolean => {
    const cached = onStack.get(id);
    if (cached !== undefined) return cached;
    const up = parent.get(id);
    const v = isOwn(id) || (up !== undefined && hasOwnOnStack(up));
    onStack.set(id, v);
    return v;
  };
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  const ts: number[] = [];
  let t = p.startTime;
  for (let i = 0; i < samples.length; i++) { t += deltas[i] ?? 0; ts.push(t); }
  let ownSamples = 0, selfUs = 0, inclUs = 0, busyUs = 0, longestUs = 0, runStart = -1, runEnd = -1;
  const selfBy = new Map<number, number>();
  const label = (id: number): string => {
    const cf = byId.get(id)!.callFrame;
    return `${cf.functionName || '(anonymous)'} (${cf.url.replace(/^chrome-extension:\/\/[a-p]+\//, '')})`;
  };
  const inclBy = new Map<string, number>();
  const callees = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    const dur = Math.max(0, (i + 1 < ts.length ? ts[i + 1]! : p.endTime) - ts[i]!);
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (name !== '(idle)') busyUs += dur;
    if (isOwn(id)) { selfUs += dur; selfBy.set(id, (selfBy.get(id) ?? 0) + dur); }
    const mine = hasOwnOnStack(id);
    if (mine) {
      ownSamples++;
      inclUs += dur;
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (isOwn(n)) seen.add(label(n));
      for (const k of seen) inclBy.set(k, (inclBy.get(k) ?? 0) + dur);
      if (!isOwn(id)) {
        const cf = byId.get(id)!.callFrame;
        const k = `${cf.functionName || '(anonymous)'} (${cf.url || 'native'})`;
        callees.set(k, (callees.get(k) ?? 0) + dur / 1000);
      }
    }
    if (mine || (runStart >= 0 && name === '(garbage collector)')) {
      if (runStart < 0) runStart = ts[i]!;
      if (mine) runEnd = ts[i]! + dur;
    } else if (runStart >= 0) {
      longestUs = Math.max(longestUs, runEnd - runStart);
      runStart = -1;
    }
  }
  if (runStart >= 0) longestUs = Math.max(longestUs, runEnd - runStart);
  const agg = new Map<string, number>();
  for (const [id, us] of selfBy) agg.set(label(id), (agg.get(label(id)) ?? 0) + us / 1000);
  for (const [k, us] of inclBy) inclBy.set(k, us / 1000);
  return {
    selfMs: selfUs / 1000, inclusiveMs: inclUs / 1000, longestStretchMs: longestUs / 1000, busyMs: busyUs / 1000,
    matchingNodes: p.nodes.filter((n) => isOwn(n.id)).length, samples: samples.length, satchelSamples: ownSamples,
    wallMs: (p.endTime - p.startTime) / 1000, selfByFn: agg, inclByFn: inclBy, calleesByFn: callees,
  };
}

/** Adds `b` into `a` (sums times and counts, max of the longest stretch and node count). Returns `a`. */
export function mergeSummary(a: ProfileSummary, b: ProfileSummary): ProfileSummary {
  a.selfMs += b.selfMs;
  a.inclusiveMs += b.inclusiveMs;
  a.busyMs += b.busyMs;
  a.samples += b.samples;
  a.satchelSamples += b.satchelSamples;
  a.wallMs += b.wallMs;
  a.longestStretchMs = Math.max(a.longestStretchMs, b.longestStretchMs);
  a.matchingNodes = Math.max(a.matchingNodes, b.matchingNodes);
  for (const [k, v] of b.selfByFn) a.selfByFn.set(k, (a.selfByFn.get(k) ?? 0) + v);
  for (const [k, v] of b.inclByFn) a.inclByFn.set(k, (a.inclByFn.get(k) ?? 0) + v);
  for (const [k, v] of b.calleesByFn) a.calleesByFn.set(k, (a.calleesByFn.get(k) ?? 0) + v);
  return a;
}

/** An empty summary to merge into. */
export function emptySummary(): ProfileSummary {
  return { selfMs: 0, inclusiveMs: 0, longestStretchMs: 0, busyMs: 0, matchingNodes: 0, samples: 0, satchelSamples: 0, wallMs: 0, selfByFn: new Map(), inclByFn: new Map(), calleesByFn: new Map() };
}

/** The `n` largest entries of a per-function ms map, as "name (file) 12.3". */
export function topFunctions(m: Map<string, number>, n = 8): string[] {
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${k} ${ms.toFixed(1)}`);
}
