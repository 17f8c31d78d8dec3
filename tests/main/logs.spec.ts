import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeLog from 'electron-log/node';
import type { NodeLogger } from 'electron-log';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  configureLogger,
  KEPT_LOG_FILES,
  LOG_FILE_NAME,
  MAX_LOG_BYTES,
  redact,
  rotateLogFiles,
} from '../../electron/main/log';
import {
  CRASH_DUMP_DIR,
  pruneCrashDumps,
  startLocalCrashDumps,
} from '../../electron/main/crash-dumps';

vi.mock('electron', () => ({}));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'kiosk-logs-')));

describe('log rotation', () => {
  it('shifts numbered files up and drops the oldest', () => {
    fresh();
    const file = join(dir, 'main.log');
    for (let round = 1; round <= 4; round += 1) {
      writeFileSync(file, `round ${round}`);
      rotateLogFiles(file, 3);
    }
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('round 4');
    expect(readFileSync(join(dir, 'main.3.log'), 'utf8')).toBe('round 2');
  });

  it('keeps the log in the given folder, rotated at its size limit, through electron-log', () => {
    fresh();
    const base = nodeLog.create({ logId: `rotation-${Date.now()}` }) as NodeLogger;
    base.transports.console.level = false;
    const logger = configureLogger(base, dir, false);
    base.transports.console.level = false;
    const line = 'x'.repeat(1000);
    // Enough for more rotations than are kept.
    const lines = Math.ceil(MAX_LOG_BYTES / 1000) * (KEPT_LOG_FILES + 2);
    for (let i = 0; i < lines; i += 1) logger.info(`${i} ${line}`);
    const files = readdirSync(dir).sort();
    expect(files).toContain(LOG_FILE_NAME);
    expect(files).toHaveLength(KEPT_LOG_FILES + 1);
    for (const f of files)
      expect(readFileSync(join(dir, f)).length).toBeLessThan(MAX_LOG_BYTES + 2000);
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toMatch(/\[info\]\s+\d+ x{1000}/);
  });

  it('masks long numbers before they are written, and keeps short ones', () => {
    expect(redact('call +7 701 234 56 78 now')).toBe('call [number] now');
    expect(redact('IIN 900101300123, card 4400 4301 2345 6789')).toBe(
      'IIN [number], card [number]',
    );
    expect(redact('print: job 42 of printer Lobby-2 done in 1500 ms')).toBe(
      'print: job 42 of printer Lobby-2 done in 1500 ms',
    );
    fresh();
    const base = nodeLog.create({ logId: `redact-${Date.now()}` }) as NodeLogger;
    const logger = configureLogger(base, dir, false);
    base.transports.console.level = false;
    logger.warn('print: cups said 87012345678 is not a printer');
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toMatch(/\[warn\]\s+print: cups said \[number\] is not a printer/);
    expect(text).not.toContain('87012345678');
  });
});

describe('crash dumps', () => {
  it('are written under the data folder and never uploaded', () => {
    fresh();
    const paths: Record<string, string> = { userData: dir };
    const app = {
      getPath: (n: string) => paths[n]!,
      setPath: vi.fn((n: string, p: string) => (paths[n] = p)),
    };
    const crashReporter = { start: vi.fn() };
    const at = startLocalCrashDumps(app as never, crashReporter, () => {});
    expect(at).toBe(join(dir, CRASH_DUMP_DIR));
    expect(app.setPath).toHaveBeenCalledWith('crashDumps', join(dir, CRASH_DUMP_DIR));
    expect(crashReporter.start).toHaveBeenCalledWith(
      expect.objectContaining({ uploadToServer: false }),
    );
    expect(crashReporter.start.mock.calls[0]![0]).not.toHaveProperty('submitURL');
  });

  it('keep only the newest dumps', () => {
    fresh();
    mkdirSync(join(dir, 'completed'), { recursive: true });
    for (let i = 0; i < 5; i += 1) {
      const f = join(dir, 'completed', `dump-${i}.dmp`);
      writeFileSync(f, 'MDMP');
      utimesSync(f, 1_700_000_000 + i, 1_700_000_000 + i);
    }
    writeFileSync(join(dir, 'settings.dat'), 'not a dump');
    expect(pruneCrashDumps(dir, 2)).toBe(3);
    expect(readdirSync(join(dir, 'completed')).sort()).toEqual(['dump-3.dmp', 'dump-4.dmp']);
    expect(readdirSync(dir)).toContain('settings.dat');
    expect(pruneCrashDumps(join(dir, 'missing'), 2)).toBe(0);
  });
});
