import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskSettings } from '../../src/kiosk/kiosk-api';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/kiosk/settings';

export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * The kiosk's settings from `settings.json` in the app's data folder. A missing file means
 * defaults; a broken one is reported and also means defaults, never a crash.
 */
export function readSettingsFile(
  dataDir: string,
  log: (message: string) => void = console.warn,
): KioskSettings {
  const file = join(dataDir, SETTINGS_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`settings: cannot read ${file}: ${(err as Error).message}; using defaults`);
    return DEFAULT_SETTINGS;
  }
  try {
    return normalizeSettings(JSON.parse(text));
  } catch (err) {
    log(`settings: ${file} is not valid JSON (${(err as Error).message}); using defaults`);
    return DEFAULT_SETTINGS;
  }
}
