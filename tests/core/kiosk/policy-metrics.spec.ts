import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, validatePolicy } from '../../../core/kiosk/policy';
import { isMetricsFilePath, validateMetricsPolicy } from '../../../core/kiosk/metrics-policy';
import { plainHasher } from '../staff/fakes';

const checks = { pinReadable: plainHasher.readable, metrics: validateMetricsPolicy };
const FILE = '/var/lib/prometheus/node-exporter/citizensec-kiosk.prom';

describe('the metrics file in IT’s policy', () => {
  it('takes an absolute path ending in .prom, on Linux and on Windows', () => {
    const { policy, problems } = validatePolicy({ metrics: { file: FILE } }, checks);
    expect(problems).toEqual([]);
    expect(policy.metrics).toEqual({ file: FILE });
    for (const ok of [
      'C:\\ProgramData\\windows_exporter\\textfile_inputs\\citizensec-kiosk.prom',
      'D:/metrics/kiosk.prom',
      '\\\\monitor\\textfile\\kiosk-07.prom',
    ])
      expect(isMetricsFilePath(ok), ok).toBe(true);
  });

  it('has no metrics file without the field: no path, no file', () => {
    const { policy, problems } = parsePolicy('{"setupCode": "58204719"}', checks);
    expect(problems).toEqual([]);
    expect(policy.metrics).toBeUndefined();
  });

  it('refuses relative paths, other endings, `..`, control characters and non-strings, by name', () => {
    for (const bad of [
      'citizensec-kiosk.prom',
      './kiosk.prom',
      '/var/lib/node-exporter/kiosk.txt',
      '/var/lib/node-exporter/kiosk.prom.bak',
      '/var/lib/node-exporter/.prom',
      '/var/lib/node-exporter/../../etc/kiosk.prom',
      '/var/lib/node-exporter/./kiosk.prom',
      '/var/lib/node-exporter/kiosk\n.prom',
      'C:kiosk.prom',
      `/${'a'.repeat(600)}.prom`,
      '',
      42,
      null,
      ['/var/lib/kiosk.prom'],
    ]) {
      const { policy, problems } = validatePolicy({ metrics: { file: bad } }, checks);
      expect(policy.metrics, String(bad)).toBeUndefined();
      expect(
        problems.map((p) => p.field),
        String(bad),
      ).toEqual(['metrics.file']);
      expect(problems[0]!.message).toMatch(/absolute path ending in \.prom/);
    }
  });

  it('names a metrics field that is not an object, or an unknown key in it, and keeps the rest', () => {
    expect(validatePolicy({ metrics: FILE }, checks).problems).toEqual([
      { field: 'metrics', message: expect.stringMatching(/expected an object/) },
    ]);
    const { policy, problems } = validatePolicy(
      { metrics: { file: FILE, intervalSeconds: 5 } },
      checks,
    );
    expect(policy.metrics).toEqual({ file: FILE });
    expect(problems.map((p) => p.field)).toEqual(['metrics.intervalSeconds']);
  });
});

describe('the metrics policy in docs/deploy.md', () => {
  it('is an example the kiosk takes without a problem', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/deploy.md'), 'utf8');
    const example = /## Monitoring[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { policy, problems } = parsePolicy(example!, checks);
    expect(problems).toEqual([]);
    expect(policy.metrics?.file).toMatch(/^\/var\/lib\/prometheus\/node-exporter\/.+\.prom$/);
  });
});
