import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkStart,
  downloadReason,
  installedElectron,
  NODE_NEEDED,
  nodeProblem,
  type StartCheckEnv,
} from '../../scripts/start-check';
import { useTempDir } from '../electron/main/fakes';

const dir = useTempDir('kiosk-start-');

function env(
  over: Partial<StartCheckEnv> = {},
): StartCheckEnv & { said: string[]; downloads: number } {
  const said: string[] = [];
  const e = {
    nodeVersion: 'v24.11.0',
    electronDir: dir(),
    env: {},
    downloads: 0,
    download: () => {
      e.downloads++;
      return { status: 1, output: 'TypeError: fetch failed\n    at node:internal/deps/undici' };
    },
    say: (l: string) => said.push(l),
    said,
    ...over,
  };
  return e;
}

function installElectron(at: string) {
  mkdirSync(join(at, 'dist'), { recursive: true });
  writeFileSync(join(at, 'path.txt'), 'electron');
  writeFileSync(join(at, 'dist', 'electron'), '');
}

describe('start check', () => {
  it('needs Node.js 22.12 or newer only to download Electron', () => {
    for (const v of ['v20.19.0', 'v20.20.0', 'v22.11.0', '18.0.0'])
      expect(nodeProblem(v)).toMatch(/22\.12/);
    for (const v of ['v22.12.0', 'v22.20.1', 'v24.0.0', 'v25.1.0'])
      expect(nodeProblem(v)).toBeNull();
    const e = env({ nodeVersion: 'v20.20.0' });
    expect(checkStart(e)).toMatch(/Node\.js 22\.12 or newer; this is Node\.js 20\.20\.0/);
    expect(e.downloads).toBe(0);
    installElectron(dir());
    expect(checkStart(env({ nodeVersion: 'v20.20.0' }))).toBeNull();
  });

  it('asks for the Node.js that @electron/get asks for, as package.json engines does', () => {
    // Resolved as the electron package resolves it; its exports do not include package.json.
    const fromElectron = createRequire(
      createRequire(import.meta.url).resolve('electron/package.json'),
    );
    let getDir = dirname(fromElectron.resolve('@electron/get'));
    while (!existsSync(join(getDir, 'package.json'))) getDir = dirname(getDir);
    const get = JSON.parse(readFileSync(join(getDir, 'package.json'), 'utf8')) as {
      name: string;
      engines: { node: string };
    };
    expect(get.name).toBe('@electron/get');
    const own = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const needed = `${NODE_NEEDED.join('.')}.0`;
    expect(get.engines.node.replace(/\s/g, '')).toBe(`>=${needed}`);
    expect(own.engines.node).toBe(`>=${needed}`);
  });

  it('finds the binary only when path.txt names a file that is there', () => {
    expect(installedElectron(dir())).toBeNull();
    writeFileSync(join(dir(), 'path.txt'), 'electron');
    expect(installedElectron(dir())).toBeNull();
    installElectron(dir());
    expect(installedElectron(dir())).toBe(join(dir(), 'dist', 'electron'));
  });

  it('downloads once when missing, and says why a download failed without a stack trace', () => {
    const e = env();
    const message = checkStart(e)!;
    expect(e.downloads).toBe(1);
    expect(e.said[0]).toMatch(/downloading it once/);
    expect(message).toMatch(/could not be downloaded \(TypeError: fetch failed\)/);
    expect(message).toMatch(/ELECTRON_MIRROR/);
    expect(message).not.toMatch(/undici/);

    const ok = env({
      download: () => {
        installElectron(dir());
        return { status: 0, output: '' };
      },
    });
    expect(checkStart(ok)).toBeNull();
  });

  it('uses ELECTRON_EXEC_PATH when it names a file, and says so when it does not', () => {
    const binary = join(dir(), 'my-electron');
    writeFileSync(binary, '');
    expect(checkStart(env({ env: { ELECTRON_EXEC_PATH: binary } }))).toBeNull();
    expect(checkStart(env({ env: { ELECTRON_EXEC_PATH: '/no/such/electron' } }))).toMatch(
      /ELECTRON_EXEC_PATH names \/no\/such\/electron, which does not exist/,
    );
  });

  it('picks the line that names the error', () => {
    expect(
      downloadReason('Downloading…\nRequestError: getaddrinfo ENOTFOUND github.com\n    at x'),
    ).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(downloadReason('')).toBe('no reason given');
  });

  it('as run by npm start here: starts, or stops with one clear message', () => {
    const tsx = join(
      dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
      'dist',
      'cli.mjs',
    );
    const r = spawnSync(process.execPath, [tsx, 'scripts/start-check.ts'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_EXEC_PATH: '' },
      timeout: 60_000,
    });
    const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    if (installedElectron(electronDir)) {
      expect(r.status).toBe(0);
    } else {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^\s*npm start: (The first|Electron could not be downloaded)/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
