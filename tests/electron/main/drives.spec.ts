import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  listDrives,
  listLinuxDrives,
  listWindowsDrives,
  WINDOWS_DRIVES_SCRIPT,
  type Runner,
} from '../../../electron/main/drives';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const root = useTempDir('kiosk-drives-');

/** A /proc/mounts line: device, mount point (octal escapes), type, options, 0 0. */
const mount = (point: string, options = 'rw,nosuid,nodev', type = 'vfat') =>
  `/dev/sdb1 ${point.replace(/ /g, '\\040')} ${type} ${options} 0 0`;

describe('removable drives on Linux', () => {
  it('lists the file systems mounted under /media/<user> and /run/media/<user>', () => {
    const r = root();
    for (const d of ['media/kiosk/KINGSTON', 'run/media/kiosk/MY STICK', 'media/kiosk/OLD'])
      mkdirSync(join(r, d), { recursive: true });
    const mounts = [
      '/dev/sda2 / ext4 rw,relatime 0 0',
      'proc /proc proc rw 0 0',
      mount(join(r, 'media/kiosk/KINGSTON')),
      mount(join(r, 'run/media/kiosk/MY STICK'), 'ro,nosuid'),
      // media/kiosk/OLD is a folder left behind, not mounted: it is the kiosk's own disk.
    ].join('\n');
    const free = vi.fn(() => 14_200_000_000);
    expect(listLinuxDrives({ mounts, root: r, free })).toEqual([
      {
        path: join(r, 'media/kiosk/KINGSTON'),
        label: 'KINGSTON',
        freeBytes: 14_200_000_000,
        readOnly: false,
      },
      {
        path: join(r, 'run/media/kiosk/MY STICK'),
        label: 'MY STICK',
        freeBytes: 14_200_000_000,
        readOnly: true,
      },
    ]);
  });

  it('reads the real free space of a drive, when it is not told', () => {
    const r = root();
    mkdirSync(join(r, 'media/kiosk/USB'), { recursive: true });
    const [drive] = listLinuxDrives({ mounts: mount(join(r, 'media/kiosk/USB')), root: r });
    expect(drive!.freeBytes).toBeGreaterThan(0);
  });

  it('leaves out the user folder itself, deeper mounts, a way out, and missing folders', () => {
    const r = root();
    mkdirSync(join(r, 'media/kiosk/A/deeper'), { recursive: true });
    const mounts = [
      mount(join(r, 'media/kiosk')),
      mount(join(r, 'media/kiosk/A/deeper')),
      mount(`${r}/media/kiosk/..`),
      mount(join(r, 'media/kiosk/GONE')),
      mount(join(r, 'mnt/kiosk/B')),
      'garbage',
      '',
    ].join('\n');
    expect(listLinuxDrives({ mounts, root: r, free: () => null })).toEqual([]);
  });

  it('finds none where /proc/mounts cannot be read, and says so', async () => {
    const log = vi.fn();
    expect(
      await listDrives({ platform: 'linux', log, root: root(), readMounts: () => null }),
    ).toEqual([]);
    expect(log).toHaveBeenCalledWith('drives: /proc/mounts cannot be read');
  });

  it('finds none on a system it does not know', async () => {
    expect(await listDrives({ platform: 'darwin', log: () => {} })).toEqual([]);
  });
});

describe('removable drives on Windows', () => {
  const runner = (out: string | Error) => {
    const run = vi.fn<Runner>(async () => {
      if (out instanceof Error) throw out;
      return out;
    });
    return run;
  };

  it('lists the removable drive letters (DriveType 2) PowerShell reports', async () => {
    const run = runner(
      JSON.stringify([
        { DeviceID: 'E:', VolumeName: 'KINGSTON', FreeSpace: 15_000_000_000, Size: 16e9 },
        { DeviceID: 'F:', VolumeName: null, FreeSpace: null, Size: 8e9 },
        // A card reader with no card in it.
        { DeviceID: 'G:', VolumeName: null, FreeSpace: null, Size: null },
        { DeviceID: '\\\\server\\share', VolumeName: 'x', FreeSpace: 1, Size: 1 },
      ]),
    );
    expect(await listDrives({ platform: 'win32', log: () => {}, run })).toEqual([
      { path: 'E:\\', label: 'KINGSTON (E:)', freeBytes: 15_000_000_000, readOnly: false },
      { path: 'F:\\', label: 'F:', freeBytes: null, readOnly: false },
    ]);
    expect(run).toHaveBeenCalledWith('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      WINDOWS_DRIVES_SCRIPT,
    ]);
    expect(WINDOWS_DRIVES_SCRIPT).toContain('DriveType=2');
    // Cyrillic labels arrive whole only if PowerShell writes UTF-8.
    expect(WINDOWS_DRIVES_SCRIPT).toMatch(
      /^\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8;/,
    );
  });

  it('reads a single drive, which PowerShell gives as an object rather than a list', async () => {
    const run = runner('{"DeviceID":"E:","VolumeName":"ФЛЕШКА","FreeSpace":1000,"Size":2000}\r\n');
    expect(await listWindowsDrives(run, () => {})).toEqual([
      { path: 'E:\\', label: 'ФЛЕШКА (E:)', freeBytes: 1000, readOnly: false },
    ]);
  });

  it('finds none when there is none, when PowerShell fails, or answers nonsense', async () => {
    const log = vi.fn();
    expect(await listWindowsDrives(runner(''), log)).toEqual([]);
    expect(await listWindowsDrives(runner(new Error('timed out')), log)).toEqual([]);
    expect(await listWindowsDrives(runner('Get-CimInstance : Access denied'), log)).toEqual([]);
    expect(await listWindowsDrives(runner('[1, "x", null]'), log)).toEqual([]);
    expect(log.mock.calls.flat()).toEqual([
      'drives: cannot list removable drives: timed out',
      'drives: PowerShell gave a drive list that is not JSON',
    ]);
  });
});
