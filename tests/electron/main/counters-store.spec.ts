import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
        { steps: ['hang-up'], documents: [] },
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
  });

  it('sets a damaged file aside under a dated name, keeps it, and says so', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 9, 5));
    const good = JSON.stringify([{ date: '2026-11-21', visits: 300 }]);
    // One flipped byte: no longer JSON.
    writeFileSync(join(dir(), 'counters.json'), good.replace('[', '{'));
    const log = vi.fn();
    const c = new CountersStore(dir(), { steps: ['hang-up'], documents: [] }, log, () => now);
    expect(c.all()).toEqual([]);
    expect(c.setAside()).toBe('counters.damaged-2026-11-22T09-05-00.json');
    expect(readFileSync(join(dir(), c.setAside()!), 'utf8')).toBe(good.replace('[', '{'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('set aside'));
    // The next count starts a new file; the damaged one stays where it was put.
    c.add({ type: 'printed' });
    expect(readdirSync(dir()).sort()).toEqual([
      'counters.damaged-2026-11-22T09-05-00.json',
      'counters.json',
    ]);
    // A file of the wrong shape is set aside too, not overwritten.
    writeFileSync(join(dir(), 'counters.json'), '{"days": 3}');
    expect(
      new CountersStore(
        dir(),
        { steps: ['hang-up'], documents: [] },
        () => {},
        () => new Date(),
      ).setAside(),
    ).toMatch(/^counters\.damaged-/);
  });
});
