import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  LINUX_POLICY_PATH,
  LockedFieldsError,
  policyPath,
  PolicySettings,
  readPolicy,
  SPENT_CODES_FILE_NAME,
  spentCodesFile,
  staffPolicy,
} from '../../../electron/main/policy';
import { SettingsStore, SETTINGS_FILE_NAME } from '../../../electron/main/settings-store';
import { scryptHasher } from '../../../electron/main/staff/pin-file';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';
import { StaffCore } from '../../../core/staff/staff-core';
import { memoryStorage } from '../../core/staff/fakes';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-policy-');

/** A policy file as IT would leave it: root-owned, 0644 (the owner is faked where tests run). */
const rootOwned = (path: string) => ({
  readFileSync: (p: string, e: 'utf8') => readFileSync(p, e),
  statSync: () => ({ mode: 0o100644, uid: 0 }),
  path,
});

describe('where the policy file is', () => {
  it('is in /etc on Linux, under ProgramData on Windows, or where the variable says', () => {
    expect(policyPath('linux', {})).toBe(LINUX_POLICY_PATH);
    expect(policyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\CitizenSec Kiosk\\policy.json',
    );
    expect(policyPath('win32', {})).toBe('C:\\ProgramData\\CitizenSec Kiosk\\policy.json');
    expect(policyPath('linux', { CITIZENSEC_KIOSK_POLICY: '/tmp/p.json' })).toBe('/tmp/p.json');
  });
});

describe('reading the policy file', () => {
  it('treats a missing file as no policy, quietly', () => {
    const log = vi.fn();
    const r = readPolicy(join(dir(), 'policy.json'), log);
    expect(r.policy).toEqual({ settings: {}, staffPinHash: null, setupCode: null });
    expect(r.problems).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });

  it('applies the good fields and logs each bad one by name', async () => {
    const file = join(dir(), 'policy.json');
    const pin = await scryptHasher.create('482913');
    writeFileSync(
      file,
      JSON.stringify({
        settings: { branchType: 'police', branchPhone: 'ask', idle: { goodbyeSeconds: 30 } },
        staffPinHash: pin,
      }),
    );
    const log = vi.fn();
    const f = rootOwned(file);
    const r = readPolicy(file, log, f as never, 'linux');
    expect(r.policy).toEqual({
      settings: { branchType: 'police', idle: { goodbyeSeconds: 30 } },
      staffPinHash: pin,
      setupCode: null,
    });
    expect(r.problems.map((p) => p.field)).toEqual(['settings.branchPhone']);
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toContain('policy: settings.branchPhone: not a phone number');
    expect(logged).toContain('sets the staff PIN');
    expect(logged).not.toContain(pin.hash);
  });

  it('reports a malformed or unreadable file and ignores it', () => {
    const file = join(dir(), 'policy.json');
    writeFileSync(file, '{"settings": {"paper": "a4",}}');
    const log = vi.fn();
    const r = readPolicy(file, log, rootOwned(file) as never, 'linux');
    expect(r.policy.settings).toEqual({});
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/not valid JSON/);
    expect(log.mock.calls.flat().join('\n')).toMatch(/policy: policy file: not valid JSON/);

    const denied = {
      readFileSync: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
      statSync: () => ({ mode: 0o100600, uid: 0 }),
    };
    const r2 = readPolicy(file, log, denied as never, 'linux');
    expect(r2.policy.settings).toEqual({});
    expect(r2.problems).toEqual([{ field: '', message: 'cannot be read (EACCES)' }]);
  });

  it('warns when others than root may change the file, and never writes it', () => {
    const file = join(dir(), 'policy.json');
    const text = '{"settings":{"paper":"receipt-80"}}';
    writeFileSync(file, text);
    chmodSync(file, 0o666);
    const log = vi.fn();
    const files = {
      readFileSync: (p: string, e: 'utf8') => readFileSync(p, e),
      statSync: () => ({ mode: 0o100666, uid: 0 }),
    };
    const r = readPolicy(file, log, files as never, 'linux');
    expect(r.policy.settings).toEqual({ paper: 'receipt-80' });
    expect(r.problems.map((p) => p.message)).toEqual([
      'others than root may change this file: make it root-owned, mode 0644',
    ]);
    const owned = { ...files, statSync: () => ({ mode: 0o100644, uid: 1000 }) };
    expect(readPolicy(file, log, owned as never, 'linux').problems).toHaveLength(1);
    expect(readPolicy(file, log, owned as never, 'win32').problems).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('settings under a policy', () => {
  function load(policySettings: object, saved?: object) {
    if (saved) writeFileSync(join(dir(), SETTINGS_FILE_NAME), JSON.stringify(saved));
    const file = join(dir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ settings: policySettings }));
    const loaded = readPolicy(file, () => {}, rootOwned(file) as never, 'linux');
    const own = new SettingsStore(dir(), () => {});
    return { own, settings: new PolicySettings(own, loaded, () => {}) };
  }

  it('uses the policy over the saved file, and refuses a save that changes a locked field', () => {
    const { own, settings } = load(
      { branchPhone: '102' },
      { ...DEFAULT_SETTINGS, branchPhone: '+7 727 250 00 00' },
    );
    expect(settings.current().branchPhone).toBe('102');
    expect(settings.locked()).toEqual(['branchPhone']);
    expect(() => settings.save({ ...settings.current(), branchPhone: '112' })).toThrow(
      LockedFieldsError,
    );
    expect(own.current().branchPhone).toBe('+7 727 250 00 00');
    // Staff's change is saved; the file keeps the kiosk's own phone, not IT's.
    const saved = settings.save({ ...settings.current(), branchName: 'Astana 3' });
    expect(saved).toMatchObject({ branchName: 'Astana 3', branchPhone: '102' });
    const onDisk = JSON.parse(readFileSync(join(dir(), SETTINGS_FILE_NAME), 'utf8'));
    expect(onDisk).toMatchObject({ branchName: 'Astana 3', branchPhone: '+7 727 250 00 00' });
  });

  it('reports a locked value the saved settings cannot take', () => {
    const { settings } = load(
      { defaultLocale: 'en' },
      { ...DEFAULT_SETTINGS, enabledLocales: ['kk', 'ru'] },
    );
    expect(settings.locked()).toEqual([]);
    expect(settings.problems().map((p) => p.field)).toEqual(['settings.defaultLocale']);
  });
});

describe('the setup code in main', () => {
  it('is spent in the data folder as a hash, never as the code', () => {
    const spent = spentCodesFile(join(dir(), SPENT_CODES_FILE_NAME));
    expect(spent.isSpent('58204719')).toBe(false);
    spent.spend('58204719');
    spent.spend('58204719');
    expect(spent.isSpent('58204719')).toBe(true);
    expect(spent.isSpent('58204710')).toBe(false);
    const text = readFileSync(join(dir(), SPENT_CODES_FILE_NAME), 'utf8');
    expect(text).not.toContain('58204719');
    expect(JSON.parse(text)).toHaveLength(1);
  });

  it('is spent by the first PIN, and then opens nothing after a restart', async () => {
    const file = join(dir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ setupCode: '58204719' }));
    const loaded = readPolicy(file, () => {}, rootOwned(file) as never, 'linux');
    const pins = memoryStorage();
    const first = new StaffCore(
      pins,
      scryptHasher,
      () => {},
      undefined,
      undefined,
      staffPolicy(loaded, dir()),
    );
    expect(first.status().firstPin).toBe('setup-code');
    expect(await first.enterSetupCode('58204719')).toEqual({ ok: true });
    expect(await first.setup('482913')).toEqual({ ok: true });
    // IT deletes the PIN file of a forgotten PIN, but leaves the same code in the policy.
    pins.value = null;
    const next = new StaffCore(
      pins,
      scryptHasher,
      () => {},
      undefined,
      undefined,
      staffPolicy(loaded, dir()),
    );
    expect(next.status().firstPin).toBe('call-it');
    expect(await next.enterSetupCode('58204719')).toEqual({ ok: false, reason: 'no-code' });
  });
});
