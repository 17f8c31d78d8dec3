import { describe, expect, it } from 'vitest';
import {
  auditText,
  formatBytes,
  isReady,
  localTime,
  logTime,
  MIN_FREE_DISK_BYTES,
  readinessChecks,
} from '../../../core/kiosk/diagnostics';
import type { Diagnostics } from '../../../core/kiosk/kiosk-api';

const NOW = new Date(2026, 10, 25, 12, 0, 0);
const READY: Diagnostics = {
  runtime: 'electron',
  version: '1.2.3',
  content: { source: 'bundled', checkedAsOf: '2026-10-01', sha256: 'c'.repeat(64) },
  appSha256: 'a'.repeat(64),
  freeDiskBytes: MIN_FREE_DISK_BYTES,
  prints: { lastSuccess: '2026-11-25T08:00:00.000Z', lastFailure: null },
  recentErrors: [{ at: '2026-11-20 09:00:00', level: 'error', text: 'print: old trouble' }],
};
const PRINTER_OK = { printer: 'Kiosk', ready: true, problem: null };
const status = (d: Partial<Diagnostics>, printer: typeof PRINTER_OK | null = PRINTER_OK) =>
  Object.fromEntries(
    readinessChecks({ diagnostics: { ...READY, ...d }, printer, now: NOW }).map((c) => [
      c.id,
      c.status,
    ]),
  );

describe('readiness checks', () => {
  it('finds a kiosk with a ready printer, room, fresh content and no recent error ready', () => {
    const checks = readinessChecks({ diagnostics: READY, printer: PRINTER_OK, now: NOW });
    expect(checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(isReady(checks)).toBe(true);
  });

  it('asks for attention on each fault, one check at a time', () => {
    expect(
      status({}, { printer: 'Kiosk', ready: false, problem: 'paper-out' } as never),
    ).toMatchObject({ printer: 'attention' });
    expect(
      status({
        prints: {
          lastSuccess: null,
          lastFailure: { at: '2026-11-25T09:00:00Z', problem: 'paper-jam' },
        },
      }),
    ).toMatchObject({ 'last-print': 'attention' });
    expect(
      status({
        prints: {
          lastSuccess: '2026-11-25T10:00:00Z',
          lastFailure: { at: '2026-11-25T09:00:00Z', problem: 'paper-jam' },
        },
      }),
    ).toMatchObject({ 'last-print': 'ok' });
    expect(status({ freeDiskBytes: MIN_FREE_DISK_BYTES - 1 })).toMatchObject({ disk: 'attention' });
    expect(
      status({ recentErrors: [{ at: '2026-11-25 06:00:00', level: 'error', text: 'x' }] }),
    ).toMatchObject({ errors: 'attention' });
    // A warning is not an error.
    expect(
      status({ recentErrors: [{ at: '2026-11-25 06:00:00', level: 'warn', text: 'x' }] }),
    ).toMatchObject({ errors: 'ok' });
    expect(
      status({ content: { source: 'bundled', checkedAsOf: '2026-02-17', sha256: null } }),
    ).toMatchObject({ content: 'attention' });
    expect(
      isReady(
        readinessChecks({
          diagnostics: { ...READY, freeDiskBytes: 0 },
          printer: PRINTER_OK,
          now: NOW,
        }),
      ),
    ).toBe(false);
  });

  it('does not hold the kiosk up over what cannot be known here (a browser)', () => {
    const checks = readinessChecks({
      diagnostics: {
        ...READY,
        appSha256: null,
        freeDiskBytes: null,
        prints: { lastSuccess: null, lastFailure: null },
      },
      printer: null,
      now: NOW,
    });
    expect(checks.filter((c) => c.status === 'unknown').map((c) => c.id)).toEqual([
      'printer',
      'last-print',
      'disk',
      'app-hash',
    ]);
    expect(isReady(checks)).toBe(true);
  });
});

describe('the auditor’s text', () => {
  it('is three lines, with a word where a hash could not be computed', () => {
    expect(
      auditText({
        version: '1.2.3',
        appSha256: 'ab',
        checkedAsOf: '2026-02-17',
        contentSha256: null,
      }),
    ).toBe(
      'CitizenSec Kiosk hashes v1\napp 1.2.3 sha256:ab\ncontent 2026-02-17 sha256:unavailable',
    );
  });
});

describe('times and sizes for staff', () => {
  it('reads the log’s local times and writes local times the same way', () => {
    expect(logTime('2026-11-25 09:05:07')).toEqual(new Date(2026, 10, 25, 9, 5, 7));
    expect(logTime('yesterday')).toBeNull();
    expect(localTime(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02 03:04');
    expect(localTime('not a time')).toBe('not a time');
  });

  it('says sizes in MB or GB', () => {
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(12.34 * 1024 ** 3)).toBe('12.3 GB');
  });
});
