import { describe, expect, it, vi } from 'vitest';
import { A4, cupsMedia, inches, microns, pageSizeFor } from '../../../../electron/main/print/paper';

vi.mock('electron', () => ({}));

describe('paper', () => {
  it('sizes A4 and a receipt within its bounds', () => {
    expect(pageSizeFor('a4')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(pageSizeFor('receipt-80', 20)).toEqual({ widthMm: 80, heightMm: 100 });
    expect(pageSizeFor('receipt-80', 99_999)).toEqual({ widthMm: 80, heightMm: 2500 });
    expect(inches(A4).width).toBeCloseTo(8.27, 2);
    expect(microns(pageSizeFor('receipt-80', 300))).toEqual({ width: 80_000, height: 300_000 });
    expect(cupsMedia('a4', A4)).toBe('A4');
  });
});
