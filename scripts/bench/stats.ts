/** Summaries of `npm run bench`'s samples: pure, so that they are unit-tested. */

export interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest sample that at least p % of the
 * samples are at or below. With few samples the p95 is the largest or next to largest, which is
 * what a budget on the slow touches wants.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} is not in (0, 100]`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
  };
}

/** Samples grouped by a label (the kind of screen a touch led to), in first-seen order. */
export function groupBy<T>(items: readonly T[], label: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = label(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A time as the bench prints it: one decimal, in milliseconds. */
export const ms = (x: number): string => `${x.toFixed(1)} ms`;
