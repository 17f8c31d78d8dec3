import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Flags for a headless Chromium that must stay off the network and start the same every time. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The Chromium the end-to-end tests drive: $CHROMIUM_PATH, else the usual install paths. The
 * tests never download a browser of their own.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: `apt-get install chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  return found;
}

/**
 * Why the real Electron app cannot be driven here, or null where it can: the electron package
 * downloads its binary on first use, which needs the internet, so the binary must already be
 * installed, or ELECTRON_OVERRIDE_DIST_PATH must name a folder that holds one.
 */
export function electronUnavailableReason(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return 'the electron package is not installed';
  }
  const pathFile = join(pkgDir, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  if (override) {
    return existsSync(join(override, exe))
      ? null
      : `ELECTRON_OVERRIDE_DIST_PATH=${override} has no Electron binary (${exe})`;
  }
  return existsSync(pathFile) && existsSync(join(pkgDir, 'dist', exe))
    ? null
    : 'no Electron binary is installed (it is downloaded on first run, which needs the internet); ' +
        'set ELECTRON_OVERRIDE_DIST_PATH to a folder holding one to run these specs against the real app';
}
