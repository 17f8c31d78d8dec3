import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyPolicy,
  lockedChanges,
  lockedPaths,
  MAX_POLICY_BYTES,
  NO_POLICY,
  parsePolicy,
  policyProblemText,
  unlockedPart,
  validatePolicy,
  type KioskPolicy,
} from '../../../core/kiosk/policy';
import { DEFAULT_SETTINGS, SETTINGS_FIELDS } from '../../../core/kiosk/settings';
import { validateContentPacks } from '../../../core/kiosk/pack-policy';
import type { KioskSettings } from '../../../core/kiosk/kiosk-api';
import { plainHasher } from '../staff/fakes';

const checks = { pinReadable: plainHasher.readable };
const PIN = { algorithm: 'test', salt: 's', hash: 'h482913' };

describe('the policy file', () => {
  it('takes every field of the settings table, an idle time alone, a PIN record and a setup code', () => {
    const { policy, problems } = validatePolicy(
      {
        settings: {
          branchType: 'police',
          branchPhone: '8 727 254 00 00',
          enabledLocales: ['kk', 'ru'],
          defaultLocale: 'ru',
          idle: { warningSeconds: 45 },
        },
        setupCode: '58204719',
      },
      checks,
    );
    expect(problems).toEqual([]);
    expect(policy.settings).toEqual({
      branchType: 'police',
      branchPhone: '8 727 254 00 00',
      enabledLocales: ['kk', 'ru'],
      defaultLocale: 'ru',
      idle: { warningSeconds: 45 },
    });
    expect(policy.setupCode).toBe('58204719');
    expect(lockedPaths(policy)).toEqual([
      'branchType',
      'branchPhone',
      'enabledLocales',
      'defaultLocale',
      'idle.warningSeconds',
    ]);
    expect(validatePolicy({ staffPinHash: PIN }, checks)).toEqual({
      policy: { settings: {}, staffPinHash: PIN, setupCode: null },
      problems: [],
    });
  });

  it('takes the example in docs/deploy.md without a problem', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/deploy.md'), 'utf8');
    const example = /### IT policy file[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { policy, problems } = parsePolicy(example!, checks);
    expect(problems).toEqual([]);
    expect(lockedPaths(policy)).toContain('idle.warningSeconds');
    expect(policy.setupCode).toMatch(/^\d{8,16}$/);
  });

  it('ignores each bad field, names it, and applies the rest', () => {
    const { policy, problems } = validatePolicy(
      {
        settings: {
          branchName: 'Astana 3',
          branchPhone: 'call the desk',
          companionUrl: 'http://example.kz/c',
          paper: 'letter',
          colour: 'blue',
          idle: { idleSeconds: 5, goodbyeSeconds: 30, nap: 1 },
        },
        staffPinHash: { algorithm: 'md5', hash: 'x' },
        setupCode: 58204719,
        version: 2,
      },
      checks,
    );
    expect(policy.settings).toEqual({ branchName: 'Astana 3', idle: { goodbyeSeconds: 30 } });
    expect(policy.staffPinHash).toBeNull();
    expect(policy.setupCode).toBeNull();
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual([
      'version',
      'settings.branchPhone',
      'settings.companionUrl',
      'settings.paper',
      'settings.colour',
      'settings.idle.idleSeconds',
      'settings.idle.nap',
      'staffPinHash',
      'setupCode',
    ]);
    // Every line names its field first, then says what was expected.
    const text = problems.map(policyProblemText);
    for (const [i, line] of text.entries()) expect(line.startsWith(`${fields[i]}: `)).toBe(true);
    expect(text).toContain(
      'settings.branchPhone: not a phone number (expected a phone number of Kazakhstan or a short number, or nothing)',
    );
    expect(text).toContain('settings.colour: not a setting of this kiosk');
    expect(text).toContain('settings.idle.idleSeconds: expected whole seconds from 45 to 600');
    expect(text).toContain('settings.paper: expected one of a4, receipt-80');
    expect(text.find((l) => l.startsWith('setupCode'))).toMatch(/8 to 16 digits/);
    expect(text.find((l) => l.startsWith('staffPinHash'))).toMatch(/npm run staff-pin/);
  });

  it('checks each kind of setting with the settings table, and names each wrong one', () => {
    const wrong: Record<keyof KioskSettings, unknown> = {
      kioskName: 'x'.repeat(200),
      branchName: 42,
      branchType: 'shop',
      branchPhone: '+7 abc',
      policePhone: [],
      defaultLocale: 'de',
      staffLocale: 'fr',
      enabledLocales: [],
      printerName: 'has space',
      paper: 'a3',
      bilingualSheet: 'yes',
      companionUrl: 'ftp://x',
      idle: 'fast',
    };
    expect(Object.keys(wrong).sort()).toEqual(Object.keys(SETTINGS_FIELDS).sort());
    const { policy, problems } = validatePolicy({ settings: wrong }, checks);
    expect(policy.settings).toEqual({});
    expect(problems.map((p) => p.field).sort()).toEqual(
      Object.keys(wrong)
        .map((k) => `settings.${k}`)
        .sort(),
    );
  });

  it('leaves out a default language the policy itself does not enable', () => {
    const { policy, problems } = validatePolicy(
      { settings: { enabledLocales: ['kk'], defaultLocale: 'ru' } },
      checks,
    );
    expect(policy.settings).toEqual({ enabledLocales: ['kk'] });
    expect(problems).toEqual([
      { field: 'settings.defaultLocale', message: 'expected one of the enabled languages' },
    ]);
  });

  it('uses IT’s PIN over a setup code, and says the code is ignored', () => {
    const { policy, problems } = validatePolicy(
      { staffPinHash: PIN, setupCode: '58204719' },
      checks,
    );
    expect(policy).toEqual({ settings: {}, staffPinHash: PIN, setupCode: null });
    expect(problems.map(policyProblemText)).toEqual([
      'setupCode: ignored: staffPinHash already sets the PIN',
    ]);
  });

  it('refuses short, long and non-digit setup codes', () => {
    for (const code of ['1234567', '1'.repeat(17), '5820-4719', ' 58204719', '']) {
      const { policy, problems } = validatePolicy({ setupCode: code }, checks);
      expect(policy.setupCode, code).toBeNull();
      expect(problems.map((p) => p.field)).toEqual(['setupCode']);
    }
    expect(validatePolicy({ setupCode: '0000582047190000' }, checks).policy.setupCode).toBe(
      '0000582047190000',
    );
  });

  it('reports a file that is not JSON, not an object, or too large, and applies nothing', () => {
    for (const text of ['{"settings": {', '[]', '"kk"', 'null', ' '.repeat(MAX_POLICY_BYTES + 1)]) {
      const { policy, problems } = parsePolicy(text, checks);
      expect(policy, text.slice(0, 20)).toEqual(NO_POLICY);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.field).toBe('');
      expect(policyProblemText(problems[0]!)).toMatch(/^policy file: /);
    }
    expect(parsePolicy('{"settings": {', checks).problems[0]!.message).toMatch(/not valid JSON/);
    expect(parsePolicy('{"settings":"x"}', checks).problems).toEqual([
      { field: 'settings', message: 'expected an object of settings' },
    ]);
    // Notepad's byte order mark is not an error.
    expect(parsePolicy('\uFEFF{"settings":{"paper":"receipt-80"}}', checks)).toEqual({
      policy: { settings: { paper: 'receipt-80' }, staffPinHash: null, setupCode: null },
      problems: [],
    });
  });
});

describe('the policy over the saved settings', () => {
  const saved: KioskSettings = {
    ...DEFAULT_SETTINGS,
    branchName: 'Almaty 1',
    branchPhone: '+7 727 250 00 00',
    idle: { ...DEFAULT_SETTINGS.idle, idleSeconds: 120, warningSeconds: 40 },
  };
  const policy = (settings: KioskPolicy['settings']): KioskPolicy => ({
    ...NO_POLICY,
    settings,
  });

  it('wins field by field, down to one idle time, and locks what it sets', () => {
    const r = applyPolicy(
      saved,
      policy({ branchPhone: '102', paper: 'receipt-80', idle: { warningSeconds: 60 } }),
    );
    expect(r.settings).toEqual({
      ...saved,
      branchPhone: '102',
      paper: 'receipt-80',
      idle: { ...saved.idle, warningSeconds: 60 },
    });
    expect(r.locked).toEqual(['branchPhone', 'paper', 'idle.warningSeconds']);
    expect(r.problems).toEqual([]);
    expect(applyPolicy(saved, NO_POLICY)).toEqual({ settings: saved, locked: [], problems: [] });
  });

  it('repairs a saved field a locked one conflicts with, keeping the lock', () => {
    const r = applyPolicy(
      { ...saved, defaultLocale: 'en' },
      policy({ enabledLocales: ['kk', 'ru'] }),
    );
    expect(r.settings.enabledLocales).toEqual(['kk', 'ru']);
    expect(r.settings.defaultLocale).toBe('kk');
    expect(r.locked).toEqual(['enabledLocales']);
  });

  it('reports a locked value the saved settings cannot take, and does not lock it', () => {
    const r = applyPolicy({ ...saved, enabledLocales: ['kk'] }, policy({ defaultLocale: 'en' }));
    expect(r.settings.defaultLocale).toBe('kk');
    expect(r.locked).toEqual([]);
    expect(r.problems.map(policyProblemText)).toEqual([
      'settings.defaultLocale: expected one of the enabled languages',
    ]);
  });

  it('finds a save that changes a locked field, and keeps the kiosk’s own value of it', () => {
    const p = policy({ branchPhone: '102', idle: { warningSeconds: 60 } });
    const { settings, locked } = applyPolicy(saved, p);
    expect(lockedChanges(settings, settings, locked)).toEqual([]);
    expect(lockedChanges({ ...settings, branchName: 'Almaty 2' }, settings, locked)).toEqual([]);
    expect(lockedChanges({ ...settings, branchPhone: '112' }, settings, locked)).toEqual([
      'branchPhone',
    ]);
    expect(
      lockedChanges(
        { ...settings, idle: { ...settings.idle, warningSeconds: 30 } },
        settings,
        locked,
      ),
    ).toEqual(['idle.warningSeconds']);
    // What is stored: staff's change, and the saved (not IT's) value of each locked field.
    const stored = unlockedPart({ ...settings, branchName: 'Almaty 2' }, saved, locked);
    expect(stored).toEqual({ ...saved, branchName: 'Almaty 2' });
  });
});

describe('contentPacks in the policy file', () => {
  const key = `ed25519:${'A'.repeat(43)}=`;
  const withPacks = { ...checks, contentPacks: validateContentPacks };

  it('takes IT keys, a folder, an https URL and an age limit', () => {
    const { policy, problems } = validatePolicy(
      {
        contentPacks: {
          trustedKeys: [key],
          folder: '/media/kiosk/PACKS',
          url: 'https://content.example.kz/citizensec-content-latest.pack',
          maxAgeDays: 120,
        },
      },
      withPacks,
    );
    expect(problems).toEqual([]);
    expect(policy.contentPacks).toEqual({
      trustedKeys: [key],
      folder: '/media/kiosk/PACKS',
      url: 'https://content.example.kz/citizensec-content-latest.pack',
      maxAgeDays: 120,
    });
  });

  it('names each bad field and keeps the good ones', () => {
    const { policy, problems } = validatePolicy(
      {
        contentPacks: {
          trustedKeys: [key, 'ssh-ed25519 AAAA'],
          url: 'http://content.example.kz/pack',
          maxAgeDays: 5,
          colour: 'red',
        },
      },
      withPacks,
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'contentPacks.colour',
      'contentPacks.maxAgeDays',
      'contentPacks.trustedKeys[1]',
      'contentPacks.url',
    ]);
    expect(policy.contentPacks).toEqual({
      trustedKeys: [key],
      folder: null,
      url: null,
      maxAgeDays: null,
    });
    expect(validatePolicy({ contentPacks: 'yes' }, withPacks).problems).toEqual([
      { field: 'contentPacks', message: 'expected an object' },
    ]);
  });

  it('says the field does not apply where packs are not taken (the browser build)', () => {
    const { policy, problems } = validatePolicy({ contentPacks: { folder: '/x' } }, checks);
    expect(policy.contentPacks).toBeUndefined();
    expect(problems).toEqual([
      { field: 'contentPacks', message: 'content packs apply in the Electron kiosk only; ignored' },
    ]);
  });
});
