import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/*
 * electron-builder downloads Electron and its tools to package, which cannot run here; its
 * configuration is checked instead: against electron-builder's own schema, for every fuse,
 * for the targets IT deploys, and for what would go into the package.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8'));

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

  it('restarts on every exit, never gives up, and stays off while the quit marker is there', async () => {
    const { EXIT_STAFF_QUIT, EXIT_STAFF_RESTART, STAY_OFF_FILE } =
      await import('../../electron/main/app-exit');
    expect(unit.Service!.Restart).toEqual(['always']);
    expect(unit.Service!.RestartPreventExitStatus).toEqual([String(EXIT_STAFF_QUIT)]);
    expect(EXIT_STAFF_RESTART).not.toBe(EXIT_STAFF_QUIT);
    expect(unit.Unit!.StartLimitIntervalSec).toEqual(['0']);
    expect(unit.Service!.StateDirectory).toEqual(['citizensec-kiosk']);
    expect(unit.Unit!.ConditionPathExists).toContain(`!/var/lib/citizensec-kiosk/${STAY_OFF_FILE}`);
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  const noSystemd =
    analyze.status === 0 ? null : 'systemd-analyze is not installed (Debian: systemd)';
  if (noSystemd) console.log(`systemd checks skipped: ${noSystemd}.`);

  it.skipIf(noSystemd !== null)('is a unit systemd reads without a warning', () => {
    // systemd-analyze also checks that ExecStart= exists; cage and the app are not installed
    // here, so a stand-in takes their place and everything else is checked as written.
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-unit-'));
    try {
      const copy = join(dir, 'citizensec-kiosk.service');
      writeFileSync(
        copy,
        readFileSync(unitPath, 'utf8').replace(/^ExecStart=.*$/m, 'ExecStart=/bin/true'),
      );
      const r = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      expect(r.stderr + r.stdout).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(noSystemd !== null)(
    'is started while there is no marker, and not after a staff quit, by systemd’s own reading',
    async () => {
      const { leaveApp } = await import('../../electron/main/app-exit');
      const state = mkdtempSync(join(tmpdir(), 'kiosk-state-'));
      try {
        // The unit's own condition, pointed at a state folder of this test's.
        const conditions = unit
          .Unit!.ConditionPathExists!.map(
            (c) => `ConditionPathExists=${c.replace('/var/lib/citizensec-kiosk', state)}`,
          )
          .filter((c) => c.includes(state));
        const startable = () =>
          spawnSync('systemd-analyze', ['condition', ...conditions], { encoding: 'utf8' }).status;
        expect(startable()).toBe(0);
        // A quit under systemd, whatever exit status then reaches it.
        const app = { relaunch: vi.fn(), exit: vi.fn() };
        leaveApp('quit', app, { INVOCATION_ID: 'x', STATE_DIRECTORY: state });
        expect(startable()).not.toBe(0);
        // A restart leaves no marker.
        rmSync(join(state, 'stay-off'));
        leaveApp('restart', app, { INVOCATION_ID: 'x', STATE_DIRECTORY: state });
        expect(startable()).toBe(0);
      } finally {
        rmSync(state, { recursive: true, force: true });
      }
    },
  );

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
