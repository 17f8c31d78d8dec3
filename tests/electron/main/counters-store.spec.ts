import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
        () => ({ steps: ['hang-up'], documents: [] }),
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

  it('counts the steps of the content in use, and keeps those of other content', () => {
    const now = () => new Date(2026, 10, 21, 9);
    // A content pack adds "new-step"; the bundled content has only "hang-up".
    let ids = { steps: ['hang-up', 'new-step'], documents: ['pack-letter'] };
    const withPack = new CountersStore(
      dir(),
      () => ids,
      () => {},
      now,
    );
    withPack.add({
      type: 'visit',
      tally: { locale: 'kk', completed: true, marks: { 'new-step': 'done', 'hang-up': 'later' } },
    });
    withPack.add({ type: 'document-printed', document: 'pack-letter' });
    expect(withPack.all()[0]!.steps['new-step']).toEqual({ done: 1, later: 0, 'not-relevant': 0 });
    expect(withPack.all()[0]!.documents).toEqual({ 'pack-letter': 1 });

    // Staff roll back to the bundled content and the kiosk restarts: nothing counted is lost,
    // new marks of the pack's step are no longer counted, and the export has the bundled columns.
    ids = { steps: ['hang-up'], documents: [] };
    const bundled = new CountersStore(
      dir(),
      () => ids,
      () => {},
      now,
    );
    expect(bundled.all()[0]!.steps['new-step']).toEqual({ done: 1, later: 0, 'not-relevant': 0 });
    bundled.add({
      type: 'visit',
      tally: { locale: 'kk', completed: true, marks: { 'new-step': 'done' } },
    });
    expect(bundled.all()[0]!.steps['new-step']!.done).toBe(1);
    expect(bundled.all()[0]!.visits).toBe(2);
    const stick = join(dir(), 'stick');
    mkdirSync(stick);
    const header = ['date', 'v', 'c', 'p', 'd', 'f', 'kk', 'ru', 'en', 'h1', 'h2', 'h3'];
    const csv = readFileSync(join(stick, bundled.exportCsv(stick, 'K', header)), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('h3');
  });

  it('sets a damaged file aside under a dated name, keeps it, and says so', () => {
    const now = new Date(Date.UTC(2026, 10, 22, 9, 5));
    const good = JSON.stringify([{ date: '2026-11-21', visits: 300 }]);
    // One flipped byte: no longer JSON.
    writeFileSync(join(dir(), 'counters.json'), good.replace('[', '{'));
    const log = vi.fn();
    const c = new CountersStore(
      dir(),
      () => ({ steps: ['hang-up'], documents: [] }),
      log,
      () => now,
    );
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
        () => ({ steps: ['hang-up'], documents: [] }),
        () => {},
        () => new Date(),
      ).setAside(),
    ).toMatch(/^counters\.damaged-/);
  });
});
