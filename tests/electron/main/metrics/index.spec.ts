import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onceEach, startMetrics, type MetricsDeps } from '../../../../electron/main/metrics';
import { METRICS_INTERVAL_MS } from '../../../../electron/main/metrics/writer';
import { useTempDir } from '../fakes';

const dir = useTempDir('kiosk-metrics-');
const START = Date.parse('2026-11-25T09:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

/** The file's samples by series, as node_exporter would read them. */
function read(file: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

function deps(over: Partial<MetricsDeps> = {}): MetricsDeps & { file: string } {
  const file = join(dir(), 'citizensec-kiosk.prom');
  return {
    file,
    policy: { file },
    log: vi.fn(),
    appVersion: '0.1.0',
    content: () => ({ version: 'bundled-3fa2c9d01b7e', checkedAsOf: '2026-11-01' }),
    today: () => ({ visits: 4, completed: 3 }),
    lastPrintSuccess: () => null,
    ...over,
  };
}

describe('the kiosk’s metrics, wired to main’s events', () => {
  it('writes nothing anywhere without the policy field, yet takes events', () => {
    const m = startMetrics({ ...deps(), policy: undefined });
    m.health.printOutcome({ ok: false, problem: 'paper-out' });
    vi.advanceTimersByTime(5 * METRICS_INTERVAL_MS);
    m.stop();
    expect(fs.readdirSync(dir())).toEqual([]);
  });

  it('writes at start, then a new heartbeat every minute', () => {
    const d = deps();
    startMetrics(d);
    expect(read(d.file).get('citizensec_kiosk_heartbeat_timestamp_seconds')).toBe(START / 1000);
    expect(read(d.file).get('citizensec_kiosk_visits_today')).toBe(4);
    expect(read(d.file).get('citizensec_kiosk_visits_finished_today')).toBe(3);
    vi.advanceTimersByTime(METRICS_INTERVAL_MS);
    expect(read(d.file).get('citizensec_kiosk_heartbeat_timestamp_seconds')).toBe(
      START / 1000 + 60,
    );
  });

  it('rewrites the file at once on a print failure, with the printer’s problem', () => {
    const d = deps();
    const m = startMetrics(d);
    m.health.printerChecked({ ready: true, problem: null });
    expect(read(d.file).get('citizensec_kiosk_printer_ready')).toBe(1);
    m.health.printOutcome({ ok: false, problem: 'paper-jam' });
    const after = read(d.file);
    expect(after.get('citizensec_kiosk_print_failures_total')).toBe(1);
    expect(after.get('citizensec_kiosk_printer_ready')).toBe(0);
    expect(after.get('citizensec_kiosk_printer_problem{problem="paper-jam"}')).toBe(1);
    // A job's own failure is counted but says nothing new about the printer.
    m.health.printOutcome({ ok: false, problem: 'render-failed' });
    expect(read(d.file).get('citizensec_kiosk_print_failures_total')).toBe(2);
    expect(read(d.file).get('citizensec_kiosk_printer_problem{problem="paper-jam"}')).toBe(1);
    m.health.printOutcome({ ok: true, confirmed: true });
    expect(read(d.file).get('citizensec_kiosk_prints_total')).toBe(1);
    expect(read(d.file).get('citizensec_kiosk_printer_ready')).toBe(1);
  });

  it('checks the printer itself each minute, never two checks at once', async () => {
    let answer: (r: { ready: boolean; problem: 'paper-out' | null }) => void = () => {};
    const checkPrinter = vi.fn(
      () => new Promise<{ ready: boolean; problem: 'paper-out' | null }>((r) => (answer = r)),
    );
    const d = deps({ checkPrinter });
    startMetrics(d);
    vi.advanceTimersByTime(METRICS_INTERVAL_MS);
    vi.advanceTimersByTime(METRICS_INTERVAL_MS);
    expect(checkPrinter).toHaveBeenCalledTimes(1);
    answer({ ready: false, problem: 'paper-out' });
    await vi.waitFor(() =>
      expect(read(d.file).get('citizensec_kiosk_printer_problem{problem="paper-out"}')).toBe(1),
    );
    vi.advanceTimersByTime(METRICS_INTERVAL_MS);
    expect(checkPrinter).toHaveBeenCalledTimes(2);
  });

  it('logs a printer check that fails, and keeps writing', async () => {
    const d = deps({ checkPrinter: () => Promise.reject(new Error('lpstat: gone')) });
    startMetrics(d);
    vi.advanceTimersByTime(METRICS_INTERVAL_MS);
    await vi.waitFor(() =>
      expect(d.log).toHaveBeenCalledWith('metrics: printer check failed: lpstat: gone'),
    );
    expect(read(d.file).get('citizensec_kiosk_up')).toBe(1);
  });

  it('counts renderer crashes and follows the out-of-service state', () => {
    const d = deps();
    const m = startMetrics(d);
    m.health.rendererCrashed();
    m.health.rendererCrashed();
    m.health.outOfServiceChanged(true);
    expect(read(d.file).get('citizensec_kiosk_renderer_crashes_total')).toBe(2);
    expect(read(d.file).get('citizensec_kiosk_out_of_service')).toBe(1);
    m.health.outOfServiceChanged(false);
    expect(read(d.file).get('citizensec_kiosk_out_of_service')).toBe(0);
  });

  it('counts accepted PINs as logins and attempts that lock entry as lockouts, nothing else', () => {
    const d = deps();
    const m = startMetrics(d);
    m.health.staffAttempt({ ok: true }, 'pin');
    m.health.staffAttempt({ ok: false, reason: 'wrong-pin', triesLeft: 2, lockedForMs: 0 }, 'pin');
    m.health.staffAttempt(
      { ok: false, reason: 'wrong-pin', triesLeft: 0, lockedForMs: 60_000 },
      'pin',
    );
    m.health.staffAttempt({ ok: false, reason: 'locked', lockedForMs: 50_000 }, 'pin');
    m.health.staffAttempt({ ok: false, reason: 'no-pin' }, 'pin');
    m.health.staffAttempt({ ok: true }, 'setup-code');
    m.health.staffAttempt(
      { ok: false, reason: 'wrong-code', triesLeft: 0, lockedForMs: 60_000 },
      'setup-code',
    );
    const s = read(d.file);
    expect(s.get('citizensec_kiosk_staff_logins_total')).toBe(1);
    expect(s.get('citizensec_kiosk_staff_lockouts_total')).toBe(2);
  });

  it('rereads today’s visits when a visit is counted, and the content’s age each write', () => {
    let visits = 4;
    const d = deps({
      today: () => ({ visits, completed: 3 }),
      contentStaleAfterDays: 30,
      content: () => ({ version: '7', checkedAsOf: '2026-10-26' }),
    });
    const m = startMetrics(d);
    expect(read(d.file).get('citizensec_kiosk_content_stale')).toBe(0);
    visits = 5;
    m.health.countsChanged();
    expect(read(d.file).get('citizensec_kiosk_visits_today')).toBe(5);
    // One day later the content is 31 days old: past IT's 30. The clock moves on to just before
    // the day is out, then the next minute's write (1440 real writes would only slow the test).
    vi.setSystemTime(Date.now() + 24 * 60 * METRICS_INTERVAL_MS - METRICS_INTERVAL_MS);
    vi.advanceTimersByTime(METRICS_INTERVAL_MS);
    expect(read(d.file).get('citizensec_kiosk_content_stale')).toBe(1);
    expect(read(d.file).get('citizensec_kiosk_content_age_seconds')).toBe(31 * 86_400 + 9 * 3600);
  });

  it('reads the last successful print from the history kept across restarts', () => {
    const d = deps({ lastPrintSuccess: () => '2026-11-24T17:30:00.000Z' });
    startMetrics(d);
    expect(read(d.file).get('citizensec_kiosk_last_print_success_timestamp_seconds')).toBe(
      Date.parse('2026-11-24T17:30:00Z') / 1000,
    );
  });

  it('says up 0 in its last write when the app quits, then stops writing', () => {
    const d = deps();
    const m = startMetrics(d);
    m.stop();
    expect(read(d.file).get('citizensec_kiosk_up')).toBe(0);
    fs.rmSync(d.file);
    vi.advanceTimersByTime(3 * METRICS_INTERVAL_MS);
    expect(fs.existsSync(d.file)).toBe(false);
  });

  it('logs each distinct line once through onceEach', () => {
    const log = vi.fn();
    const once = onceEach(log);
    once('a');
    once('a');
    once('b');
    expect(log.mock.calls).toEqual([['a'], ['b']]);
  });
});
