import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** A JSON file as read: not there, unreadable or not JSON (with why), or its parsed value. */
export type JsonRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'broken'; readonly why: string }
  | { readonly kind: 'ok'; readonly raw: unknown };

/** Reads a JSON file main keeps; never throws. */
export function readJsonFile(path: string): JsonRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'broken', why: (err as Error).message };
  }
  try {
    return { kind: 'ok', raw: JSON.parse(text) as unknown };
  } catch (err) {
    return { kind: 'broken', why: (err as Error).message };
  }
}

/**
 * Replaces a file so that, whatever happens (a power cut mid-write included), it holds either
 * its old content or the new one, never a mix: the new content goes to a temporary file beside
 * it, is flushed to disk, and is renamed over the old one; then the folder entry is flushed. The
 * folder is made first if it does not exist yet.
 */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(dirname(path));
}

function syncFolder(dir: string): void {
  // Windows cannot open a folder to flush it; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse; the rename itself has still happened.
  }
}
