// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSER_COUNTERS_KEY,
  BROWSER_DRIVE_FILES_KEY,
  BROWSER_DRIVES_KEY,
  BROWSER_POLICY_KEY,
  BROWSER_SETTINGS_KEY,
  createBrowserKiosk,
} from '../../../src/kiosk/browser-kiosk';
import { countersCsvBytes, counterColumns } from '../../../core/kiosk/counters-csv';
import { emptyDay, localDate } from '../../../core/kiosk/counters';

const IDS = { steps: ['hang-up'], documents: [] };
const HEADER = counterColumns(IDS).map((_, i) => `C${i + 1}`);
const STICK = { path: '/media/kiosk/KINGSTON', label: 'KINGSTON', freeBytes: 1e9 };

async function staffKiosk() {
  // IT's one-time setup code opens the first PIN's set-up, as on a new kiosk.
  localStorage.setItem(BROWSER_POLICY_KEY, JSON.stringify({ setupCode: '58204719' }));
  const api = createBrowserKiosk(localStorage, () => {}, IDS);
  expect(await api.enterSetupCode('58204719')).toEqual({ ok: true });
  await api.setupStaffPin('482913');
  return api;
}

const files = () =>
  JSON.parse(localStorage.getItem(BROWSER_DRIVE_FILES_KEY) ?? '{}') as Record<string, string>;

describe('browser kiosk: simulated USB sticks', () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(
      BROWSER_COUNTERS_KEY,
      JSON.stringify([
        { ...emptyDay('2026-11-25'), visits: 6, languages: { kk: 6, ru: 0, en: 0 } },
      ]),
    );
  });

  it('has none until a test or a demo plugs one in, and drops malformed ones', async () => {
    const api = await staffKiosk();
    expect(await api.listDrives()).toEqual([]);
    localStorage.setItem(
      BROWSER_DRIVES_KEY,
      JSON.stringify([
        STICK,
        { label: 'no path' },
        'x',
        { path: '/media/kiosk/RO', label: 'RO', readOnly: true },
      ]),
    );
    expect(await api.listDrives()).toEqual([
      { ...STICK, readOnly: false },
      { path: '/media/kiosk/RO', label: 'RO', freeBytes: null, readOnly: true },
    ]);
  });

  it('writes the exact bytes main would, under the same name', async () => {
    localStorage.setItem(BROWSER_DRIVES_KEY, JSON.stringify([STICK]));
    localStorage.setItem(BROWSER_SETTINGS_KEY, JSON.stringify({ kioskName: 'Астана 1' }));
    const api = await staffKiosk();
    const file = `citizensec-counters-Астана-1-${localDate(new Date())}.csv`;
    expect(await api.exportCounters({ drive: STICK.path, header: HEADER })).toEqual({
      ok: true,
      file,
      drive: 'KINGSTON',
    });
    const written = Uint8Array.from(atob(files()[`${STICK.path}/${file}`]!), (c) =>
      c.charCodeAt(0),
    );
    const days = JSON.parse(localStorage.getItem(BROWSER_COUNTERS_KEY)!);
    expect(written).toEqual(countersCsvBytes(days, IDS, HEADER, localDate(new Date())));
  });

  it('refuses a drive not plugged in, a full or read-only one, and a wrong header', async () => {
    localStorage.setItem(
      BROWSER_DRIVES_KEY,
      JSON.stringify([
        { ...STICK, freeBytes: 10 },
        { path: '/media/kiosk/RO', label: 'RO', readOnly: true },
      ]),
    );
    const api = await staffKiosk();
    const go = (drive: string, header = HEADER) => api.exportCounters({ drive, header });
    expect(await go('/media/kiosk/OTHER')).toEqual({ ok: false, problem: 'no-drive' });
    expect(await go(STICK.path)).toEqual({ ok: false, problem: 'full' });
    expect(await go('/media/kiosk/RO')).toEqual({ ok: false, problem: 'read-only' });
    expect(await go('/media/kiosk/RO', ['one'])).toEqual({ ok: false, problem: 'invalid' });
    expect(files()).toEqual({});
  });

  it('answers staff only', async () => {
    localStorage.setItem(BROWSER_DRIVES_KEY, JSON.stringify([STICK]));
    const api = createBrowserKiosk(localStorage, () => {}, IDS);
    await expect(api.listDrives()).rejects.toThrow(/staff only/);
    expect(await api.exportCounters({ drive: STICK.path, header: HEADER })).toEqual({
      ok: false,
      problem: 'not-staff',
    });
  });
});
