import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';

/**
 * How the kiosk leaves when staff ask it to. Under systemd (docs/deploy.md) the unit restarts
 * the app on any exit, so a restart is just an exit. A quit writes a stay-off marker into the
 * unit's state folder, which the unit's ConditionPathExists= checks before every start: the
 * kiosk stays off whatever status reaches systemd (cage 0.1.4 and 0.1.5 return their own, not
 * the app's). Run by hand or under Windows' Shell Launcher, a restart relaunches the app itself.
 */
export const EXIT_STAFF_QUIT = 64;
export const EXIT_STAFF_RESTART = 75;
/** In the unit's StateDirectory= (systemd passes it as $STATE_DIRECTORY). */
export const STAY_OFF_FILE = 'stay-off';

export type ExitKind = 'quit' | 'restart';

/** systemd sets INVOCATION_ID for every process of a unit it starts. */
export function isSupervised(env: NodeJS.ProcessEnv): boolean {
  return typeof env.INVOCATION_ID === 'string' && env.INVOCATION_ID.length > 0;
}

/**
 * Marks the kiosk to stay off until IT removes the marker, where systemd gave a state folder.
 * Returns the marker's path, or null where there is none (not under the unit).
 */
export function markStayOff(
  env: NodeJS.ProcessEnv,
  write: (file: string, text: string) => void = (f, t) => writeFileSync(f, t, { mode: 0o644 }),
  now: Date = new Date(),
): string | null {
  const dir = env.STATE_DIRECTORY?.split(':')[0];
  if (!dir) return null;
  const file = join(dir, STAY_OFF_FILE);
  write(
    file,
    `Quit on the staff screen at ${now.toISOString()}. Remove this file to start the kiosk again.\n`,
  );
  return file;
}

export function leaveApp(
  kind: ExitKind,
  app: Pick<App, 'relaunch' | 'exit'>,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void = () => {},
  stayOff: (env: NodeJS.ProcessEnv) => string | null = markStayOff,
): void {
  const supervised = isSupervised(env);
  if (kind === 'restart') {
    if (!supervised) app.relaunch();
    app.exit(supervised ? EXIT_STAFF_RESTART : 0);
    return;
  }
  if (supervised) {
    try {
      const marker = stayOff(env);
      log(marker ? `staff: quit; stays off until ${marker} is removed` : 'staff: quit');
    } catch (err) {
      // Without the marker, the exit status is all systemd has to go on.
      log(`staff: quit, but the stay-off marker could not be written: ${(err as Error).message}`);
    }
  }
  app.exit(supervised ? EXIT_STAFF_QUIT : 0);
}
