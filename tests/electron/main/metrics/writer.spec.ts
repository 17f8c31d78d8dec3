import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FileOps } from '../../../../electron/main/data-file';
import {
  METRICS_FILE_MODE,
  METRICS_INTERVAL_MS,
  MetricsWriter,
} from '../../../../electron/main/metrics/writer';
import { useTempDir } from '../fakes';

const dir = useTempDir('kiosk-metrics-');

/** A timer the test fires by hand. */
function manualTimer() {
  let fn: (() => void) | null = null;
  let ms = 0;
  return {
    setInterval: (f: () => void, every: number) => {
      fn = f;
      ms = every;
      return 'timer';
    },
    clearInterval: vi.fn(),
    fire: () => fn?.(),
    every: () => ms,
  };
}

function failingOps(code: string, at: keyof FileOps = 'renameSync'): FileOps {
  return {
    ...fs,
    [at]: () => {
      throw Object.assign(new Error(`${code}: refused`), { code });
    },
  } as FileOps;
}

describe('the metrics writer', () => {
  it('writes the text to the file, readable by node_exporter’s user, leaving no temporary file', () => {
    const file = join(dir(), 'citizensec-kiosk.prom');
    const w = new MetricsWriter({ file, render: () => 'citizensec_kiosk_up 1\n', log: vi.fn() });
    expect(w.write()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('citizensec_kiosk_up 1\n');
    // Under the usual umask (022, systemd's default) the file is world-readable, not writable.
    expect(fs.statSync(file).mode & 0o777).toBe(METRICS_FILE_MODE & ~process.umask());
    expect(fs.readdirSync(dir())).toEqual(['citizensec-kiosk.prom']);
  });

  it('replaces the file by a rename in the same folder, from a name the collector ignores', () => {
    const file = join(dir(), 'citizensec-kiosk.prom');
    fs.writeFileSync(file, 'old\n');
    const renames: [string, string][] = [];
    const ops: FileOps = {
      ...fs,
      renameSync: (from, to) => {
        // Up to the rename, a scrape still reads the whole old file.
        expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
        renames.push([String(from), String(to)]);
        fs.renameSync(from, to);
      },
    };
    new MetricsWriter({ file, render: () => 'new\n', log: vi.fn(), ops }).write();
    expect(renames).toHaveLength(1);
    const [from, to] = renames[0]!;
    expect(to).toBe(file);
    expect(join(from, '..')).toBe(dir());
    expect(from.endsWith('.prom')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('survives a failing write, keeps the old file, and logs each kind of failure once', () => {
    const file = join(dir(), 'citizensec-kiosk.prom');
    fs.writeFileSync(file, 'old\n');
    const log = vi.fn();
    let ops = failingOps('EACCES');
    const w = new MetricsWriter({
      file,
      render: () => 'new\n',
      log,
      ops: new Proxy({} as FileOps, { get: (_t, k) => ops[k as keyof FileOps] }),
    });
    expect(w.write()).toBe(false);
    expect(w.write()).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/cannot write .*citizensec-kiosk\.prom \(EACCES\)/);
    ops = failingOps('ENOSPC', 'writeSync');
    expect(w.write()).toBe(false);
    expect(w.write()).toBe(false);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[1]![0]).toMatch(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir())).toEqual(['citizensec-kiosk.prom']);
    // Working again is said once, and a later failure of a kind seen before is said again.
    ops = fs;
    expect(w.write()).toBe(true);
    expect(log.mock.calls[2]![0]).toMatch(/writing .* again/);
    ops = failingOps('EACCES');
    w.write();
    expect(log).toHaveBeenCalledTimes(4);
  });

  it('never throws when the folder cannot exist, nor when the text cannot be made', () => {
    fs.writeFileSync(join(dir(), 'a-file'), '');
    const log = vi.fn();
    const w = new MetricsWriter({
      file: join(dir(), 'a-file', 'kiosk.prom'),
      render: () => '',
      log,
    });
    expect(w.write()).toBe(false);
    expect(log.mock.calls[0]![0]).toMatch(/ENOTDIR|EEXIST/);
    const broken = new MetricsWriter({
      file: join(dir(), 'kiosk.prom'),
      render: () => {
        throw new Error('no snapshot');
      },
      log,
    });
    expect(broken.write()).toBe(false);
    expect(log.mock.calls.at(-1)![0]).toBe('metrics: cannot render: no snapshot');
  });

  it('writes at start and every minute after the minute’s check, and a last time at stop', () => {
    const file = join(dir(), 'citizensec-kiosk.prom');
    const timer = manualTimer();
    let n = 0;
    const tick = vi.fn();
    const w = new MetricsWriter({
      file,
      render: () => `citizensec_kiosk_heartbeat_timestamp_seconds ${++n}\n`,
      log: vi.fn(),
      tick,
      ...timer,
    });
    w.start();
    expect(timer.every()).toBe(METRICS_INTERVAL_MS);
    expect(fs.readFileSync(file, 'utf8')).toContain(' 1\n');
    timer.fire();
    expect(tick).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toContain(' 2\n');
    w.stop(true);
    expect(timer.clearInterval).toHaveBeenCalledWith('timer');
    expect(fs.readFileSync(file, 'utf8')).toContain(' 3\n');
  });

  it('keeps writing each minute when the minute’s check throws', () => {
    const file = join(dir(), 'citizensec-kiosk.prom');
    const timer = manualTimer();
    const log = vi.fn();
    const w = new MetricsWriter({
      file,
      render: () => 'x 1\n',
      log,
      tick: () => {
        throw new Error('CUPS gone');
      },
      ...timer,
    });
    w.start();
    fs.rmSync(file);
    timer.fire();
    timer.fire();
    expect(fs.existsSync(file)).toBe(true);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('removes its own half-written files at start, and nobody else’s', () => {
    const file = join(dir(), 'citizensec-kiosk.prom');
    for (const name of ['citizensec-kiosk.prom.4242.tmp', 'other.prom.17.tmp', 'node.prom'])
      fs.writeFileSync(join(dir(), name), '');
    const timer = manualTimer();
    new MetricsWriter({ file, render: () => 'x 1\n', log: vi.fn(), ...timer }).start();
    expect(fs.readdirSync(dir()).sort()).toEqual([
      'citizensec-kiosk.prom',
      'node.prom',
      'other.prom.17.tmp',
    ]);
  });
});
