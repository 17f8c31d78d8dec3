import {
  isPrintProblem,
  STAFF_PRINT_KINDS,
  type KioskApi,
  type KioskSettings,
  type PrintOutcome,
  type PrintProblem,
  type RemovableDrive,
} from '../../core/kiosk/kiosk-api';
import { normalizePrintHistory, recordPrint } from '../../core/kiosk/print-history';
import { kioskContent } from '../content';
import { normalizeSettings, settingsProblems } from '../../core/kiosk/settings';
import {
  applyPolicy,
  lockedChanges,
  NO_POLICY,
  parsePolicy,
  policyProblemText,
  unlockedPart,
  type ValidatedPolicy,
} from '../../core/kiosk/policy';
import {
  parseStoredPin,
  StaffCore,
  SYSTEM_CLOCK,
  type Clock,
  type LockoutStorage,
  type PinStorage,
} from '../../core/staff/staff-core';
import { toBase64 } from './base64';
import { pbkdf2Hasher } from './browser-pin-hasher';
import {
  addEvent,
  localDate,
  normalizeDays,
  type CountedIds,
  type DayCounts,
} from '../../core/kiosk/counters';
import { countersCsvBytes, countersFileName, headerProblem } from '../../core/kiosk/counters-csv';

/** Where the browser build keeps kiosk settings (staff settings, never visitor data). */
export const BROWSER_SETTINGS_KEY = 'citizensec-kiosk:settings';
/**
 * For demos, staff training and tests: a print problem the browser build pretends to have
 * ("paper-out", …), or "ok" to report success without opening the print dialog.
 */
export const BROWSER_PRINT_SIMULATION_KEY = 'citizensec-kiosk:print-simulation';
/**
 * The staff PIN record (a PBKDF2 hash), the PIN lockout while one is counting, and the daily
 * counts, as main keeps them in files.
 */
export const BROWSER_PIN_KEY = 'citizensec-kiosk:staff-pin';
export const BROWSER_LOCKOUT_KEY = 'citizensec-kiosk:staff-lockout';
export const BROWSER_COUNTERS_KEY = 'citizensec-kiosk:counters';
/**
 * For demos, staff training and tests: the USB sticks the browser build pretends are plugged in,
 * a JSON list of `{ path, label, freeBytes?, readOnly? }` (none when unset); and the files
 * "written" to them, a JSON object from `<drive path>/<file name>` to the file's exact bytes in
 * base64, the bytes the kiosk would write.
 */
export const BROWSER_DRIVES_KEY = 'citizensec-kiosk:drives';
export const BROWSER_DRIVE_FILES_KEY = 'citizensec-kiosk:drive-files';
/**
 * IT's policy file (core/kiosk/policy.ts), as its JSON text: read once when the kiosk starts,
 * as main reads /etc/citizensec-kiosk/policy.json. Beside it, the setup codes already spent.
 */
export const BROWSER_POLICY_KEY = 'citizensec-kiosk:policy';
export const BROWSER_SPENT_CODES_KEY = 'citizensec-kiosk:setup-codes-spent';
/** The last successful print and the last failure, as main keeps them in print-history.json. */
export const BROWSER_PRINT_HISTORY_KEY = 'citizensec-kiosk:print-history';

/**
 * The kiosk API in a plain browser: settings from local storage and printing through the
 * browser's own print dialog, for development, staff demos and end-to-end tests where no
 * Electron binary is installed.
 */
export function createBrowserKiosk(
  storage: Storage | undefined = globalThis.localStorage,
  print: () => void = () => window.print(),
  ids: CountedIds = { steps: [], documents: [] },
  clock: Clock = SYSTEM_CLOCK,
): KioskApi {
  const now = () => clock.wall();
  const get = (key: string): string | null => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const set = (key: string, value: string): boolean => {
    try {
      storage?.setItem(key, value);
      return storage !== undefined;
    } catch {
      return false;
    }
  };
  /** A stored JSON value, or undefined when there is none or it is not JSON. */
  const getJson = (key: string): unknown => {
    const text = get(key);
    try {
      return text === null ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined;
    }
  };
  const remove = (key: string): void => {
    try {
      storage?.removeItem(key);
    } catch {
      // Storage unavailable: what it held stays in memory for this page.
    }
  };
  const pinStorage: PinStorage = {
    read() {
      const text = get(BROWSER_PIN_KEY);
      return text === null ? null : parseStoredPin(text, pbkdf2Hasher);
    },
    write(pin) {
      if (!set(BROWSER_PIN_KEY, JSON.stringify(pin))) throw new Error('local storage unavailable');
    },
  };
  const lockouts: LockoutStorage = {
    read: () => getJson(BROWSER_LOCKOUT_KEY) ?? null,
    write(state) {
      if (state === null) remove(BROWSER_LOCKOUT_KEY);
      else if (!set(BROWSER_LOCKOUT_KEY, JSON.stringify(state))) {
        throw new Error('local storage unavailable');
      }
    },
  };
  const policyText = get(BROWSER_POLICY_KEY);
  const loaded: ValidatedPolicy =
    policyText === null
      ? { policy: NO_POLICY, problems: [] }
      : parsePolicy(policyText, { pinReadable: pbkdf2Hasher.readable });
  for (const p of loaded.problems) console.info(`policy: ${policyProblemText(p)}`);
  const spentCodes = (): string[] => {
    const v = getJson(BROWSER_SPENT_CODES_KEY);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  };
  const staff = new StaffCore(pinStorage, pbkdf2Hasher, (m) => console.info(m), clock, lockouts, {
    pin: loaded.policy.staffPinHash,
    setupCode: loaded.policy.setupCode,
    // This build guards nothing real: the spent codes are kept as they are.
    spent: {
      isSpent: (code) => spentCodes().includes(code),
      spend(code) {
        if (!set(BROWSER_SPENT_CODES_KEY, JSON.stringify([...spentCodes(), code])))
          throw new Error('local storage unavailable');
      },
    },
  });
  const readDays = (): DayCounts[] => normalizeDays(getJson(BROWSER_COUNTERS_KEY));
  const count = (event: Parameters<typeof addEvent>[1]) =>
    set(
      BROWSER_COUNTERS_KEY,
      JSON.stringify(addEvent(readDays(), event, localDate(new Date(now())), ids)),
    );
  // Broken JSON falls back to defaults, as a broken settings file does in Electron.
  const ownSettings = (): KioskSettings => normalizeSettings(getJson(BROWSER_SETTINGS_KEY));
  const applied = () => applyPolicy(ownSettings(), loaded.policy);
  const readSettings = (): KioskSettings => applied().settings;
  const staffOnly = () => {
    if (!staff.isActive()) throw new Error('refused: staff only');
    staff.touch();
  };
  const simulation = (): string | null => get(BROWSER_PRINT_SIMULATION_KEY);
  /** The simulated drives; a malformed entry is left out, as main leaves out what it cannot use. */
  const readDrives = (): RemovableDrive[] => {
    const raw = getJson(BROWSER_DRIVES_KEY);
    if (!Array.isArray(raw)) return [];
    return (raw as unknown[]).flatMap((d) => {
      if (typeof d !== 'object' || d === null) return [];
      const { path, label, freeBytes, readOnly } = d as Record<string, unknown>;
      if (typeof path !== 'string' || path === '' || typeof label !== 'string') return [];
      return [
        {
          path,
          label,
          freeBytes: typeof freeBytes === 'number' && freeBytes >= 0 ? freeBytes : null,
          readOnly: readOnly === true,
        },
      ];
    });
  };
  const simulatedProblem = (): PrintProblem | null => {
    const s = simulation();
    return isPrintProblem(s) ? s : null;
  };
  return {
    getInfo: () => Promise.resolve({ runtime: 'browser', version: __APP_VERSION__ }),
    getSettings: () => Promise.resolve(readSettings()),
    checkPrinter: () => {
      const problem = simulatedProblem();
      return Promise.resolve({ printer: 'browser', ready: problem === null, problem });
    },
    // Nothing outside the page's own storage to wipe in a browser; resetSession clears that.
    endVisit: () => Promise.resolve(),
    listPrinters: () => Promise.resolve([{ name: 'browser', isDefault: true, problem: null }]),
    printSheet: (request): Promise<PrintOutcome> => {
      if (STAFF_PRINT_KINDS.includes(request.kind) && !staff.isActive())
        return Promise.resolve({ ok: false, problem: 'unsupported' });
      if (
        request.kind === 'document' &&
        (request.paper !== 'a4' || !ids.documents.includes(request.document ?? ''))
      )
        return Promise.resolve({ ok: false, problem: 'unsupported' });
      const problem = simulatedProblem();
      const counted = !STAFF_PRINT_KINDS.includes(request.kind);
      const history = (outcome: PrintOutcome) =>
        set(
          BROWSER_PRINT_HISTORY_KEY,
          JSON.stringify(
            recordPrint(
              normalizePrintHistory(getJson(BROWSER_PRINT_HISTORY_KEY)),
              outcome,
              new Date(now()),
            ),
          ),
        );
      if (problem) {
        if (counted) count({ type: 'print-failed' });
        history({ ok: false, problem });
        return Promise.resolve({ ok: false, problem });
      }
      // The browser's dialog says nothing of what happened after it: unconfirmed.
      if (simulation() !== 'ok') print();
      if (request.kind === 'visit') count({ type: 'printed' });
      if (request.kind === 'document')
        count({ type: 'document-printed', document: request.document! });
      history({ ok: true, confirmed: false });
      return Promise.resolve({ ok: true, confirmed: false });
    },
    countVisit: async (tally) => {
      count({ type: 'visit', tally });
    },
    staffStatus: async () => staff.status(),
    enterSetupCode: (code) => staff.enterSetupCode(code),
    setupStaffPin: (pin) => staff.setup(pin),
    unlockStaff: (pin) => staff.unlock(pin),
    lockStaff: async () => staff.lock(),
    changeStaffPin: (pin) => staff.change(pin),
    getStaffView: async () => {
      staffOnly();
      // Local storage cannot be half-written: there is no damaged copy to report.
      const { settings, locked, problems } = applied();
      return {
        settings,
        notice: null,
        countersSetAside: null,
        printKeepsSheets: false,
        days: readDays(),
        locked,
        policyProblems: [...loaded.problems, ...problems],
      };
    },
    saveSettings: async (next) => {
      if (!staff.isActive()) return { ok: false, problem: 'not-staff' };
      staff.touch();
      // Refused where main's schema refuses; what passes is kept normalised (phones, spaces).
      if (settingsProblems(next).length > 0) return { ok: false, problem: 'invalid' };
      const settings = normalizeSettings(next);
      const { settings: current, locked } = applied();
      if (lockedChanges(settings, current, locked).length > 0)
        return { ok: false, problem: 'locked' };
      return set(
        BROWSER_SETTINGS_KEY,
        JSON.stringify(unlockedPart(settings, ownSettings(), locked)),
      )
        ? { ok: true, settings: readSettings() }
        : { ok: false, problem: 'write-failed' };
    },
    listDrives: async () => {
      staffOnly();
      return readDrives();
    },
    exportCounters: async ({ drive, header }) => {
      if (!staff.isActive()) return { ok: false, problem: 'not-staff' };
      staff.touch();
      if (headerProblem(header, ids)) return { ok: false, problem: 'invalid' };
      const target = readDrives().find((d) => d.path === drive);
      if (!target) return { ok: false, problem: 'no-drive' };
      if (target.readOnly) return { ok: false, problem: 'read-only' };
      const today = localDate(new Date(now()));
      const bytes = countersCsvBytes(readDays(), ids, header, today);
      // As on a real stick, a file that does not fit is not written at all.
      if (target.freeBytes !== null && bytes.length > target.freeBytes)
        return { ok: false, problem: 'full' };
      const file = countersFileName(readSettings().kioskName, today);
      const files = getJson(BROWSER_DRIVE_FILES_KEY);
      const written = {
        ...(typeof files === 'object' && files !== null ? files : {}),
        [`${target.path}/${file}`]: toBase64(bytes),
      };
      return set(BROWSER_DRIVE_FILES_KEY, JSON.stringify(written))
        ? { ok: true, file, drive: target.label }
        : { ok: false, problem: 'write-failed' };
    },
    getDiagnostics: async () => {
      staffOnly();
      // A browser has no app files of its own to hash, no data folder and no main log.
      return {
        runtime: 'browser',
        version: __APP_VERSION__,
        content: {
          source: 'bundled',
          checkedAsOf: kioskContent.meta.checkedAsOf,
          sha256: __CONTENT_SHA256__,
        },
        appSha256: null,
        freeDiskBytes: null,
        prints: normalizePrintHistory(getJson(BROWSER_PRINT_HISTORY_KEY)),
        recentErrors: [],
      };
    },
    // Content packs need main: their content is validated with zod, which the page never ships
    // (docs/content-packs.md). The browser build serves the bundled content and says so.
    getContentPack: async () => null,
    betweenVisits: async () => false,
    // Never offered there (its diagnostics carry no contentPacks): refused if called anyway.
    checkContentPacks: noPacks,
    rollbackContentPack: noPacks,
    leaveApp: async () => {
      staffOnly();
      staff.lock();
      // The nearest a page comes to a restart; a tab cannot quit itself.
      setTimeout(() => location.reload(), 100);
    },
  };
}

async function noPacks(): Promise<never> {
  throw new Error('content packs need the Electron kiosk');
}
