import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CRASH_DUMP_DIR,
  pruneCrashDumps,
  startLocalCrashDumps,
} from '../../../electron/main/crash-dumps';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-logs-');

describe('crash dumps', () => {
  it('are written under the data folder and never uploaded', () => {
    const paths: Record<string, string> = { userData: dir() };
    const app = {
      getPath: (n: string) => paths[n]!,
      setPath: vi.fn((n: string, p: string) => (paths[n] = p)),
    };
    const crashReporter = { start: vi.fn() };
    const at = startLocalCrashDumps(app as never, crashReporter, () => {});
    expect(at).toBe(join(dir(), CRASH_DUMP_DIR));
    expect(app.setPath).toHaveBeenCalledWith('crashDumps', join(dir(), CRASH_DUMP_DIR));
    expect(crashReporter.start).toHaveBeenCalledWith(
      expect.objectContaining({ uploadToServer: false }),
    );
    expect(crashReporter.start.mock.calls[0]![0]).not.toHaveProperty('submitURL');
  });

  it('keep only the newest dumps', () => {
    mkdirSync(join(dir(), 'completed'), { recursive: true });
    for (let i = 0; i < 5; i += 1) {
      const f = join(dir(), 'completed', `dump-${i}.dmp`);
      writeFileSync(f, 'MDMP');
      utimesSync(f, 1_700_000_000 + i, 1_700_000_000 + i);
    }
    writeFileSync(join(dir(), 'settings.dat'), 'not a dump');
    expect(pruneCrashDumps(dir(), 2)).toBe(3);
    expect(readdirSync(join(dir(), 'completed')).sort()).toEqual(['dump-3.dmp', 'dump-4.dmp']);
    expect(readdirSync(dir())).toContain('settings.dat');
    expect(pruneCrashDumps(join(dir(), 'missing'), 2)).toBe(0);
  });
});
