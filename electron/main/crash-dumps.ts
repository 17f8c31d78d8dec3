import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App, CrashReporter } from 'electron';
import type { LogFn } from './log';

export const CRASH_DUMP_DIR = 'crash-dumps';
/** Enough to show IT a pattern; old dumps are deleted at start so the folder cannot grow. */
export const KEPT_CRASH_DUMPS = 20;

/**
 * Crash dumps of every Electron process, written to `<userData>/crash-dumps` and never sent
 * anywhere: no upload URL exists. Must run before the app is ready.
 */
export function startLocalCrashDumps(
  app: Pick<App, 'getPath' | 'setPath'>,
  crashReporter: Pick<CrashReporter, 'start'>,
  log: LogFn,
): string {
  const dir = join(app.getPath('userData'), CRASH_DUMP_DIR);
  app.setPath('crashDumps', dir);
  crashReporter.start({ uploadToServer: false, compress: true, ignoreSystemCrashHandler: true });
  const removed = pruneCrashDumps(dir);
  if (removed > 0) log(`crash dumps: removed ${removed} old dump(s) from ${dir}`);
  return dir;
}

/** Deletes all but the newest `keep` `.dmp` files under `dir`; says how many it deleted. */
export function pruneCrashDumps(dir: string, keep: number = KEPT_CRASH_DUMPS): number {
  const dumps: { path: string; mtime: number }[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.dmp')) dumps.push({ path: p, mtime: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  const old = dumps.sort((a, b) => b.mtime - a.mtime).slice(keep);
  for (const d of old) rmSync(d.path, { force: true });
  return old.length;
}
