import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  LAST_GOOD_FILE_NAME,
  SETTINGS_FILE_NAME,
  SettingsStore,
} from '../../../electron/main/settings-store';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';
import type { KioskSettings } from '../../../core/kiosk/kiosk-api';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-settings-');

const SAVED: KioskSettings = {
  ...DEFAULT_SETTINGS,
  kioskName: 'Lobby 1',
  branchName: 'Almaty, Abay 10',
  branchType: 'police',
  policePhone: '102',
  branchPhone: '8 727 250 00 00',
  paper: 'receipt-80',
  enabledLocales: ['kk', 'ru'],
  defaultLocale: 'ru',
};
const file = () => join(dir(), SETTINGS_FILE_NAME);
const lastGood = () => join(dir(), LAST_GOOD_FILE_NAME);

describe('settings store', () => {
  it('starts on the defaults, silently, when there is no file', () => {
    const log = vi.fn();
    const store = new SettingsStore(dir(), log);
    expect(store.current()).toEqual(DEFAULT_SETTINGS);
    expect(store.notice()).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('saves both the file and its last good copy, and reads them back', () => {
    new SettingsStore(dir(), () => {}).save(SAVED);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(SAVED);
    expect(JSON.parse(readFileSync(lastGood(), 'utf8'))).toEqual(SAVED);
    const again = new SettingsStore(dir(), () => {});
    expect(again.current()).toEqual(SAVED);
    expect(again.notice()).toBeNull();
    // Nothing temporary is left behind.
    expect(readdirSync(dir()).sort()).toEqual([SETTINGS_FILE_NAME, LAST_GOOD_FILE_NAME].sort());
  });

  it('does not rewrite the last good copy at an ordinary start', () => {
    new SettingsStore(dir(), () => {}).save(SAVED);
    const before = statSync(lastGood()).mtimeMs;
    utimesSync(lastGood(), new Date(1_700_000_000_000), new Date(1_700_000_000_000));
    new SettingsStore(dir(), () => {});
    expect(statSync(lastGood()).mtimeMs).toBe(1_700_000_000_000);
    expect(before).toBeGreaterThan(1_700_000_000_000);
  });

  it('falls back to the last good copy when the file is damaged, and says so', () => {
    new SettingsStore(dir(), () => {}).save(SAVED);
    for (const damage of ['', '{"branchName": "Alma', '\u0000\u0000\u0000', '[1, 2]', 'null']) {
      writeFileSync(file(), damage);
      const log = vi.fn();
      const store = new SettingsStore(dir(), log);
      expect(store.current(), JSON.stringify(damage)).toEqual(SAVED);
      expect(store.notice()).toEqual({ kind: 'restored-last-good' });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('damaged'));
    }
  });

  it('uses the defaults when both copies are damaged, and says so', () => {
    writeFileSync(file(), '{');
    writeFileSync(lastGood(), 'also broken');
    const store = new SettingsStore(dir(), () => {});
    expect(store.current()).toEqual(DEFAULT_SETTINGS);
    expect(store.notice()).toEqual({ kind: 'defaults-used' });
  });

  it('recovers the last good copy when a power cut left no settings file', () => {
    new SettingsStore(dir(), () => {}).save(SAVED);
    rmSync(file());
    const store = new SettingsStore(dir(), () => {});
    expect(store.current()).toEqual(SAVED);
    expect(store.notice()).toEqual({ kind: 'restored-last-good' });
  });

  it('keeps the good fields of a hand-edited file, names the ones it reset', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        ...SAVED,
        paper: 'a3',
        idle: { ...SAVED.idle, idleSeconds: 5 },
        policePhone: 'call us',
      }),
    );
    const store = new SettingsStore(dir(), () => {});
    expect(store.current()).toMatchObject({
      branchName: SAVED.branchName,
      paper: 'a4',
      policePhone: '',
    });
    expect(store.current().idle.idleSeconds).toBe(45);
    expect(store.notice()).toEqual({
      kind: 'fields-reset',
      fields: expect.arrayContaining(['paper', 'idle', 'policePhone']),
    });
    // What now runs is the copy to fall back to.
    expect(JSON.parse(readFileSync(lastGood(), 'utf8'))).toEqual(store.current());
  });

  it('keeps the old settings when a save cannot be written', () => {
    const store = new SettingsStore(dir(), () => {});
    store.save(SAVED);
    rmSync(dir(), { recursive: true });
    writeFileSync(dir(), 'a file where the folder was');
    expect(() => store.save({ ...SAVED, branchName: 'New' })).toThrow();
    expect(store.current()).toEqual(SAVED);
    rmSync(dir());
  });
});
