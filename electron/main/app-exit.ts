import type { App } from 'electron';

/**
 * How the kiosk leaves when staff ask it to. Under systemd (docs/deploy.md) the unit restarts
 * the app on any exit except EXIT_STAFF_QUIT, so a restart is just an exit and a quit is an exit
 * that says "stay off". Run by hand or under Windows' Shell Launcher, a restart relaunches the
 * app itself.
 */
export const EXIT_STAFF_QUIT = 64;
export const EXIT_STAFF_RESTART = 75;

export type ExitKind = 'quit' | 'restart';

/** systemd sets INVOCATION_ID for every process of a unit it starts. */
export function isSupervised(env: NodeJS.ProcessEnv): boolean {
  return typeof env.INVOCATION_ID === 'string' && env.INVOCATION_ID.length > 0;
}

export function leaveApp(
  kind: ExitKind,
  app: Pick<App, 'relaunch' | 'exit'>,
  env: NodeJS.ProcessEnv,
): void {
  const supervised = isSupervised(env);
  if (kind === 'restart') {
    if (!supervised) app.relaunch();
    app.exit(supervised ? EXIT_STAFF_RESTART : 0);
  } else {
    app.exit(supervised ? EXIT_STAFF_QUIT : 0);
  }
}
