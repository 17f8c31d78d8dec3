import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as diagnosticsIpc from '../../../../electron/main/ipc/diagnostics';
import { IPC_CHANNELS } from '../../../../core/kiosk/kiosk-api';
import { fakeIpc, FRAME, PAGE, useTempDir } from '../fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-diag-');

function setup(active: boolean) {
  const { ipc, invoke } = fakeIpc();
  const staff = { isActive: vi.fn(() => active), touch: vi.fn() };
  const logged: string[] = [];
  writeFileSync(
    join(dir(), 'main.log'),
    [
      '[2026-11-25 09:00:00.000] [info] main: CitizenSec Kiosk 1.2.3 starting',
      '[2026-11-25 09:01:00.000] [error] print: CUPS did not answer',
    ].join('\n'),
  );
  const appHash = vi.fn(() => 'a'.repeat(64));
  diagnosticsIpc.register(ipc, {
    pageUrl: PAGE,
    log: (m) => logged.push(m),
    staff,
    version: '1.2.3',
    content: { checkedAsOf: '2026-02-17', sha256: 'c'.repeat(64) },
    appSha256: diagnosticsIpc.onceAppHash(appHash, (m) => logged.push(m)),
    dataDir: dir(),
    logDir: dir(),
    prints: () => ({ lastSuccess: '2026-11-25T08:00:00.000Z', lastFailure: null }),
  });
  const call = () => invoke(IPC_CHANNELS.getDiagnostics, FRAME);
  return { call, staff, logged, appHash };
}

describe('diagnostics IPC', () => {
  it('tells staff what only main knows, and keeps staff mode on', () => {
    const { call, staff, appHash } = setup(true);
    const d = call() as Awaited<ReturnType<typeof diagnosticsIpc.register>> &
      Record<string, unknown>;
    expect(d).toMatchObject({
      runtime: 'electron',
      version: '1.2.3',
      content: { source: 'bundled', checkedAsOf: '2026-02-17', sha256: 'c'.repeat(64) },
      appSha256: 'a'.repeat(64),
      prints: { lastSuccess: '2026-11-25T08:00:00.000Z', lastFailure: null },
      recentErrors: [
        { at: '2026-11-25 09:01:00', level: 'error', text: 'print: CUPS did not answer' },
      ],
    });
    expect(d.freeDiskBytes).toBeGreaterThan(0);
    expect(staff.touch).toHaveBeenCalled();
    call();
    // The app's files are hashed once, not on every look.
    expect(appHash).toHaveBeenCalledTimes(1);
  });

  it('answers only in staff mode', () => {
    const { call, logged } = setup(false);
    expect(() => call()).toThrow(/staff only/);
    expect(logged.join('\n')).toMatch(/refused diagnostics/);
  });

  it('says the app hash is unavailable, once, when the files cannot be read', () => {
    const logged: string[] = [];
    const hash = diagnosticsIpc.onceAppHash(
      () => {
        throw new Error('ENOENT: no such file');
      },
      (m) => logged.push(m),
    );
    expect(hash()).toBeNull();
    expect(hash()).toBeNull();
    expect(logged).toEqual(["diagnostics: cannot hash the app's files: ENOENT: no such file"]);
  });
});
