import { join } from 'node:path';
import type { KioskSettings, SettingsNotice } from '../../core/kiosk/kiosk-api';
import { DEFAULT_SETTINGS, normalizeSettings, settingsProblems } from '../../core/kiosk/settings';
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

/** The settings of a file whose values were not usable and were replaced. */
function resetFields(raw: Record<string, unknown>): string[] {
  const fields = settingsProblems(raw).map((path) => path.split('.')[0]!);
  return [...new Set(fields)].filter((k) => k in raw);
}

/**
 * The kiosk's settings in the app's data folder: `settings.json`, and beside it the last good
 * copy. A save writes both atomically; a damaged or unreadable `settings.json` falls back to the
 * last good copy, then to the defaults, and the staff screen is told which. Never a crash, and a
 * power cut mid-save leaves the old settings or the new ones.
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

  /** Reads the files again (at start, or after IT edited them). */
  load(): { settings: KioskSettings; notice: SettingsNotice | null } {
    const main = readJson(this.file);
    if (main.kind === 'ok') {
      const settings = normalizeSettings(main.raw);
      const fields = resetFields(main.raw as Record<string, unknown>);
      if (fields.length > 0)
        this.log(`settings: invalid values reset to defaults: ${fields.join(', ')}`);
      // What loads is what the kiosk now runs on: it becomes the copy to fall back to.
      this.keepLastGood(settings);
      this.state = {
        settings,
        notice: fields.length > 0 ? { kind: 'fields-reset', fields } : null,
      };
      return this.state;
    }
    if (main.kind === 'broken') this.log(`settings: ${this.file} is damaged (${main.why})`);
    const backup = readJson(this.lastGood);
    if (backup.kind === 'ok') {
      this.log('settings: using the last good copy');
      this.state = {
        settings: normalizeSettings(backup.raw),
        notice: { kind: 'restored-last-good' },
      };
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
