import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
