import { describe, expect, it, vi } from 'vitest';

/*
 * electron-builder downloads Electron and its tools to package, which cannot run here; its
 * configuration is checked instead: against electron-builder's own schema, for every fuse,
 * for the targets IT deploys, and for what would go into the package.
 */

describe('leaving the app on staff request', () => {
  const fakeApp = () => ({ relaunch: vi.fn(), exit: vi.fn() });

  it('lets systemd restart it, or keep it off after a quit', async () => {
    const { leaveApp, EXIT_STAFF_QUIT, EXIT_STAFF_RESTART } =
      await import('../../../electron/main/app-exit');
    const env = { INVOCATION_ID: 'abc' };
    const a = fakeApp();
    leaveApp('restart', a, env);
    expect(a.relaunch).not.toHaveBeenCalled();
    expect(a.exit).toHaveBeenCalledWith(EXIT_STAFF_RESTART);
    const b = fakeApp();
    leaveApp('quit', b, env);
    expect(b.exit).toHaveBeenCalledWith(EXIT_STAFF_QUIT);
  });

  it('leaves a stay-off marker on a quit under systemd, or says why it could not', async () => {
    const { leaveApp, markStayOff, EXIT_STAFF_QUIT } =
      await import('../../../electron/main/app-exit');
    const written: [string, string][] = [];
    const file = markStayOff(
      { STATE_DIRECTORY: '/var/lib/citizensec-kiosk' },
      (f, t) => written.push([f, t]),
      new Date(Date.UTC(2026, 10, 25, 9)),
    );
    expect(file).toBe('/var/lib/citizensec-kiosk/stay-off');
    expect(written[0]![1]).toContain('2026-11-25T09:00:00.000Z');
    expect(markStayOff({})).toBeNull();
    const log = vi.fn();
    const a = fakeApp();
    leaveApp('quit', a, { INVOCATION_ID: 'x', STATE_DIRECTORY: '/nowhere' }, log, () => {
      throw new Error('EROFS: read-only');
    });
    expect(a.exit).toHaveBeenCalledWith(EXIT_STAFF_QUIT);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('could not be written'));
  });

  it('relaunches itself when nothing supervises it', async () => {
    const { leaveApp } = await import('../../../electron/main/app-exit');
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
