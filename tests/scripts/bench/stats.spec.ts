import { describe, expect, it } from 'vitest';
import { groupBy, median, ms, percentile, summarize } from '../../../scripts/bench/stats';

describe('percentile (nearest rank)', () => {
  const tenths = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

  it('takes the smallest sample with at least p % at or below it', () => {
    expect(percentile(tenths, 50)).toBe(5);
    expect(percentile(tenths, 90)).toBe(9);
    expect(percentile(tenths, 95)).toBe(10);
    expect(percentile(tenths, 100)).toBe(10);
    expect(percentile(tenths, 10)).toBe(1);
  });

  it('does not reorder the caller’s samples', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('of one sample is that sample', () => {
    expect(percentile([42], 95)).toBe(42);
    expect(median([42])).toBe(42);
  });

  it('refuses no samples and a percentile out of range', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/not in/);
    expect(() => percentile([1], 101)).toThrow(/not in/);
  });
});

describe('summarize', () => {
  it('gives the count, p50, p95 and the largest', () => {
    const xs = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(summarize(xs)).toEqual({ n: 40, p50: 20, p95: 38, max: 40 });
  });
});

describe('groupBy', () => {
  it('groups by label in the order labels are first seen', () => {
    const touches = [
      { screen: 'step', t: 1 },
      { screen: 'summary', t: 2 },
      { screen: 'step', t: 3 },
    ];
    const groups = groupBy(touches, (x) => x.screen);
    expect([...groups.keys()]).toEqual(['step', 'summary']);
    expect(groups.get('step')!.map((x) => x.t)).toEqual([1, 3]);
  });
});

describe('ms', () => {
  it('prints one decimal', () => {
    expect(ms(16.66)).toBe('16.7 ms');
  });
});
