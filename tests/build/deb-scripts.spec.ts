import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../electron/main/fakes';

/*
 * The deb's post-install script and the CUPS set-up it runs. Installing a package needs root and
 * changes the machine, so the scripts run here with stand-ins for the system commands they call
 * (first on PATH), each writing down how it was called.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8'));
const dir = useTempDir('kiosk-deb-');

/** Fills in a template the way electron-builder does: `${name}` for letters-only names. */
function render(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([a-zA-Z]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`electron-builder would refuse \${${name}}`);
    return values[name]!;
  });
}

/** A folder of stand-in commands; each appends "<name> <args>" to calls.log. */
let standInSets = 0;
function standIns(commands: Record<string, number>): { bin: string; calls: () => string[] } {
  const bin = join(dir(), `bin-${++standInSets}`);
  mkdirSync(bin, { recursive: true });
  const log = join(bin, 'calls.log');
  writeFileSync(log, '');
  for (const [name, status] of Object.entries(commands)) {
    const file = join(bin, name);
    writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> '${log}'\nexit ${status}\n`);
    chmodSync(file, 0o755);
  }
  return { bin, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const script = (name: string) => readFileSync(join(ROOT, 'build/linux', name), 'utf8');

describe('deb post-install', () => {
  it('is the one electron-builder uses, and ships the CUPS set-up it runs', () => {
    expect(config.deb.afterInstall).toBe('build/linux/after-install.sh');
    expect(config.extraResources).toContainEqual({
      from: 'build/linux/configure-cups.sh',
      to: 'deploy/configure-cups.sh',
    });
  });

  it('names only what electron-builder fills in, and is valid bash', () => {
    const text = render(script('after-install.sh'), {
      executable: 'citizensec-kiosk',
      sanitizedProductName: 'CitizenSec Kiosk',
    });
    expect(spawnSync('bash', ['-n'], { input: text }).status).toBe(0);
  });

  it('links the command, sets up the sandbox helper, and turns off kept print documents', () => {
    // The app folder is made to resolve into the test's own folder.
    const app = join(dir(), 'app');
    mkdirSync(join(app, 'resources', 'deploy'), { recursive: true });
    writeFileSync(join(app, 'chrome-sandbox'), '');
    writeFileSync(join(app, 'resources/apparmor-profile'), '');
    writeFileSync(join(app, 'resources/deploy/configure-cups.sh'), script('configure-cups.sh'));
    const { bin, calls } = standIns({
      'update-alternatives': 0,
      apparmor_parser: 0,
      apparmor_status: 1,
      'update-desktop-database': 0,
      cupsctl: 0,
    });
    const text = render(script('after-install.sh'), {
      executable: 'citizensec-kiosk',
      sanitizedProductName: `../${app}`,
    });
    const run = spawnSync('bash', ['-c', text], {
      env: { PATH: `${bin}:/usr/bin:/bin:/usr/sbin:/sbin` },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(calls()).toEqual([
      `update-alternatives --install /usr/bin/citizensec-kiosk citizensec-kiosk /opt/../${app}/citizensec-kiosk 100`,
      'apparmor_status --enabled',
      'update-desktop-database /usr/share/applications',
      'cupsctl PreserveJobFiles=No',
    ]);
    expect([0o755, 0o4755]).toContain(statSync(join(app, 'chrome-sandbox')).mode & 0o7777);
  });

  it('does not fail the installation when CUPS cannot be configured yet', () => {
    const app = join(dir(), 'app');
    mkdirSync(join(app, 'resources', 'deploy'), { recursive: true });
    writeFileSync(join(app, 'chrome-sandbox'), '');
    writeFileSync(join(app, 'resources/deploy/configure-cups.sh'), script('configure-cups.sh'));
    const { bin } = standIns({ 'update-alternatives': 0, apparmor_status: 1, cupsctl: 1 });
    const run = spawnSync(
      'bash',
      [
        '-c',
        render(script('after-install.sh'), { executable: 'k', sanitizedProductName: `../${app}` }),
      ],
      { env: { PATH: `${bin}:/usr/bin:/bin` }, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/sudo cupsctl PreserveJobFiles=No/);
  });
});

describe('configure-cups.sh', () => {
  const runWith = (commands: Record<string, number>) => {
    const { bin, calls } = standIns(commands);
    const run = spawnSync('/bin/sh', [join(ROOT, 'build/linux/configure-cups.sh')], {
      // No system folders: only the stand-ins (and sh's own builtins) are there.
      env: { PATH: bin },
      encoding: 'utf8',
    });
    return { run, calls };
  };

  it('tells CUPS to drop job documents', () => {
    const { run, calls } = runWith({ cupsctl: 0 });
    expect(run.status).toBe(0);
    expect(calls()).toEqual(['cupsctl PreserveJobFiles=No']);
    expect(run.stdout).toMatch(/PreserveJobFiles No/);
  });

  it('says what to run later when CUPS is not running, or cupsctl is missing', () => {
    const down = runWith({ cupsctl: 1 }).run;
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/is it running\?[\s\S]*sudo cupsctl PreserveJobFiles=No/);
    const missing = runWith({}).run;
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cupsctl is missing[\s\S]*sudo cupsctl PreserveJobFiles=No/);
  });
});
