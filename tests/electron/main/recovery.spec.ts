import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  CRASH_HALF_LIFE_MS,
  CrashGuard,
  MAX_CRASH_SCORE,
  OUT_OF_SERVICE_URL,
  RETRY_FIRST_MS,
  RETRY_MAX_MS,
  watchRenderer,
  type RecoveryOptions,
} from '../../../electron/main/recovery';

vi.mock('electron', () => ({}));

describe('crash guard', () => {
  it('reloads up to the cap in quick succession, then gives up', () => {
    let t = 0;
    const g = new CrashGuard(() => t);
    for (let i = 0; i < MAX_CRASH_SCORE; i++) {
      expect(g.record()).toBe('reload');
      t += 10_000;
    }
    expect(g.record()).toBe('out-of-service');
  });

  it('gives up on a crash every 101 s, however long it goes on', () => {
    let t = 0;
    const g = new CrashGuard(() => t);
    const decisions = Array.from({ length: 30 }, () => {
      t += 101_000;
      return g.record();
    });
    expect(decisions).toContain('out-of-service');
  });

  it('lets crashes far apart fade: one a half-hour is never a loop', () => {
    let t = 0;
    const g = new CrashGuard(() => t);
    for (let i = 0; i < 50; i++) {
      expect(g.record()).toBe('reload');
      t += 3 * CRASH_HALF_LIFE_MS;
    }
  });
});

describe('watchRenderer', () => {
  function setup(
    crashOnDemand = true,
    hooks: Pick<RecoveryOptions, 'onCrash' | 'onOutOfService'> = {},
  ) {
    const win = new EventEmitter() as EventEmitter & {
      webContents: EventEmitter & { forcefullyCrashRenderer?: () => void };
      loadURL: ReturnType<typeof vi.fn>;
    };
    win.webContents = new EventEmitter();
    if (crashOnDemand)
      win.webContents.forcefullyCrashRenderer = vi.fn(() =>
        win.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }),
      );
    win.loadURL = vi.fn(async () => {});
    let t = 0;
    const log = vi.fn();
    const timers: { fn: () => void; ms: number }[] = [];
    watchRenderer(win as never, {
      pageUrl: 'app://kiosk/index.html',
      guard: new CrashGuard(() => (t += 1000)),
      log,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
      ...hooks,
    });
    const crash = () =>
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    return { win, log, timers, crash };
  }

  it('reloads the page after a crash or a hang, and shows out-of-service in a crash loop', () => {
    const { win, log, crash } = setup();
    crash();
    win.emit('unresponsive');
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(win.loadURL.mock.calls.map((c) => c[0])).toEqual(
      Array(3).fill('app://kiosk/index.html'),
    );
    crash();
    expect(win.loadURL).toHaveBeenLastCalledWith(OUT_OF_SERVICE_URL);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('out-of-service'));
  });

  it('crashes a hung renderer before reloading, so the reload does not wait on it', () => {
    const { win } = setup();
    win.emit('unresponsive');
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(win.loadURL).toHaveBeenCalledTimes(1);
    // Without the method (an older Electron), a hang is recovered by reloading.
    const old = setup(false);
    old.win.emit('unresponsive');
    expect(old.win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('tries the page again from out of service, waiting twice as long each time', () => {
    const { win, timers, crash } = setup();
    for (let i = 0; i < 4; i++) crash();
    expect(win.loadURL).toHaveBeenLastCalledWith(OUT_OF_SERVICE_URL);
    // A crash of the static page keeps the kiosk out of service: only the timer brings it back.
    crash();
    expect(win.loadURL).toHaveBeenLastCalledWith(OUT_OF_SERVICE_URL);
    expect(timers.map((x) => x.ms)).toEqual([RETRY_FIRST_MS]);
    timers.at(-1)!.fn();
    expect(win.loadURL).toHaveBeenLastCalledWith('app://kiosk/index.html');
    // Broken still: the next crash gives up again at once, and waits longer.
    crash();
    expect(win.loadURL).toHaveBeenLastCalledWith(OUT_OF_SERVICE_URL);
    expect(timers.map((x) => x.ms)).toEqual([RETRY_FIRST_MS, 2 * RETRY_FIRST_MS]);
    for (let i = 0; i < 10; i++) {
      timers.at(-1)!.fn();
      crash();
    }
    expect(timers.at(-1)!.ms).toBe(RETRY_MAX_MS);
  });

  it('tells the health metrics of every crash and of going out of service and back', () => {
    const onCrash = vi.fn();
    const onOutOfService = vi.fn();
    const { win, timers, crash } = setup(true, { onCrash, onOutOfService });
    win.emit('unresponsive');
    for (let i = 0; i < 3; i++) crash();
    expect(onCrash).toHaveBeenCalledTimes(4);
    expect(onOutOfService.mock.calls).toEqual([[true]]);
    // A crash of the static page is still a crash.
    crash();
    expect(onCrash).toHaveBeenCalledTimes(5);
    timers.at(-1)!.fn();
    expect(onOutOfService.mock.calls).toEqual([[true], [false]]);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(onCrash).toHaveBeenCalledTimes(5);
  });

  it('ignores a clean exit', () => {
    const { win } = setup();
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('shows a static bilingual page that loads nothing', () => {
    const html = decodeURIComponent(OUT_OF_SERVICE_URL.slice(OUT_OF_SERVICE_URL.indexOf(',') + 1));
    expect(html).toContain('Обратитесь к сотруднику');
    expect(html).toContain('Қызметкерге хабарласыңыз');
    expect(html).not.toMatch(/src=|href=|<script/);
  });
});
