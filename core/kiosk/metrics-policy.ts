import type { PolicyProblemSink } from './pack-policy.ts';

/*
 * `metrics` in IT's policy file (core/kiosk/policy.ts): checked in main only, since only the
 * Electron kiosk writes the metrics file (docs/deploy.md, Monitoring); kept apart so that the
 * page's bundle does not carry it.
 */

/** IT's monitoring: where main writes its Prometheus metrics file (docs/deploy.md, Monitoring). */
export interface MetricsPolicy {
  /** An absolute path ending in `.prom`, in the folder node_exporter's textfile collector reads. */
  readonly file: string;
}

/** The longest metrics path taken: far beyond any real folder, short enough to log whole. */
export const MAX_METRICS_PATH_LENGTH = 512;

/**
 * An absolute path to a `.prom` file, on Linux (`/var/lib/…`) or Windows (`C:\…`, `\\server\…`),
 * with no `..` part (the kiosk writes only where IT said) and no control character.
 */
export function isMetricsFilePath(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > MAX_METRICS_PATH_LENGTH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) return false;
  const absolute = v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\');
  if (!absolute || !/[^\\/]\.prom$/.test(v)) return false;
  return !v.split(/[\\/]/).some((part) => part === '..' || part === '.');
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `metrics` field: `{ "file": "<absolute path>.prom" }`; each problem named by its field. */
export function validateMetricsPolicy(
  raw: unknown,
  problem: PolicyProblemSink,
): MetricsPolicy | undefined {
  if (!isRecord(raw)) {
    problem('metrics', 'expected an object such as { "file": "…" }');
    return undefined;
  }
  for (const key of Object.keys(raw))
    if (key !== 'file') problem(`metrics.${key}`, 'not a metrics field (expected file)');
  if (isMetricsFilePath(raw.file)) return { file: raw.file };
  problem(
    'metrics.file',
    'expected an absolute path ending in .prom, such as ' +
      '"/var/lib/prometheus/node-exporter/citizensec-kiosk.prom"',
  );
  return undefined;
}
