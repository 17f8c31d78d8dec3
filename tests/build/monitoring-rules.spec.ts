import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMetrics } from '../../electron/main/metrics/render';
import { NO_PROMTOOL, promtool, SAMPLE } from '../electron/main/metrics/sample';

/*
 * The alert rules IT loads into Prometheus (build/monitoring/citizensec-kiosk.rules.yml), checked
 * by Prometheus' own promtool: that they load, and that each alert fires when it should and not
 * before (tests/build/monitoring/citizensec-kiosk.rules.test.yml).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RULES = resolve(ROOT, 'build/monitoring/citizensec-kiosk.rules.yml');
const RULE_TESTS = resolve(ROOT, 'tests/build/monitoring/citizensec-kiosk.rules.test.yml');
const text = readFileSync(RULES, 'utf8');

/** Each alert's block of the rules file, by name. */
const alerts = new Map(
  text
    .split(/\n(?=\s*- alert: )/)
    .slice(1)
    .map((block) => [/- alert: (\S+)/.exec(block)![1]!, block] as const),
);

describe('the Prometheus alert rules', () => {
  it('alert on a printer down over 10 minutes, stale content, out of service and no heartbeat', () => {
    expect(alerts.get('CitizenSecKioskPrinterDown')).toMatch(
      /expr: citizensec_kiosk_printer_ready == 0\n\s+for: 10m/,
    );
    expect(alerts.get('CitizenSecKioskContentStale')).toContain(
      'citizensec_kiosk_content_stale == 1',
    );
    expect(alerts.get('CitizenSecKioskOutOfService')).toContain(
      'citizensec_kiosk_out_of_service == 1',
    );
    expect(alerts.get('CitizenSecKioskNoHeartbeat')).toContain(
      'time() - citizensec_kiosk_heartbeat_timestamp_seconds > 180',
    );
  });

  it('give every alert a duration, a severity and a summary', () => {
    expect(alerts.size).toBeGreaterThanOrEqual(4);
    for (const [name, block] of alerts) {
      expect(block, name).toMatch(/\n\s+for: \d+[mh]\n/);
      expect(block, name).toMatch(/\n\s+severity: (warning|critical)\n/);
      expect(block, name).toMatch(/\n\s+summary: '.*\{\{ \$labels\.instance \}\}/);
    }
  });

  it('name only metrics the kiosk writes', () => {
    const written = new Set(
      renderMetrics(SAMPLE)
        .split('\n')
        .filter((l) => l.startsWith('# TYPE '))
        .map((l) => l.split(' ')[2]),
    );
    const named = new Set(text.match(/citizensec_kiosk_[a-z_]+/g));
    expect(named.size).toBeGreaterThan(5);
    for (const name of named) expect(written, name).toContain(name);
  });

  it.skipIf(NO_PROMTOOL !== null)('load in Prometheus (`promtool check rules`)', () => {
    const { code, output } = promtool(['check', 'rules', RULES]);
    expect(output).toContain('SUCCESS: 7 rules found');
    expect(code).toBe(0);
  });

  it.skipIf(NO_PROMTOOL !== null)(
    'fire when they should and not before (`promtool test rules`)',
    () => {
      const { code, output } = promtool(['test', 'rules', RULE_TESTS]);
      expect(output).toContain('SUCCESS');
      expect(code).toBe(0);
    },
  );

  it.skipIf(NO_PROMTOOL !== null)('have tests that fail when an alert waits too long', () => {
    // The same tests against rules whose printer alert waits 20 minutes must fail: they can.
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-rules-'));
    try {
      mkdirSync(join(dir, 'build/monitoring'), { recursive: true });
      mkdirSync(join(dir, 'tests/build/monitoring'), { recursive: true });
      writeFileSync(
        join(dir, 'build/monitoring/citizensec-kiosk.rules.yml'),
        text.replace(/(printer_ready == 0\n\s+for: )10m/, '$120m'),
      );
      const tests = join(dir, 'tests/build/monitoring/citizensec-kiosk.rules.test.yml');
      copyFileSync(RULE_TESTS, tests);
      const { code, output } = promtool(['test', 'rules', tests]);
      expect(output).toMatch(/FAILED[\s\S]*CitizenSecKioskPrinterDown/);
      expect(code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
