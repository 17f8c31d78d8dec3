import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PRINT_HISTORY_FILE_NAME,
  PrintHistoryStore,
} from '../../../../electron/main/print/print-history';
import { useTempDir } from '../fakes';

const dir = useTempDir('kiosk-prints-');

describe('PrintHistoryStore', () => {
  it('keeps the last good print and the last failure across a restart', () => {
    let now = new Date('2026-11-25T08:00:00Z');
    const store = new PrintHistoryStore(
      dir(),
      () => {},
      () => now,
    );
    expect(store.current()).toEqual({ lastSuccess: null, lastFailure: null });
    store.record({ ok: true, confirmed: true });
    now = new Date('2026-11-25T09:00:00Z');
    store.record({ ok: false, problem: 'paper-out' });
    const again = new PrintHistoryStore(dir(), () => {});
    expect(again.current()).toEqual({
      lastSuccess: '2026-11-25T08:00:00.000Z',
      lastFailure: { at: '2026-11-25T09:00:00.000Z', problem: 'paper-out' },
    });
  });

  it('starts afresh from a damaged file, and says so', () => {
    writeFileSync(join(dir(), PRINT_HISTORY_FILE_NAME), '{ broken');
    const logged: string[] = [];
    const store = new PrintHistoryStore(dir(), (m) => logged.push(m));
    expect(store.current()).toEqual({ lastSuccess: null, lastFailure: null });
    expect(logged.join('\n')).toMatch(/damaged/);
    store.record({ ok: true, confirmed: false });
    expect(JSON.parse(readFileSync(join(dir(), PRINT_HISTORY_FILE_NAME), 'utf8'))).toMatchObject({
      lastFailure: null,
    });
  });

  it('never fails a print it cannot record, and says so', () => {
    // A file where the data folder should be: every write fails, as on a read-only disk.
    const notAFolder = join(dir(), 'not-a-folder');
    writeFileSync(notAFolder, '');
    const logged: string[] = [];
    const store = new PrintHistoryStore(notAFolder, (m) => logged.push(m));
    expect(() => store.record({ ok: true, confirmed: true })).not.toThrow();
    expect(logged.join('\n')).toMatch(/could not save the print history/);
    expect(store.current().lastSuccess).not.toBeNull();
  });
});
