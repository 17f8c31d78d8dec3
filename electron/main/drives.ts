import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { basename } from 'node:path';
import type { RemovableDrive } from '../../core/kiosk/kiosk-api';
import type { LogFn } from './log';

/*
 * The removable drives (USB sticks) staff can export the counters to, with no desktop dialog.
 * Main lists them itself and writes only to a drive on its own current list: the page names a
 * drive from the list, never a path of its choosing.
 */

/** How long PowerShell may take to list Windows' drives before the list is taken as empty. */
export const WINDOWS_LIST_TIMEOUT_MS = 10_000;

/** Free space of a folder's file system, or null if it cannot be read. */
export type FreeSpace = (path: string) => number | null;

export const statfsFree: FreeSpace = (path) => {
  try {
    const s = fs.statfsSync(path);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
};

/** A mount point as /proc/mounts writes it: space, tab, newline and backslash as octal escapes. */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export interface LinuxDriveSources {
  /** The text of /proc/mounts, or null if it could not be read. */
  readonly mounts: string | null;
  /** `/` on a kiosk; a temporary folder in tests. */
  readonly root: string;
  readonly free?: FreeSpace;
}

/**
 * Linux: the file systems mounted at /media/<user>/<label> or /run/media/<user>/<label>, where
 * udisks (GNOME, KDE, a cage session with udiskie) mounts a USB stick under the stick's label.
 * Only real mount points count: a folder left there after a stick was pulled is part of the
 * kiosk's own disk, and a file written there would never reach a stick.
 */
export function listLinuxDrives(src: LinuxDriveSources): RemovableDrive[] {
  if (src.mounts === null) return [];
  const root = src.root.replace(/\/+$/, '');
  const under = [`${root}/media/`, `${root}/run/media/`];
  const drives: RemovableDrive[] = [];
  const seen = new Set<string>();
  for (const line of src.mounts.split('\n')) {
    const fields = line.split(' ');
    if (fields.length < 4) continue;
    const mountPoint = unescapeMount(fields[1]!);
    const prefix = under.find((p) => mountPoint.startsWith(p));
    if (!prefix) continue;
    // <user>/<label>: exactly two parts, neither empty nor a way out.
    const parts = mountPoint.slice(prefix.length).split('/');
    if (parts.length !== 2 || parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    if (seen.has(mountPoint)) continue;
    try {
      if (!fs.statSync(mountPoint).isDirectory()) continue;
    } catch {
      continue;
    }
    seen.add(mountPoint);
    drives.push({
      path: mountPoint,
      label: basename(mountPoint),
      freeBytes: (src.free ?? statfsFree)(mountPoint),
      readOnly: fields[3]!.split(',').includes('ro'),
    });
  }
  return drives.sort((a, b) => a.label.localeCompare(b.label));
}

/** Runs a program and gives its standard output; rejects on failure or timeout. */
export type Runner = (file: string, args: readonly string[]) => Promise<string>;

export const execRunner: Runner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: WINDOWS_LIST_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });

/**
 * DriveType 2 is a removable disk: a USB stick or a card reader, never a fixed or network one.
 * PowerShell writes in the console's OEM code page unless told otherwise, which would garble a
 * Cyrillic volume label: UTF-8 first.
 */
export const WINDOWS_DRIVES_SCRIPT =
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
  'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | ' +
  'Select-Object DeviceID,VolumeName,FreeSpace,Size | ConvertTo-Json -Compress';

/**
 * Windows: the removable drive letters, from Win32_LogicalDisk through PowerShell. A drive with
 * no size has no medium in it (an empty card reader) and is left out.
 */
export async function listWindowsDrives(run: Runner, log: LogFn): Promise<RemovableDrive[]> {
  let out: string;
  try {
    out = await run('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      WINDOWS_DRIVES_SCRIPT,
    ]);
  } catch (err) {
    log(`drives: cannot list removable drives: ${(err as Error).message}`);
    return [];
  }
  let raw: unknown;
  try {
    // No removable drive at all: PowerShell prints nothing.
    raw = out.trim() === '' ? [] : JSON.parse(out);
  } catch {
    log('drives: PowerShell gave a drive list that is not JSON');
    return [];
  }
  const disks = (Array.isArray(raw) ? raw : [raw]) as unknown[];
  const drives: RemovableDrive[] = [];
  for (const d of disks) {
    if (typeof d !== 'object' || d === null) continue;
    const {
      DeviceID: id,
      VolumeName: name,
      FreeSpace: free,
      Size: size,
    } = d as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[A-Z]:$/.test(id)) continue;
    if (typeof size !== 'number' || size <= 0) continue;
    const volume = typeof name === 'string' ? name.trim() : '';
    drives.push({
      path: `${id}\\`,
      label: volume ? `${volume} (${id})` : id,
      freeBytes: typeof free === 'number' && free >= 0 ? free : null,
      readOnly: false,
    });
  }
  return drives;
}

export interface DriveListDeps {
  readonly platform: NodeJS.Platform;
  readonly log: LogFn;
  readonly run?: Runner;
  /** The root Linux's /media and /run/media are under: `/` unless a test says otherwise. */
  readonly root?: string;
  readonly readMounts?: () => string | null;
}

const readProcMounts = (): string | null => {
  try {
    return fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return null;
  }
};

/** The removable drives on this machine now; an empty list where none can be found. */
export async function listDrives(deps: DriveListDeps): Promise<RemovableDrive[]> {
  if (deps.platform === 'win32') return listWindowsDrives(deps.run ?? execRunner, deps.log);
  if (deps.platform === 'linux') {
    const mounts = (deps.readMounts ?? readProcMounts)();
    if (mounts === null) deps.log('drives: /proc/mounts cannot be read');
    return listLinuxDrives({ mounts, root: deps.root ?? '/' });
  }
  return [];
}
