import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
