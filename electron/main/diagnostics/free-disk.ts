import { statfsSync, type StatsFs } from 'node:fs';

/**
 * The space left for the kiosk in the file system that holds `dir` (what an unprivileged user
 * may still write), or null when the system cannot say.
 */
export function freeDiskBytes(
  dir: string,
  statfs: (path: string) => Pick<StatsFs, 'bavail' | 'bsize'> = statfsSync,
): number | null {
  try {
    const s = statfs(dir);
    const bytes = Number(s.bavail) * Number(s.bsize);
    return Number.isFinite(bytes) && bytes >= 0 ? bytes : null;
  } catch {
    return null;
  }
}
