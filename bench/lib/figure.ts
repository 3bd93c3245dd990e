import { mkdirSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One measured figure, printed as one JSON line on stdout.
 *
 * `goal` is always a string: `"<= N"` / `">= N"` (N in the figure's own `unit`) when the figure has a
 * target, or `"info"` when it is context for another figure (see BENCHMARKS.md, "Output format").
 */
export interface Figure {
  /** `<benchmark>` for the headline figure, `<benchmark>.<detail>` for the others. */
  name: string;
  /** The measured value, in `unit`. `null` when it could not be measured (then `note` says why). */
  value: number | null;
  /** Unit of `value` and of the number in `goal`: "bytes", "ms", "ratio", "count". */
  unit: string;
  /** `"<= N"`, `">= N"` or `"info"`. */
  goal: string;
  /** Optional one-line explanation (how it was measured, or why it is null). */
  note?: string;
}

/** Directory for raw results (git-ignored: `bench/results/`). */
export const RESULTS_DIR = join(import.meta.dirname, '..', 'results');

/** True when `fig.value` meets `fig.goal`; null for "info" goals or missing values. */
export function meetsGoal(fig: Figure): boolean | null {
  const m = /^(<=|>=|<|>)\s*(-?[\d.]+)$/.exec(fig.goal.trim());
  if (!m || fig.value === null) return null;
  const n = Number(m[2]);
  switch (m[1]) {
    case '<=': return fig.value <= n;
    case '>=': return fig.value >= n;
    case '<': return fig.value < n;
    default: return fig.value > n;
  }
}

/** Prints one figure as a JSON line on stdout and appends it to `bench/results/figures.jsonl`. */
export function emit(fig: Figure): void {
  const line = JSON.stringify(fig);
  process.stdout.write(line + '\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  appendFileSync(join(RESULTS_DIR, 'figures.jsonl'), JSON.stringify({ ...fig, at: new Date().toISOString() }) + '\n');
}

/** Progress and diagnostics go to stderr so stdout stays one JSON line per figure. */
export function log(...parts: unknown[]): void {
  process.stderr.write(`[bench] ${parts.map(String).join(' ')}\n`);
}

/** Rounds to `digits` decimals (figures are printed rounded, raw data stays in bench/results/). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The p-th percentile (0..100) of `values`, nearest-rank method; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}
