import type { PrinterReadiness } from '../../../core/kiosk/kiosk-api';
import type { MetricsPolicy } from '../../../core/kiosk/metrics-policy';
import type { FileOps } from '../data-file';
import type { LogFn } from '../log';
import { KioskHealth, type HealthSources } from './health';
import { renderMetrics } from './render';
import { MetricsWriter } from './writer';

export { KioskHealth } from './health';

export interface MetricsDeps extends HealthSources {
  /** IT's policy field; absent, no file is written (the health is still counted, for nothing). */
  readonly policy: MetricsPolicy | undefined;
  readonly log: LogFn;
  /** Main's own check of the printer each minute (CUPS); absent where only the page checks. */
  readonly checkPrinter?: () => Promise<Pick<PrinterReadiness, 'ready' | 'problem'>>;
  readonly ops?: FileOps;
  readonly setInterval?: (fn: () => void, ms: number) => unknown;
  readonly clearInterval?: (timer: unknown) => void;
}

export interface Metrics {
  /** Where main's event sources report. */
  readonly health: KioskHealth;
  /** Writes the last file (up 0) and stops the timer; for the app's quit. */
  readonly stop: () => void;
}

/**
 * The kiosk's metrics for IT's monitoring: a KioskHealth that main's events report to, and, if
 * IT's policy names a file, a writer that writes it every minute and after each event. Without
 * the policy field nothing is written anywhere.
 */
export function startMetrics(deps: MetricsDeps): Metrics {
  const health = new KioskHealth(deps);
  const policy = deps.policy;
  if (!policy) return { health, stop: () => {} };
  let checking = false;
  const checkPrinter = deps.checkPrinter;
  const writer = new MetricsWriter({
    file: policy.file,
    render: () => renderMetrics(health.snapshot()),
    log: deps.log,
    ops: deps.ops,
    setInterval: deps.setInterval,
    clearInterval: deps.clearInterval,
    tick: checkPrinter
      ? () => {
          // A check that hangs (CUPS not answering) is not started again on top of itself.
          if (checking) return;
          checking = true;
          void checkPrinter()
            .then((r) => health.printerChecked(r))
            .catch((err: Error) => deps.log(`metrics: printer check failed: ${err.message}`))
            .finally(() => {
              checking = false;
            });
        }
      : undefined,
  });
  health.onChange(() => writer.write());
  deps.log(`metrics: writing ${policy.file} every minute and on events`);
  writer.start();
  return {
    health,
    stop: () => {
      health.stopping();
      writer.stop(true);
    },
  };
}

/** A log that says each distinct line once: a printer check failing every minute says it once. */
export function onceEach(log: LogFn): LogFn {
  const seen = new Set<string>();
  return (m) => {
    if (seen.has(m)) return;
    if (seen.size > 100) seen.clear();
    seen.add(m);
    log(m);
  };
}
