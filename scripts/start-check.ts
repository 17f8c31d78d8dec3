/*
 * Runs before `npm start` (the `prestart` script). The `electron` package does not download its
 * binary when it is installed: it fetches it the first time it is asked for it, and the tool that
 * starts the kiosk (electron-vite) only reads where the binary is, so on a fresh machine it
 * stopped with "Electron uninstall". This check fetches the binary once, up front, and when that
 * cannot work says why and what to do, instead of a stack trace:
 *
 * - the download (`@electron/get`) needs Node.js 22.12 or newer;
 * - it needs the internet, or a mirror named in ELECTRON_MIRROR;
 * - ELECTRON_EXEC_PATH may name an Electron binary installed some other way, and is then used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The oldest Node.js that can fetch the Electron binary (`@electron/get`'s engines). */
export const NODE_NEEDED: readonly [number, number] = [22, 12];

/** Why this Node.js cannot fetch Electron, or null when it can. */
export function nodeProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = NODE_NEEDED;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `The first \`npm start\` downloads Electron, which needs Node.js ${needMajor}.${needMinor} ` +
    `or newer; this is Node.js ${version.replace(/^v/, '')}. Install Node.js 22 or 24 LTS, then ` +
    `run \`npm install\` and \`npm start\` again.`
  );
}

/** The Electron binary the `electron` package in `electronDir` has installed, if any. */
export function installedElectron(electronDir: string): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The last line of a failed download's output that says what went wrong. */
export function downloadReason(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return (
    lines.find((l) => /error|fail|refused|timed? ?out|ENOTFOUND|EAI_AGAIN/i.test(l)) ??
    'no reason given'
  );
}

export interface StartCheckEnv {
  readonly nodeVersion: string;
  readonly electronDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Runs the `electron` package's own download; returns its exit status and output. */
  readonly download: () => { status: number | null; output: string };
  readonly say: (line: string) => void;
}

/** Makes sure an Electron binary is there; returns the message to stop with, or null. */
export function checkStart(e: StartCheckEnv): string | null {
  const named = e.env.ELECTRON_EXEC_PATH;
  if (named) {
    return existsSync(named)
      ? null
      : `ELECTRON_EXEC_PATH names ${named}, which does not exist. Point it at an Electron ` +
          `binary, or unset it to let \`npm start\` download one.`;
  }
  if (installedElectron(e.electronDir)) return null;
  const tooOld = nodeProblem(e.nodeVersion);
  if (tooOld) return tooOld;
  e.say('Electron is not downloaded yet: downloading it once (about 100 MB)…');
  const { status, output } = e.download();
  if (status === 0 && installedElectron(e.electronDir)) return null;
  return (
    `Electron could not be downloaded (${downloadReason(output)}). The first \`npm start\` ` +
    `needs the internet, or a mirror named in ELECTRON_MIRROR, or ELECTRON_EXEC_PATH set to ` +
    `an Electron binary installed some other way. Then run \`npm start\` again.`
  );
}

function main(): number {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const problem = checkStart({
    nodeVersion: process.version,
    electronDir,
    env: process.env,
    download: () => {
      const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return {
        status: r.status,
        output: `${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error?.message ?? ''}`,
      };
    },
    say: (line) => console.log(line),
  });
  if (problem) {
    console.error(`\nnpm start: ${problem}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = main();
}
