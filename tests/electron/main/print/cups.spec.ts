import { describe, expect, it, vi } from 'vitest';
import { problemOf } from '../../../../electron/main/print/cups';

vi.mock('electron', () => ({}));

describe('printer problems', () => {
  it.each([
    [
      {
        'printer-state': [3],
        'printer-state-reasons': ['none'],
        'printer-is-accepting-jobs': [true],
      },
      null,
    ],
    [{ 'printer-state': [3], 'printer-state-reasons': ['toner-low-warning'] }, null],
    [{ 'printer-state': [5], 'printer-state-reasons': ['paused'] }, 'printer-stopped'],
    [{ 'printer-state': [3], 'printer-is-accepting-jobs': [false] }, 'printer-stopped'],
    [{ 'printer-state': [5], 'printer-state-reasons': ['media-empty-error'] }, 'paper-out'],
    [{ 'printer-state': [4], 'printer-state-reasons': ['media-needed'] }, 'paper-out'],
    [{ 'printer-state': [5], 'printer-state-reasons': ['media-jam-error'] }, 'paper-jam'],
    [{ 'printer-state': [3], 'printer-state-reasons': ['offline-report'] }, 'printer-offline'],
    [
      { 'printer-state': [3], 'printer-state-reasons': ['door-open-error'] },
      'printer-needs-attention',
    ],
  ] as const)('%j → %s', (attrs, problem) => {
    expect(problemOf(attrs as never)).toBe(problem);
  });
});
