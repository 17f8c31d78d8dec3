import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/*
 * Updating the app on many kiosks (docs/deploy.md): on Linux through a signed apt repository made
 * with reprepro, on Windows through SCCM or Intune; the app has no updater of its own. The
 * builder's configuration is checked for what those need, and a tiny deb carrying the same
 * control fields is put into a repository laid out as the docs say, with reprepro itself. That
 * repository is not signed here (no GPG key in tests): the `SignWith` line is left out, and
 * signing is reprepro's own work with gpg.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const deployMd = readFileSync(resolve(ROOT, 'docs/deploy.md'), 'utf8');

const has = (cmd: string) =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const noRepoTools = !has('dpkg-deb')
  ? 'dpkg-deb is not installed (Debian package `dpkg`)'
  : !has('reprepro')
    ? 'reprepro is not installed (Debian package `reprepro`; .ci/run installs it)'
    : null;
if (noRepoTools) console.log(`apt repository test skipped: ${noRepoTools}.`);

/** The control fields the deb electron-builder makes would carry. */
function controlFields(version: string): Record<string, string> {
  return {
    Package: config.deb.packageName,
    Version: version,
    Section: config.deb.packageCategory,
    Priority: config.deb.priority,
    Architecture: 'amd64',
    Maintainer: config.linux.maintainer,
    Depends: config.deb.depends.join(', '),
    Description: pkg.description,
  };
}

describe('the app’s update paths', () => {
  it('builds a deb with a package name, maintainer, section, priority and dependencies', () => {
    expect(config.deb.packageName).toBe(pkg.name);
    expect(config.deb.packageName).toMatch(/^[a-z0-9][a-z0-9+.-]+$/); // Debian policy 5.6.1
    expect(config.linux.executableName).toBe(config.deb.packageName);
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s>]+>$/);
    expect(config.deb.packageCategory).toBe('misc');
    expect(config.deb.priority).toBe('optional');
    expect(config.deb.depends).toEqual(expect.arrayContaining(['cups', 'cups-client', 'libnss3']));
    for (const d of config.deb.depends) expect(d).toMatch(/^[a-z0-9][a-z0-9+.-]+$/);
  });

  it('has no self-update: no publish entry and no electron-updater, so IT’s tools update it', () => {
    // `null`, not absent: electron-builder would otherwise guess a provider from the repository.
    expect(config).toHaveProperty('publish', null);
    for (const target of ['linux', 'deb', 'win', 'nsis', 'mac'])
      expect(config[target]?.publish, target).toBeUndefined();
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('electron-updater');
  });

  it('builds a per-machine NSIS installer that SCCM or Intune can run silently', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(deployMd).toMatch(/Setup [\d.]+\.exe" \/S/);
  });

  it('ships the monitoring rules with the deployment guide', () => {
    expect(config.extraResources).toContainEqual({
      from: 'build/monitoring/citizensec-kiosk.rules.yml',
      to: 'deploy/citizensec-kiosk.rules.yml',
    });
  });
});

describe.skipIf(noRepoTools !== null)('an apt repository as docs/deploy.md lays it out', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-apt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };

  /** A deb holding one small file, with the app's control fields at this version. */
  function tinyDeb(version: string): string {
    const root = join(dir, `pkg-${version}`);
    mkdirSync(join(root, 'DEBIAN'), { recursive: true });
    mkdirSync(join(root, 'opt/citizensec-kiosk'), { recursive: true });
    writeFileSync(join(root, 'opt/citizensec-kiosk/VERSION'), `${version}\n`);
    const control = Object.entries(controlFields(version))
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    writeFileSync(join(root, 'DEBIAN/control'), `${control}\n`);
    chmodSync(join(root, 'DEBIAN'), 0o755);
    const deb = join(dir, `citizensec-kiosk_${version}_amd64.deb`);
    run('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, deb]);
    return deb;
  }

  it('takes the deb, lists it, and serves a newer version in its place', () => {
    const distributions = /<!-- reprepro conf\/distributions[^>]*-->\s*```text\n([\s\S]*?)```/.exec(
      deployMd,
    )?.[1];
    expect(distributions).toContain('SignWith: ');
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'conf'), { recursive: true });
    // Unsigned here: the test has no GPG key (see the comment at the top).
    writeFileSync(join(repo, 'conf/distributions'), distributions!.replace(/^SignWith:.*\n/m, ''));
    const codename = /^Codename: (\S+)$/m.exec(distributions!)![1]!;

    const deb = tinyDeb(pkg.version);
    const info = run('dpkg-deb', ['--info', deb]);
    expect(info).toContain(`Package: ${pkg.name}`);
    expect(info).toContain('Section: misc');
    expect(info).toContain(`Maintainer: ${config.linux.maintainer}`);
    expect(info).toContain('Depends: libgtk-3-0,');

    run('reprepro', ['-b', repo, 'includedeb', codename, deb]);
    expect(run('reprepro', ['-b', repo, 'list', codename])).toBe(
      `${codename}|main|amd64: citizensec-kiosk ${pkg.version}\n`,
    );
    // What unattended-upgrades' Origins-Pattern "origin=CitizenSec,codename=kiosk" matches.
    const release = readFileSync(join(repo, `dists/${codename}/Release`), 'utf8');
    expect(release).toMatch(/^Origin: CitizenSec$/m);
    expect(release).toMatch(new RegExp(`^Codename: ${codename}$`, 'm'));
    expect(deployMd).toContain(`"origin=CitizenSec,codename=${codename}"`);
    const packages = readFileSync(
      join(repo, `dists/${codename}/main/binary-amd64/Packages`),
      'utf8',
    );
    expect(packages).toContain(`Package: citizensec-kiosk\nVersion: ${pkg.version}\n`);
    expect(packages).toMatch(
      /^Filename: pool\/main\/c\/citizensec-kiosk\/citizensec-kiosk_.+_amd64\.deb$/m,
    );
    expect(packages).toMatch(/^SHA256: [0-9a-f]{64}$/m);

    const next = tinyDeb(`${pkg.version}.1`);
    run('reprepro', ['-b', repo, 'includedeb', codename, next]);
    expect(run('reprepro', ['-b', repo, 'list', codename])).toBe(
      `${codename}|main|amd64: citizensec-kiosk ${pkg.version}.1\n`,
    );
  });
});
