import { describe, expect, it } from 'vitest';
import { NO_PRINTS, normalizePrintHistory, recordPrint } from '../../../core/kiosk/print-history';

describe('print history', () => {
  it('records the last success and the last failure apart', () => {
    const t1 = new Date('2026-11-25T08:00:00Z');
    const t2 = new Date('2026-11-25T09:00:00Z');
    const ok = recordPrint(NO_PRINTS, { ok: true, confirmed: false }, t1);
    expect(ok).toEqual({ lastSuccess: t1.toISOString(), lastFailure: null });
    const failed = recordPrint(ok, { ok: false, problem: 'paper-out' }, t2);
    expect(failed).toEqual({
      lastSuccess: t1.toISOString(),
      lastFailure: { at: t2.toISOString(), problem: 'paper-out' },
    });
  });

  it('forgets each stored field that is not what it should be', () => {
    expect(normalizePrintHistory('nonsense')).toEqual(NO_PRINTS);
    expect(
      normalizePrintHistory({
        lastSuccess: 'not a date',
        lastFailure: { at: '2026-11-25T09:00:00Z', problem: 'on fire' },
      }),
    ).toEqual(NO_PRINTS);
    expect(
      normalizePrintHistory({
        lastSuccess: '2026-11-25T08:00:00.000Z',
        lastFailure: { at: '2026-11-25T09:00:00Z', problem: 'paper-jam', visitor: 'x' },
        extra: 1,
      }),
    ).toEqual({
      lastSuccess: '2026-11-25T08:00:00.000Z',
      lastFailure: { at: '2026-11-25T09:00:00Z', problem: 'paper-jam' },
    });
  });
});
