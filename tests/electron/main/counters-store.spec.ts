import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CountersStore } from '../../../electron/main/counters-store';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-staff-');
afterEach(() => vi.useRealTimers());

describe('counters store', () => {
  it('keeps daily totals across restarts, and starts afresh from a damaged file', () => {
    let now = new Date(2026, 10, 21, 9);
    const make = () =>
      new CountersStore(
        dir(),
        ['hang-up'],
        () => {},
        () => now,
      );
    const a = make();
    a.add({ type: 'visit', tally: { locale: 'ru', completed: false, marks: {} } });
    now = new Date(2026, 10, 22, 9);
    a.add({ type: 'print-failed' });
    const b = make();
    expect(b.all().map((d) => [d.date, d.visits, d.printFailures])).toEqual([
      ['2026-11-22', 0, 1],
      ['2026-11-21', 1, 0],
    ]);
    writeFileSync(join(dir(), 'counters.json'), '{ broken');
    const log = vi.fn();
    const c = new CountersStore(dir(), ['hang-up'], log, () => now);
    expect(c.all()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('damaged'));
  });
});
