import { spawnSync } from 'node:child_process';
import type { HealthSnapshot } from '../../../../electron/main/metrics/render';

/** A kiosk mid-morning: paper out, content 208 days old, one crash, some visits and prints. */
export const SAMPLE: HealthSnapshot = {
  nowMs: Date.parse('2026-11-25T09:00:30.700Z'),
  startedMs: Date.parse('2026-11-25T08:00:00Z'),
  up: true,
  appVersion: '0.1.0',
  content: { version: 'bundled-3fa2c9d01b7e', checkedAsOf: '2026-05-01' },
  contentStaleAfterDays: 180,
  printer: { ready: false, problem: 'paper-out' },
  lastPrintSuccessMs: Date.parse('2026-11-25T08:40:00Z'),
  printsTotal: 12,
  printFailuresTotal: 2,
  rendererCrashesTotal: 1,
  outOfService: false,
  visitsToday: 31,
  visitsFinishedToday: 24,
  staffLoginsTotal: 3,
  staffLockoutsTotal: 1,
};

/** Whether a command is on the PATH. */
export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Why the checks that need promtool are skipped, or null when it is there. */
export const NO_PROMTOOL = hasCommand('promtool')
  ? null
  : 'promtool is not installed (Debian package `prometheus`; .ci/run installs it)';
if (NO_PROMTOOL) console.log(`promtool checks skipped: ${NO_PROMTOOL}.`);

/** Runs promtool with `args`, the text on its standard input; its exit code and output. */
export function promtool(args: readonly string[], input = ''): { code: number; output: string } {
  const r = spawnSync('promtool', args, { input, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}
