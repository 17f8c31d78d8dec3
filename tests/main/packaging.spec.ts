import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/*
 * electron-builder downloads Electron and its tools to package, which cannot run here; its
 * configuration is checked instead: against electron-builder's own schema, for every fuse,
 * for the targets IT deploys, and for what would go into the package.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));

describe('electron-builder configuration', () => {
  it('is valid for the installed electron-builder', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { $schema: _schema, ...rest } = config;
    await expect(
      validateConfiguration(rest, { isEnabled: false, add: () => {} }),
    ).resolves.toBeUndefined();
  });

  it('sets every Electron fuse explicitly, to the safe value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds an AppImage and a deb that depends on CUPS, and a per-machine Windows installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['cups', 'cups-client']));
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
  });

  it('packs only the built app: everything the page needs is bundled at build time', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json', '!**/*.map']);
    // No runtime node_modules go into the package: the renderer and main bundle their code.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.devDependencies.electron).toMatch(/^\^45\./);
  });
});

describe('icons', () => {
  const png = (buf: Buffer) => {
    expect(buf.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  };

  it('gives Linux a 512 px PNG', () => {
    expect(config.linux.icon).toBe('build/icon.png');
    expect(png(readFileSync(resolve(ROOT, config.linux.icon)))).toEqual({
      width: 512,
      height: 512,
    });
  });

  it('gives Windows an ICO with 256 px down to 16 px images', () => {
    expect(config.win.icon).toBe('build/icon.ico');
    const ico = readFileSync(resolve(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const e = 6 + i * 16;
      const size = ico.readUInt8(e) || 256;
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(png(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });
});

describe('autostart under systemd and cage', () => {
  const unitPath = resolve(ROOT, 'build/linux/citizensec-kiosk.service');
  /** The unit's settings by section; a key given twice keeps every value. */
  function parseUnit(text: string): Record<string, Record<string, string[]>> {
    const sections: Record<string, Record<string, string[]>> = {};
    let current: Record<string, string[]> | undefined;
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const header = /^\[(\w+)\]$/.exec(line);
      if (header) {
        current = sections[header[1]!] = {};
        continue;
      }
      const eq = line.indexOf('=');
      expect(eq, `not a setting: ${line}`).toBeGreaterThan(0);
      expect(current, `setting outside a section: ${line}`).toBeDefined();
      (current![line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
    }
    return sections;
  }
  const unit = parseUnit(readFileSync(unitPath, 'utf8'));

  it('runs the installed app inside cage, as an unprivileged user, on tty1', () => {
    const exec = unit.Service!.ExecStart![0]!;
    expect(exec).toMatch(/^\/usr\/bin\/cage .*-- \/usr\/bin\/citizensec-kiosk /);
    expect(config.linux.executableName).toBe('citizensec-kiosk');
    // cage's -s would let a visitor switch to another virtual terminal.
    expect(exec.split('--')[0]).not.toMatch(/\s-s\b/);
    expect(unit.Service!.User).toEqual(['kiosk']);
    expect(unit.Service!.TTYPath).toEqual(['/dev/tty1']);
    expect(unit.Unit!.Conflicts).toEqual(['getty@tty1.service']);
    expect(unit.Install!.WantedBy).toEqual(['graphical.target']);
  });

  it('restarts on every exit except a staff quit, and never gives up', async () => {
    const { EXIT_STAFF_QUIT, EXIT_STAFF_RESTART } = await import('../../electron/main/app-exit');
    expect(unit.Service!.Restart).toEqual(['always']);
    expect(unit.Service!.RestartPreventExitStatus).toEqual([String(EXIT_STAFF_QUIT)]);
    expect(EXIT_STAFF_RESTART).not.toBe(EXIT_STAFF_QUIT);
    expect(unit.Unit!.StartLimitIntervalSec).toEqual(['0']);
  });

  it('is packed with the deployment guide', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'build/linux/citizensec-kiosk.service', to: 'deploy/citizensec-kiosk.service' },
        { from: 'docs/deploy.md', to: 'deploy/deploy.md' },
      ]),
    );
    for (const r of config.extraResources) expect(existsSync(resolve(ROOT, r.from))).toBe(true);
  });
});

describe('leaving the app on staff request', () => {
  const fakeApp = () => ({ relaunch: vi.fn(), exit: vi.fn() });

  it('lets systemd restart it, or keep it off after a quit', async () => {
    const { leaveApp, EXIT_STAFF_QUIT, EXIT_STAFF_RESTART } =
      await import('../../electron/main/app-exit');
    const env = { INVOCATION_ID: 'abc' };
    const a = fakeApp();
    leaveApp('restart', a, env);
    expect(a.relaunch).not.toHaveBeenCalled();
    expect(a.exit).toHaveBeenCalledWith(EXIT_STAFF_RESTART);
    const b = fakeApp();
    leaveApp('quit', b, env);
    expect(b.exit).toHaveBeenCalledWith(EXIT_STAFF_QUIT);
  });

  it('relaunches itself when nothing supervises it', async () => {
    const { leaveApp } = await import('../../electron/main/app-exit');
    const a = fakeApp();
    leaveApp('restart', a, {});
    expect(a.relaunch).toHaveBeenCalled();
    expect(a.exit).toHaveBeenCalledWith(0);
    const b = fakeApp();
    leaveApp('quit', b, {});
    expect(b.relaunch).not.toHaveBeenCalled();
    expect(b.exit).toHaveBeenCalledWith(0);
  });
});
