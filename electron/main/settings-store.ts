import { join } from 'node:path';
import type { KioskSettings, SettingsNotice } from '../../core/kiosk/kiosk-api';
import {
  ADDED_SETTINGS,
  DEFAULT_SETTINGS,
  normalizeSettings,
  settingsProblems,
} from '../../core/kiosk/settings';
import { readJsonFile, writeFileAtomic, type JsonRead } from './data-file';
import type { LogFn } from './log';

export const SETTINGS_FILE_NAME = 'settings.json';
export const LAST_GOOD_FILE_NAME = 'settings.last-good.json';

/** A settings file as read: a JSON object, or why it is not one. */
function readJson(file: string): JsonRead {
  const read = readJsonFile(file);
  if (
    read.kind !== 'ok' ||
    (typeof read.raw === 'object' && read.raw !== null && !Array.isArray(read.raw))
  )
    return read;
  return { kind: 'broken', why: 'not a JSON object' };
}

const settingsText = (s: KioskSettings) => `${JSON.stringify(s, null, 2)}\n`;

/** The settings of a file whose values are missing or wrong, by top-level name. */
function badFields(raw: Record<string, unknown>): string[] {
  const tops = settingsProblems(raw).map((path) => path.split('.')[0]!);
  // A file from before a setting existed lacks it: not a fault to report.
  const older = (top: string) =>
    (ADDED_SETTINGS as readonly string[]).includes(top) && !(top in raw);
  return [...new Set(tops.filter((top) => !older(top)))];
}

/**
 * A hand-edited file's good fields over a base (the last good copy, or the defaults): each
 * missing or wrong field, down to a single idle time, keeps the base's value.
 */
function mergeOver(base: KioskSettings, raw: Record<string, unknown>): KioskSettings {
  const problems = new Set(settingsProblems(raw));
  const pick = <T>(path: string, value: unknown, fallback: T): T =>
    problems.has(path) ? fallback : (value as T);
  const rawIdle = (typeof raw.idle === 'object' && raw.idle) || {};
  const idle = Object.fromEntries(
    Object.entries(base.idle).map(([k, v]) => [
      k,
      pick(problems.has('idle') ? 'idle' : `idle.${k}`, (rawIdle as Record<string, unknown>)[k], v),
    ]),
  ) as unknown as KioskSettings['idle'];
  const merged = Object.fromEntries(
    Object.entries(base).map(([k, v]) => [k, k === 'idle' ? idle : pick(k, raw[k], v)]),
  );
  // The rules across fields (the default language among the enabled) hold after the merge too.
  return normalizeSettings(merged);
}

/**
 * The kiosk's settings in the app's data folder: `settings.json`, and beside it the last good
 * copy. A save writes both atomically. Only a file that loads cleanly, or a staff save, becomes
 * the last good copy: a damaged `settings.json` falls back to the last good copy, then to the
 * defaults; a hand edit with missing or wrong fields keeps the last good value of each of those
 * fields. The staff screen is told which. Never a crash, and a power cut mid-save leaves the old
 * settings or the new ones.
 */
export class SettingsStore {
  private state: { settings: KioskSettings; notice: SettingsNotice | null };

  constructor(
    private readonly dir: string,
    private readonly log: LogFn,
  ) {
    this.state = this.load();
  }

  private get file(): string {
    return join(this.dir, SETTINGS_FILE_NAME);
  }

  private get lastGood(): string {
    return join(this.dir, LAST_GOOD_FILE_NAME);
  }

  /** The last good copy, if it is there and whole. */
  private readLastGood(): KioskSettings | null {
    const backup = readJson(this.lastGood);
    if (backup.kind !== 'ok') return null;
    if (badFields(backup.raw as Record<string, unknown>).length > 0) {
      this.log('settings: the last good copy has missing or wrong fields; using what is good');
    }
    return normalizeSettings(backup.raw);
  }

  /** Reads the files again (at start, or after IT edited them). */
  load(): { settings: KioskSettings; notice: SettingsNotice | null } {
    const main = readJson(this.file);
    if (main.kind === 'ok') {
      const raw = main.raw as Record<string, unknown>;
      const fields = badFields(raw);
      if (fields.length === 0) {
        const settings = normalizeSettings(raw);
        // What loaded cleanly is what the kiosk runs on: it becomes the copy to fall back to.
        this.keepLastGood(settings);
        this.state = { settings, notice: null };
        return this.state;
      }
      const lastGood = this.readLastGood();
      const from = lastGood ? 'last-good' : 'defaults';
      this.log(`settings: missing or wrong fields, ${from} used for them: ${fields.join(', ')}`);
      this.state = {
        settings: mergeOver(lastGood ?? DEFAULT_SETTINGS, raw),
        notice: { kind: 'fields-reset', fields, from },
      };
      return this.state;
    }
    if (main.kind === 'broken') this.log(`settings: ${this.file} is damaged (${main.why})`);
    const lastGood = this.readLastGood();
    if (lastGood) {
      this.log('settings: using the last good copy');
      this.state = { settings: lastGood, notice: { kind: 'restored-last-good' } };
    } else {
      if (main.kind === 'broken') this.log('settings: no usable last good copy; using defaults');
      this.state = {
        settings: DEFAULT_SETTINGS,
        notice: main.kind === 'broken' ? { kind: 'defaults-used' } : null,
      };
    }
    return this.state;
  }

  current(): KioskSettings {
    return this.state.settings;
  }

  notice(): SettingsNotice | null {
    return this.state.notice;
  }

  /** Saves settings staff confirmed; throws if they cannot be written (the old ones stay). */
  save(next: KioskSettings): KioskSettings {
    const settings = normalizeSettings(next);
    const text = settingsText(settings);
    writeFileAtomic(this.lastGood, text);
    writeFileAtomic(this.file, text);
    this.state = { settings, notice: null };
    this.log('settings: saved');
    return settings;
  }

  private keepLastGood(settings: KioskSettings): void {
    const text = settingsText(settings);
    const backup = readJson(this.lastGood);
    // At an ordinary start the copy already matches: no write, no wear on the kiosk's disk.
    if (backup.kind === 'ok' && JSON.stringify(backup.raw) === JSON.stringify(settings)) return;
    try {
      writeFileAtomic(this.lastGood, text);
    } catch (err) {
      this.log(`settings: cannot keep a last good copy: ${(err as Error).message}`);
    }
  }
}
