import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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
  branchPhone: '+7 727 250 00 00',
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

  it('reads a file from before staff had a language of their own as sound, staff on its default', () => {
    const { staffLocale: _, ...older } = SAVED;
    writeFileSync(file(), JSON.stringify(older));
    const log = vi.fn();
    const store = new SettingsStore(dir(), log);
    expect(store.current()).toEqual({ ...SAVED, staffLocale: 'ru' });
    expect(store.notice()).toBeNull();
    expect(log).not.toHaveBeenCalledWith(expect.stringContaining('wrong fields'));
    // A wrong one is still a fault, and named.
    writeFileSync(file(), JSON.stringify({ ...SAVED, staffLocale: 'de' }));
    expect(new SettingsStore(dir(), () => {}).notice()).toEqual({
      kind: 'fields-reset',
      fields: ['staffLocale'],
      from: 'last-good',
    });
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

  it('keeps the good fields of a hand-edited file, names the ones it reset to the defaults', () => {
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
    expect(store.current().idle.idleSeconds).toBe(DEFAULT_SETTINGS.idle.idleSeconds);
    expect(store.current().idle.warningSeconds).toBe(SAVED.idle.warningSeconds);
    expect(store.notice()).toEqual({
      kind: 'fields-reset',
      fields: expect.arrayContaining(['paper', 'idle', 'policePhone']),
      from: 'defaults',
    });
    // A file that did not load cleanly never becomes the copy to fall back to.
    expect(existsSync(lastGood())).toBe(false);
  });

  it('keeps each missing or wrong field at its last good value, and the last good copy as it was', () => {
    const saved: KioskSettings = {
      ...SAVED,
      kioskName: 'Lobby 1',
      printerName: 'Lobby_Printer',
      idle: { ...SAVED.idle, warningSeconds: 45 },
    };
    new SettingsStore(dir(), () => {}).save(saved);
    const good = readFileSync(lastGood(), 'utf8');
    const variants: [string, unknown][] = [
      ['nothing at all', {}],
      ['one field only', { branchName: 'Astana 3' }],
      ['wrong types', { ...saved, branchName: 7, paper: null, bilingualSheet: 'yes' }],
      ['a phone nobody can dial', { ...saved, branchPhone: 'ask at the desk' }],
      ['an unknown branch type', { ...saved, branchType: 'shop' }],
      ['no languages', { ...saved, enabledLocales: [] }],
      ['a default language switched off', { ...saved, defaultLocale: 'en' }],
      ['a printer name with spaces', { ...saved, printerName: 'Lobby printer' }],
      ['idle times out of bounds', { ...saved, idle: { ...saved.idle, warningSeconds: 1 } }],
      ['idle times missing', { ...saved, idle: {} }],
      ['idle not an object', { ...saved, idle: 30 }],
      ['a name too long', { ...saved, kioskName: 'k'.repeat(200) }],
      ['extra fields only', { colour: 'blue' }],
      ['a BOM and one field', { paper: 'a4' }],
      ['everything wrong', Object.fromEntries(Object.keys(saved).map((k) => [k, null]))],
    ];
    for (const [name, raw] of variants) {
      const text = name.startsWith('a BOM') ? `\uFEFF${JSON.stringify(raw)}` : JSON.stringify(raw);
      writeFileSync(file(), text);
      const store = new SettingsStore(dir(), () => {});
      const s = store.current();
      // What staff set and no file named wrongly survives: branch, phones, printer and paper.
      const given = raw as Record<string, unknown>;
      expect(s.branchName, name).toBe(
        given.branchName === 'Astana 3' ? 'Astana 3' : saved.branchName,
      );
      expect(s.branchPhone, name).toBe(saved.branchPhone);
      expect(s.policePhone, name).toBe(saved.policePhone);
      expect(s.printerName, name).toBe(saved.printerName);
      expect(s.paper, name).toBe(given.paper === 'a4' ? 'a4' : saved.paper);
      expect(s.idle.warningSeconds, name).toBe(45);
      expect(store.notice(), name).toMatchObject({ kind: 'fields-reset', from: 'last-good' });
      expect(readFileSync(lastGood(), 'utf8'), name).toBe(good);
    }
    writeFileSync(file(), JSON.stringify({ branchName: 'Astana 3' }));
    expect(new SettingsStore(dir(), () => {}).notice()).toEqual({
      kind: 'fields-reset',
      fields: expect.arrayContaining(['kioskName', 'branchPhone', 'paper', 'idle']),
      from: 'last-good',
    });
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
