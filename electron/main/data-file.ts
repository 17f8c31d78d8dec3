import * as fs from 'node:fs';
import { dirname, join } from 'node:path';

/** A JSON file as read: not there, unreadable or not JSON (with why), or its parsed value. */
export type JsonRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'broken'; readonly why: string }
  | { readonly kind: 'ok'; readonly raw: unknown };

/** Reads a JSON file main keeps; never throws. A UTF-8 byte order mark (Notepad) is allowed. */
export function readJsonFile(path: string): JsonRead {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'broken', why: (err as Error).message };
  }
  try {
    return { kind: 'ok', raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (err) {
    return { kind: 'broken', why: (err as Error).message };
  }
}

/** The file operations a write needs; tests put a full disk in their place. */
export type FileOps = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'mkdirSync'
>;

/** A temporary file this module writes beside its target: `<target>.<pid>.tmp`. */
const TEMP_FILE = /\.\d+\.tmp$/;

/**
 * Replaces a file so that, whatever happens (a full disk or a power cut mid-write included), it
 * holds either its old content or the new one, never a mix or a part: the new content goes to a
 * temporary file beside it, every byte of it (a short write is continued; an error leaves the
 * old file), is flushed to disk, and is renamed over the old one; then the folder entry is
 * flushed. The folder is made first if it does not exist yet.
 */
export function writeFileAtomic(
  path: string,
  data: string,
  ops: FileOps = fs,
  /** Private to the kiosk's user unless said otherwise (a metrics file others must read). */
  mode: number = 0o600,
): void {
  ops.mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const bytes = Buffer.from(data, 'utf8');
  try {
    const fd = ops.openSync(tmp, 'w', mode);
    try {
      let written = 0;
      while (written < bytes.length) {
        const n = ops.writeSync(fd, bytes, written, bytes.length - written);
        // A write that makes no progress would loop for ever: the disk is as good as full.
        if (n <= 0) throw Object.assign(new Error(`no room to write ${path}`), { code: 'ENOSPC' });
        written += n;
      }
      ops.fsyncSync(fd);
    } finally {
      ops.closeSync(fd);
    }
    ops.renameSync(tmp, path);
  } catch (err) {
    ops.rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(dirname(path));
}

/**
 * Removes the temporary files a write left behind when the kiosk stopped mid-write (a power
 * cut): they are never the live copy, only dead weight. Returns the names removed.
 */
export function removeLeftoverTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    try {
      fs.rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Left for the next start.
    }
  }
  return removed;
}

/**
 * Sets a damaged file aside under a dated name beside it (`counters.damaged-2026-11-25T09-05-00.json`),
 * so that nothing is lost and IT can look at it; returns the new name, or null if it could not.
 */
export function setAside(path: string, now: Date = new Date()): string | null {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const target = path.replace(/(\.json)?$/, `.damaged-${stamp}$1`);
  try {
    fs.renameSync(path, target);
    return target;
  } catch {
    return null;
  }
}

function syncFolder(dir: string): void {
  // Windows cannot open a folder to flush it; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse; the rename itself has still happened.
  }
}
