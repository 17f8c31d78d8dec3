import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join, win32 } from 'node:path';
import type { KioskSettings, SettingsNotice } from '../../core/kiosk/kiosk-api';
import {
  applyPolicy,
  lockedChanges,
  NO_POLICY,
  parsePolicy,
  policyProblemText,
  unlockedPart,
  type KioskPolicy,
  type PolicyProblem,
} from '../../core/kiosk/policy';
import type { SpentCodes, StaffPolicy } from '../../core/staff/staff-core';
import { validateMetricsPolicy } from '../../core/kiosk/metrics-policy';
import { validateContentPacks } from '../../core/kiosk/pack-policy';
import { readJsonFile, writeFileAtomic } from './data-file';
import type { LogFn } from './log';
import { scryptHasher } from './staff/pin-file';

/*
 * IT's policy file (core/kiosk/policy.ts): read once at start, never written. A missing file is
 * no policy; an unreadable or malformed one is logged, shown on the staff screen and ignored.
 */

/** Where IT puts the policy; for tests and trials, `CITIZENSEC_KIOSK_POLICY` names another. */
export const POLICY_ENV = 'CITIZENSEC_KIOSK_POLICY';
export const LINUX_POLICY_PATH = '/etc/citizensec-kiosk/policy.json';
export const MAC_POLICY_PATH = '/Library/Application Support/CitizenSec Kiosk/policy.json';
/** Setup codes used for a first PIN, as SHA-256 hashes, in main's data folder. */
export const SPENT_CODES_FILE_NAME = 'setup-codes-spent.json';

/** The policy file's path on this system. */
export function policyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env[POLICY_ENV];
  if (override) return override;
  if (platform === 'win32')
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'CitizenSec Kiosk', 'policy.json');
  return platform === 'darwin' ? MAC_POLICY_PATH : LINUX_POLICY_PATH;
}

export interface LoadedPolicy {
  readonly path: string;
  readonly policy: KioskPolicy;
  readonly problems: readonly PolicyProblem[];
}

/**
 * Reads and checks the policy file; never throws and never writes. On Linux and macOS a file
 * anyone may write is still read (the kiosk would otherwise lose IT's settings) but reported:
 * it must be root-owned and 0644 (docs/deploy.md).
 */
export function readPolicy(
  path: string,
  log: LogFn,
  files: Pick<typeof fs, 'readFileSync' | 'statSync'> = fs,
  platform: NodeJS.Platform = process.platform,
  /** Where the line saying what the policy does goes; problems go to `log`. */
  info: LogFn = log,
): LoadedPolicy {
  let text: string;
  try {
    text = files.readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, policy: NO_POLICY, problems: [] };
    const problems = [{ field: '', message: `cannot be read (${code ?? (err as Error).message})` }];
    log(`policy: ${path}: ${policyProblemText(problems[0]!)}; ignored`);
    return { path, policy: NO_POLICY, problems };
  }
  const { policy, problems } = parsePolicy(text, {
    pinReadable: scryptHasher.readable,
    contentPacks: validateContentPacks,
    metrics: validateMetricsPolicy,
  });
  const all = [...problems];
  if (platform !== 'win32') {
    try {
      const st = files.statSync(path);
      if ((st.mode & 0o022) !== 0 || st.uid !== 0)
        all.push({
          field: '',
          message: 'others than root may change this file: make it root-owned, mode 0644',
        });
    } catch {
      // Read a moment ago; a stat that fails now changes nothing in what was read.
    }
  }
  info(
    `policy: ${path} read; locks ${Object.keys(policy.settings).length} settings` +
      `${policy.staffPinHash ? ', sets the staff PIN' : ''}` +
      `${policy.setupCode ? ', has a setup code' : ''}`,
  );
  for (const p of all) log(`policy: ${policyProblemText(p)}`);
  return { path, policy, problems: all };
}

const sha256 = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * The setup codes already spent, as SHA-256 hashes (never the code itself) in the data folder:
 * the policy file is read-only, so this is where a used code is remembered.
 */
export function spentCodesFile(path: string): SpentCodes {
  const read = (): string[] => {
    const r = readJsonFile(path);
    return r.kind === 'ok' && Array.isArray(r.raw)
      ? r.raw.filter((h): h is string => typeof h === 'string')
      : [];
  };
  return {
    isSpent: (code) => read().includes(sha256(code)),
    spend(code) {
      const hashes = read();
      if (!hashes.includes(sha256(code))) hashes.push(sha256(code));
      writeFileAtomic(path, `${JSON.stringify(hashes)}\n`);
    },
  };
}

/** What staff entry takes from the policy. */
export function staffPolicy(loaded: LoadedPolicy, dataDir: string): StaffPolicy {
  return {
    pin: loaded.policy.staffPinHash,
    setupCode: loaded.policy.setupCode,
    spent: spentCodesFile(join(dataDir, SPENT_CODES_FILE_NAME)),
  };
}

/** The settings main keeps (electron/main/settings-store.ts), as the policy needs them. */
export interface OwnSettings {
  current(): KioskSettings;
  notice(): SettingsNotice | null;
  save(next: KioskSettings): KioskSettings;
}

/** A save that changes a field the policy locks. */
export class LockedFieldsError extends Error {
  constructor(readonly fields: readonly string[]) {
    super(`refused: set by IT's policy: ${fields.join(', ')}`);
    this.name = 'LockedFieldsError';
  }
}

/**
 * The settings in use: the kiosk's own (saved by staff) with the policy over them. A save is
 * refused if it changes a locked field; what is stored keeps the kiosk's own value of each
 * locked field, so lifting the policy brings staff's settings back.
 */
export class PolicySettings implements OwnSettings {
  constructor(
    private readonly own: OwnSettings,
    private readonly loaded: LoadedPolicy,
    private readonly log: LogFn,
  ) {
    for (const p of applyPolicy(own.current(), loaded.policy).problems)
      log(`policy: ${policyProblemText(p)}`);
  }

  private applied() {
    return applyPolicy(this.own.current(), this.loaded.policy);
  }

  current(): KioskSettings {
    return this.applied().settings;
  }

  notice(): SettingsNotice | null {
    return this.own.notice();
  }

  locked(): readonly string[] {
    return this.applied().locked;
  }

  /** The file's problems, then any locked value that cannot apply over the saved settings. */
  problems(): readonly PolicyProblem[] {
    return [...this.loaded.problems, ...this.applied().problems];
  }

  save(next: KioskSettings): KioskSettings {
    const { settings, locked } = this.applied();
    const changed = lockedChanges(next, settings, locked);
    if (changed.length > 0) {
      this.log(
        `settings: refused a save that changes what IT's policy sets: ${changed.join(', ')}`,
      );
      throw new LockedFieldsError(changed);
    }
    this.own.save(unlockedPart(next, this.own.current(), locked));
    return this.current();
  }
}
