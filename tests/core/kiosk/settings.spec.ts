import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  IDLE_FIELDS,
  isValidField,
  normalizeSettings,
  SETTINGS,
  SETTINGS_FIELDS,
  settingsProblems,
} from '../../../core/kiosk/settings';
import { DEFAULT_IDLE, IDLE_BOUNDS } from '../../../core/visit/idle';
import type { KioskSettings } from '../../../core/kiosk/kiosk-api';

const VALID: KioskSettings = {
  ...DEFAULT_SETTINGS,
  kioskName: 'Kiosk 2',
  branchName: 'Astana, Kabanbay Batyr 15',
  branchType: 'police',
  branchPhone: '+7 7172 55 00 00',
  policePhone: '102',
  enabledLocales: ['kk', 'ru'],
  defaultLocale: 'ru',
  staffLocale: 'kk',
  printerName: 'Kiosk_Printer-1',
  paper: 'receipt-80',
  bilingualSheet: true,
  idle: {
    idleSeconds: 120,
    readingIdleSeconds: 240,
    callIdleSeconds: 600,
    warningSeconds: 45,
    goodbyeSeconds: 20,
  },
};

describe('the settings table', () => {
  it('has a row for every setting, and its defaults are the defaults', () => {
    expect(Object.keys(SETTINGS_FIELDS).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(DEFAULT_SETTINGS.idle).toEqual(DEFAULT_IDLE);
    for (const key of Object.keys(IDLE_FIELDS) as (keyof typeof IDLE_FIELDS)[])
      expect(IDLE_FIELDS[key]).toMatchObject(IDLE_BOUNDS[key]);
  });

  it('accepts a phone in any common written form, and refuses the rest', () => {
    for (const phone of ['+7 (727) 250-00-00', '87272500000', '8-800-080-7777', '1414', ''])
      expect(settingsProblems({ ...VALID, branchPhone: phone }), phone).toEqual([]);
    for (const phone of ['727 250 00 00', 'ask at the desk', '+1 727 250 00 00'])
      expect(settingsProblems({ ...VALID, policePhone: phone }), phone).toEqual(['policePhone']);
  });

  it('refuses a staff language the kiosk does not have', () => {
    expect(settingsProblems({ ...VALID, staffLocale: 'de' })).toEqual(['staffLocale']);
    expect(settingsProblems({ ...VALID, staffLocale: undefined })).toEqual(['staffLocale']);
  });

  it('takes its own defaults and a fully set kiosk as valid', () => {
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
    expect(settingsProblems(VALID)).toEqual([]);
    expect(isValidField(SETTINGS, VALID)).toBe(true);
  });
});

describe('normalizeSettings', () => {
  it('keeps phones in the one form the kiosk shows, however they were written', () => {
    const s = normalizeSettings({
      ...VALID,
      branchPhone: '8 (7172) 55-00-00',
      policePhone: ' 102 ',
    });
    expect(s).toMatchObject({ branchPhone: '+7 7172 55 00 00', policePhone: '102' });
    expect(normalizeSettings({ branchPhone: '+7 (727) 250-00-00' }).branchPhone).toBe(
      '+7 727 250 00 00',
    );
    expect(normalizeSettings({ branchPhone: '   ' }).branchPhone).toBe('');
    expect(normalizeSettings({ branchPhone: 'ask at the desk' }).branchPhone).toBe('');
    expect(normalizeSettings({ branchPhone: 87272500000 }).branchPhone).toBe('');
  });

  it("gives staff the language they chose, else the kiosk's default language", () => {
    expect(normalizeSettings({ ...VALID, staffLocale: 'en' })).toMatchObject({
      defaultLocale: 'ru',
      staffLocale: 'en',
    });
    // Staff may read a language the visitors are not offered.
    expect(
      normalizeSettings({ enabledLocales: ['kk'], defaultLocale: 'kk', staffLocale: 'ru' }),
    ).toMatchObject({ enabledLocales: ['kk'], staffLocale: 'ru' });
    const { staffLocale: _, ...older } = VALID;
    expect(normalizeSettings(older).staffLocale).toBe('ru');
    expect(normalizeSettings({ ...VALID, staffLocale: 'de' }).staffLocale).toBe('ru');
    expect(normalizeSettings({ enabledLocales: ['en'], defaultLocale: 'kk' }).staffLocale).toBe(
      'en',
    );
  });

  it('never leaves the kiosk without a language', () => {
    expect(normalizeSettings({ enabledLocales: [] }).enabledLocales).toEqual(['kk', 'ru', 'en']);
    expect(normalizeSettings({ enabledLocales: ['en'], defaultLocale: 'kk' })).toMatchObject({
      enabledLocales: ['en'],
      defaultLocale: 'en',
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ branchName: 'x'.repeat(500) }).branchName).toHaveLength(80);
  });

  it('keeps idle times within safe bounds, whatever the file says', () => {
    expect(
      normalizeSettings({
        idle: { warningSeconds: 5, idleSeconds: 100000, goodbyeSeconds: 'soon' },
      }).idle,
    ).toEqual({
      idleSeconds: IDLE_BOUNDS.idleSeconds.max,
      readingIdleSeconds: IDLE_BOUNDS.readingIdleSeconds.default,
      callIdleSeconds: IDLE_BOUNDS.callIdleSeconds.default,
      warningSeconds: 20,
      goodbyeSeconds: IDLE_BOUNDS.goodbyeSeconds.default,
    });
    expect(normalizeSettings({ idle: null }).idle).toEqual(DEFAULT_IDLE);
  });

  it('keeps valid settings as they are', () => {
    expect(normalizeSettings(VALID)).toEqual(VALID);
  });

  it('turns anything at all into settings that a save would accept', () => {
    const junk: unknown[] = [
      undefined,
      42,
      'settings',
      [],
      { kioskName: 7, branchType: 'shop', paper: 'a3', bilingualSheet: 'yes' },
      { enabledLocales: ['de', 'kk', 'kk'], defaultLocale: 'de', printerName: 'a b/c' },
      { branchPhone: 'call us', policePhone: '+7 (727) 250-00-00!', idle: [1, 2] },
      { idle: { idleSeconds: Number.NaN, warningSeconds: Infinity, goodbyeSeconds: 12.6 } },
      { kioskName: '  Two\n\tlines  ', extra: true },
    ];
    for (const raw of junk) {
      const s = normalizeSettings(raw);
      expect(settingsProblems(s), JSON.stringify(raw)).toEqual([]);
      expect(isValidField(SETTINGS, s)).toBe(true);
    }
    expect(normalizeSettings(junk.at(-1)).kioskName).toBe('Two lines');
    expect(normalizeSettings(junk.at(-2)).idle.goodbyeSeconds).toBe(13);
  });
});

describe('settingsProblems', () => {
  it('names each field a save would refuse, by path', () => {
    expect(
      settingsProblems({
        ...VALID,
        branchPhone: 'call us',
        paper: 'a3',
        idle: { ...VALID.idle, warningSeconds: 5, goodbyeSeconds: 12.5 },
      }),
    ).toEqual(['branchPhone', 'paper', 'idle.warningSeconds', 'idle.goodbyeSeconds']);
  });

  it('marks the default language when it is not among the enabled ones', () => {
    expect(settingsProblems({ ...VALID, enabledLocales: ['kk'], defaultLocale: 'ru' })).toEqual([
      'defaultLocale',
    ]);
    expect(settingsProblems({ ...VALID, enabledLocales: [] })).toEqual([
      'enabledLocales',
      'defaultLocale',
    ]);
  });

  it('refuses languages twice over, names too long and odd printer names', () => {
    expect(
      settingsProblems({
        ...VALID,
        enabledLocales: ['kk', 'kk'],
        defaultLocale: 'kk',
        branchName: 'x'.repeat(81),
        printerName: 'my printer',
      }),
    ).toEqual(['branchName', 'enabledLocales', 'printerName']);
  });

  it('treats a missing field as a problem', () => {
    const { paper: _, ...rest } = VALID;
    expect(settingsProblems(rest)).toEqual(['paper']);
    expect(settingsProblems(null)).toEqual(['']);
  });
});
