import type { StoredPin } from '../staff/staff-core.ts';
import type { ContentPackPolicy, PolicyProblemSink } from './pack-policy.ts';
import type { MetricsPolicy } from './metrics-policy.ts';
import type { KioskSettings } from './kiosk-api.ts';
import {
  expectedOf,
  isValidField,
  normalizeSettings,
  SETTINGS_FIELDS,
  SETTINGS_RULES,
  type Field,
} from './settings.ts';

/*
 * IT's policy file: a system-wide, read-only JSON file that sets any setting and locks it, as
 * Chrome's enterprise policies do, and can provision the staff PIN (a hash) or a one-time setup
 * code for the first PIN. Validated field by field: a bad field is ignored and reported by name,
 * the rest still applies. Main reads the file (electron/main/policy-file.ts); the browser build
 * reads the same text from local storage. Format and deployment: docs/deploy.md.
 *
 * {
 *   "settings": { "branchType": "police", "idle": { "warningSeconds": 45 } },
 *   "staffPinHash": { "algorithm": "scrypt", "N": 16384, "r": 8, "p": 1, "salt": "…", "hash": "…" },
 *   "setupCode": "58204719",
 *   "metrics": { "file": "/var/lib/prometheus/node-exporter/citizensec-kiosk.prom" }
 * }
 */

/** A setup code: digits only, long enough that the PIN lockout makes guessing it hopeless. */
export const SETUP_CODE_MIN_LENGTH = 8;
export const SETUP_CODE_MAX_LENGTH = 16;
const SETUP_CODE = new RegExp(`^\\d{${SETUP_CODE_MIN_LENGTH},${SETUP_CODE_MAX_LENGTH}}$`);

/** A policy file larger than this is not one IT wrote by hand or with a template. */
export const MAX_POLICY_BYTES = 64 * 1024;

/** The policy's top-level fields. */
export const POLICY_FIELDS = [
  'settings',
  'staffPinHash',
  'setupCode',
  'metrics',
  'contentPacks',
] as const;

/** Settings as a policy sets them: any top-level field, and any single idle time. */
export type PolicySettings = {
  readonly [K in keyof KioskSettings]?: K extends 'idle'
    ? Partial<KioskSettings['idle']>
    : KioskSettings[K];
};

/** A policy as it applies: only the fields that passed their checks. */
export interface KioskPolicy {
  readonly settings: PolicySettings;
  /** IT's PIN: it wins over one chosen at the kiosk, and cannot be changed there. */
  readonly staffPinHash: StoredPin | null;
  /** A one-time code to enter on the PIN pad before choosing the first PIN. */
  readonly setupCode: string | null;
  /** Where to write the metrics file; absent, no file. */
  readonly metrics?: MetricsPolicy;
  /** Content packs (docs/content-packs.md): IT's keys, sources and staleness limit; absent: none. */
  readonly contentPacks?: ContentPackPolicy;
}

/**
 * What is wrong with a policy, by field: `settings.branchPhone`, `setupCode`, or '' for the
 * whole file (unreadable, not JSON). Shown to staff and logged as `field: message`.
 */
export interface PolicyProblem {
  readonly field: string;
  readonly message: string;
}

export const NO_POLICY: KioskPolicy = { settings: {}, staffPinHash: null, setupCode: null };

/** A problem as one line, for the log and the staff screen. */
export function policyProblemText(p: PolicyProblem): string {
  return p.field === '' ? `policy file: ${p.message}` : `${p.field}: ${p.message}`;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const FIELDS: Readonly<Record<string, Field>> = SETTINGS_FIELDS;

/** What a wrong value of a field is, in words that say what to write instead. */
function wrongValue(field: Field): string {
  switch (field.kind) {
    case 'phone':
      return `not a phone number (expected ${expectedOf(field)})`;
    case 'url':
      return `not an address the kiosk may link to (expected ${expectedOf(field)})`;
    default:
      return `expected ${expectedOf(field)}`;
  }
}

export interface PolicyChecks {
  /** Whether a PIN record is one this build's hasher reads (main: scrypt; browser: PBKDF2). */
  readonly pinReadable: (v: unknown) => v is StoredPin;
  /**
   * Checks `contentPacks` (core/kiosk/pack-policy.ts): main passes it; the browser build, which
   * takes no packs, leaves it out and reports the field as not applying there.
   */
  readonly contentPacks?: (
    raw: unknown,
    problem: PolicyProblemSink,
  ) => ContentPackPolicy | undefined;
  /** Checks `metrics` (core/kiosk/metrics-policy.ts): main passes it, as for `contentPacks`. */
  readonly metrics?: (raw: unknown, problem: PolicyProblemSink) => MetricsPolicy | undefined;
}

/** A parsed policy, with each bad field left out and named in `problems`. */
export interface ValidatedPolicy {
  readonly policy: KioskPolicy;
  readonly problems: readonly PolicyProblem[];
}

/** Checks a policy's parsed JSON; never throws. */
export function validatePolicy(raw: unknown, checks: PolicyChecks): ValidatedPolicy {
  const problems: PolicyProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isRecord(raw)) {
    problem('', 'not a JSON object; nothing in it applies');
    return { policy: NO_POLICY, problems };
  }
  for (const key of Object.keys(raw))
    if (!(POLICY_FIELDS as readonly string[]).includes(key))
      problem(key, `not a policy field (expected ${POLICY_FIELDS.join(', ')})`);

  const settings: Record<string, unknown> = {};
  if (raw.settings !== undefined) {
    if (!isRecord(raw.settings)) problem('settings', 'expected an object of settings');
    else {
      for (const [key, value] of Object.entries(raw.settings)) {
        const field = FIELDS[key];
        const path = `settings.${key}`;
        if (!field) problem(path, 'not a setting of this kiosk');
        else if (field.kind === 'group') {
          // A group is locked field by field: IT may set one idle time and leave the others.
          if (!isRecord(value)) {
            problem(path, 'expected an object');
            continue;
          }
          const kept: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value)) {
            const sub = field.fields[k];
            if (!sub) problem(`${path}.${k}`, 'not a setting of this kiosk');
            else if (!isValidField(sub, v)) problem(`${path}.${k}`, wrongValue(sub));
            else kept[k] = v;
          }
          if (Object.keys(kept).length > 0) settings[key] = kept;
        } else if (!isValidField(field, value)) problem(path, wrongValue(field));
        else settings[key] = value;
      }
      // A rule across fields that the policy alone breaks: the marked field is left out.
      for (const rule of SETTINGS_RULES) {
        const reads = rule.field in settings;
        if (reads && !rule.holds({ ...normalizeSettings(settings), ...settings })) {
          problem(`settings.${rule.field}`, `expected ${rule.expected}`);
          delete settings[rule.field];
        }
      }
    }
  }

  let staffPinHash: StoredPin | null = null;
  if (raw.staffPinHash !== undefined) {
    if (checks.pinReadable(raw.staffPinHash)) staffPinHash = raw.staffPinHash;
    else
      problem(
        'staffPinHash',
        'not a PIN record this kiosk reads (make one with `npm run staff-pin`)',
      );
  }

  let setupCode: string | null = null;
  if (raw.setupCode !== undefined) {
    if (typeof raw.setupCode !== 'string' || !SETUP_CODE.test(raw.setupCode))
      problem(
        'setupCode',
        `expected ${SETUP_CODE_MIN_LENGTH} to ${SETUP_CODE_MAX_LENGTH} digits, in quotes`,
      );
    else if (staffPinHash) problem('setupCode', 'ignored: staffPinHash already sets the PIN');
    else setupCode = raw.setupCode;
  }

  let metrics: MetricsPolicy | undefined;
  if (raw.metrics !== undefined) {
    if (checks.metrics) metrics = checks.metrics(raw.metrics, problem);
    else problem('metrics', 'the metrics file is written by the Electron kiosk only; ignored');
  }
  let contentPacks: ContentPackPolicy | undefined;
  if (raw.contentPacks !== undefined) {
    if (checks.contentPacks) contentPacks = checks.contentPacks(raw.contentPacks, problem);
    else problem('contentPacks', 'content packs apply in the Electron kiosk only; ignored');
  }

  return {
    policy: {
      settings: settings as PolicySettings,
      staffPinHash,
      setupCode,
      // Only when set, so that a policy without it reads exactly as before.
      ...(metrics ? { metrics } : {}),
      ...(contentPacks ? { contentPacks } : {}),
    },
    problems,
  };
}

/** Parses and checks a policy file's text; never throws. */
export function parsePolicy(text: string, checks: PolicyChecks): ValidatedPolicy {
  if (text.length > MAX_POLICY_BYTES)
    return {
      policy: NO_POLICY,
      problems: [{ field: '', message: `larger than ${MAX_POLICY_BYTES} bytes; not read` }],
    };
  let raw: unknown;
  try {
    // A UTF-8 byte order mark (Notepad, PowerShell's Out-File) is allowed.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      policy: NO_POLICY,
      problems: [{ field: '', message: `not valid JSON (${(err as Error).message}); ignored` }],
    };
  }
  return validatePolicy(raw, checks);
}

/** The paths a policy locks: `branchPhone`, `idle.warningSeconds`, … */
export function lockedPaths(policy: KioskPolicy): string[] {
  return Object.entries(policy.settings).flatMap(([k, v]) =>
    FIELDS[k]?.kind === 'group' && isRecord(v) ? Object.keys(v).map((sub) => `${k}.${sub}`) : [k],
  );
}

/** The settings in use and what the policy locked in them. */
export interface PolicySettingsResult {
  readonly settings: KioskSettings;
  /** Paths of the fields the policy set, which staff cannot change. */
  readonly locked: readonly string[];
  /** A locked value that could not apply over these settings (a rule across fields). */
  readonly problems: readonly PolicyProblem[];
}

function withPolicy(saved: KioskSettings, policy: PolicySettings): KioskSettings {
  return {
    ...saved,
    ...policy,
    idle: { ...saved.idle, ...policy.idle },
  } as KioskSettings;
}

/**
 * The policy over the saved settings: the policy wins and its fields are locked. A rule across
 * fields (the default language is an enabled one) that fails is repaired as a settings file's
 * would be, on the field it marks; if the policy set that field (say a default language the
 * saved settings do not offer), the policy's value cannot stand and is reported, not locked.
 * Staff cannot save their way into this (the save breaks the rule and is refused); only saved
 * settings from before the policy can.
 */
export function applyPolicy(saved: KioskSettings, policy: KioskPolicy): PolicySettingsResult {
  const problems: PolicyProblem[] = [];
  const own: Record<string, unknown> = { ...policy.settings };
  let merged = withPolicy(saved, own as PolicySettings);
  for (const rule of SETTINGS_RULES) {
    if (rule.holds(merged)) continue;
    if (rule.field in own) {
      problems.push({ field: `settings.${rule.field}`, message: `expected ${rule.expected}` });
      delete own[rule.field];
      merged = withPolicy(saved, own as PolicySettings);
    }
  }
  const settings = normalizeSettings(merged);
  return { settings, locked: lockedPaths({ ...policy, settings: own }), problems };
}

const valueAt = (s: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), s);

/** The locked paths whose value in `next` differs from the settings in use: a save to refuse. */
export function lockedChanges(
  next: KioskSettings,
  current: KioskSettings,
  locked: readonly string[],
): string[] {
  return locked.filter(
    (path) => JSON.stringify(valueAt(next, path)) !== JSON.stringify(valueAt(current, path)),
  );
}

/**
 * What a save stores: staff's values, except that a locked field keeps the value saved before,
 * so that the kiosk's own settings come back if IT lifts the policy.
 */
export function unlockedPart(
  next: KioskSettings,
  saved: KioskSettings,
  locked: readonly string[],
): KioskSettings {
  const out = JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
  for (const path of locked) {
    const [top, sub] = path.split('.') as [string, string | undefined];
    if (sub === undefined) out[top] = valueAt(saved, top);
    else (out[top] as Record<string, unknown>)[sub] = valueAt(saved, path);
  }
  return normalizeSettings(out);
}
