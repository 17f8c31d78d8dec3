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
