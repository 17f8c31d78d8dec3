import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentAgeDays,
  PRINTER_PROBLEMS,
  renderMetrics,
  safeLabel,
} from '../../../../electron/main/metrics/render';
import { NO_PROMTOOL, promtool, SAMPLE } from './sample';

const GOLDEN = join(import.meta.dirname, 'golden/kiosk.prom');

/** The samples of a rendered file, by series (`name{labels}`). */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe('the metrics text', () => {
  it('matches the golden file, line for line', () => {
    // A change to a name, a HELP text or a value's unit shows in review as a change to this file.
    expect(renderMetrics(SAMPLE)).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('gives every metric a HELP and a TYPE line, and the kiosk prefix', () => {
    const text = renderMetrics(SAMPLE);
    const names = new Set([...samples(text).keys()].map((s) => s.replace(/\{.*$/, '')));
    for (const name of names) {
      expect(name).toMatch(/^citizensec_kiosk_[a-z_]+$/);
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toMatch(new RegExp(`# TYPE ${name} (gauge|counter)\\n`));
      if (name.endsWith('_total')) expect(text).toContain(`# TYPE ${name} counter`);
    }
  });

  it('uses only fixed labels: a problem from the closed list and two safe version strings', () => {
    const text = renderMetrics(SAMPLE);
    const labels = [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
    for (const l of labels)
      expect(l).toMatch(
        /^(version="[0-9A-Za-z._+-]+"|content_version="[0-9A-Za-z._+-]+"|problem="[a-z-]+")$/,
      );
    const problems = labels.filter((l) => l.startsWith('problem=')).map((l) => l.slice(9, -1));
    expect(problems).toEqual([...PRINTER_PROBLEMS]);
  });

  it('writes `invalid` for a version that could carry anything else', () => {
    for (const bad of ['', '1.0"} 1\nevil 1', 'Иван', 'a b', 'x'.repeat(65), '-1', '{}'])
      expect(safeLabel(bad), bad).toBe('invalid');
    for (const ok of ['0.1.0', '2026.11.25-3', 'bundled-3fa2c9d01b7e', '1.2.3+build.7'])
      expect(safeLabel(ok)).toBe(ok);
    const text = renderMetrics({
      ...SAMPLE,
      appVersion: '1"}\ncitizensec_kiosk_up 0',
      content: { ...SAMPLE.content, version: 'Айгүл +7 701 000 00 00' },
    });
    expect(samples(text).get('citizensec_kiosk_build_info{version="invalid"}')).toBe(1);
    expect(samples(text).get('citizensec_kiosk_content_info{content_version="invalid"}')).toBe(1);
    expect(samples(text).get('citizensec_kiosk_up')).toBe(1);
  });

  it('marks one printer problem at a time, and none when the printer is ready', () => {
    const ready = samples(renderMetrics({ ...SAMPLE, printer: { ready: true, problem: null } }));
    expect(ready.get('citizensec_kiosk_printer_ready')).toBe(1);
    for (const p of PRINTER_PROBLEMS)
      expect(ready.get(`citizensec_kiosk_printer_problem{problem="${p}"}`)).toBe(0);
    const jam = samples(
      renderMetrics({ ...SAMPLE, printer: { ready: false, problem: 'paper-jam' } }),
    );
    expect(jam.get('citizensec_kiosk_printer_problem{problem="paper-jam"}')).toBe(1);
    const marked = [...jam].filter(([k, v]) => k.includes('problem=') && v === 1);
    expect(marked).toHaveLength(1);
    // Not ready without a reason still says something staff can act on.
    const vague = samples(renderMetrics({ ...SAMPLE, printer: { ready: false, problem: null } }));
    expect(vague.get('citizensec_kiosk_printer_problem{problem="printer-needs-attention"}')).toBe(
      1,
    );
  });

  it('leaves the printer out until it is first checked', () => {
    const text = renderMetrics({ ...SAMPLE, printer: null });
    expect(text).not.toContain('printer_ready');
    expect(text).not.toContain('printer_problem');
  });

  it('says content is stale only past the limit, and when its date cannot be read', () => {
    const at = (checkedAsOf: string, limit = 180) =>
      samples(
        renderMetrics({
          ...SAMPLE,
          content: { ...SAMPLE.content, checkedAsOf },
          contentStaleAfterDays: limit,
        }),
      );
    // 2026-11-25 09:00 is 180 whole days after 2026-05-29, 181 after 2026-05-28.
    expect(contentAgeDays('2026-05-29', SAMPLE.nowMs)).toBe(180);
    expect(at('2026-05-29').get('citizensec_kiosk_content_stale')).toBe(0);
    expect(at('2026-05-28').get('citizensec_kiosk_content_stale')).toBe(1);
    expect(at('2026-05-01', 365).get('citizensec_kiosk_content_stale')).toBe(0);
    expect(at('2026-05-01', 365).get('citizensec_kiosk_content_stale_after_seconds')).toBe(
      365 * 86_400,
    );
    for (const bad of ['2026-02-31', '25.11.2026', '', 'soon']) {
      const s = at(bad);
      expect(s.get('citizensec_kiosk_content_stale'), bad).toBe(1);
      expect(s.has('citizensec_kiosk_content_age_seconds'), bad).toBe(false);
    }
  });

  it('writes counts as whole numbers, never negative or NaN, and 0 for no print yet', () => {
    const s = samples(
      renderMetrics({
        ...SAMPLE,
        printsTotal: Number.NaN,
        printFailuresTotal: -3,
        visitsToday: 2.7,
        lastPrintSuccessMs: null,
        up: false,
      }),
    );
    expect(s.get('citizensec_kiosk_prints_total')).toBe(0);
    expect(s.get('citizensec_kiosk_print_failures_total')).toBe(0);
    expect(s.get('citizensec_kiosk_visits_today')).toBe(2);
    expect(s.get('citizensec_kiosk_last_print_success_timestamp_seconds')).toBe(0);
    expect(s.get('citizensec_kiosk_up')).toBe(0);
  });

  it.skipIf(NO_PROMTOOL !== null)('passes `promtool check metrics`, in every state', () => {
    for (const snapshot of [
      SAMPLE,
      { ...SAMPLE, printer: null, lastPrintSuccessMs: null },
      { ...SAMPLE, content: { version: '', checkedAsOf: 'bad' }, outOfService: true, up: false },
    ]) {
      const { code, output } = promtool(['check', 'metrics'], renderMetrics(snapshot));
      expect(output).toBe('');
      expect(code).toBe(0);
    }
  });
});
