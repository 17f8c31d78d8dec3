import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  CRASH_WINDOW_MS,
  CrashGuard,
  MAX_CRASHES,
  OUT_OF_SERVICE_URL,
  watchRenderer,
} from '../../../electron/main/recovery';

vi.mock('electron', () => ({}));

describe('crash guard', () => {
  it('reloads up to the cap within the window, then gives up', () => {
    let t = 0;
    const g = new CrashGuard(() => t);
    for (let i = 0; i < MAX_CRASHES; i++) {
      expect(g.record()).toBe('reload');
      t += 10_000;
    }
    expect(g.record()).toBe('out-of-service');
  });

  it('forgets crashes older than the window', () => {
    let t = 0;
    const g = new CrashGuard(() => t);
    for (let i = 0; i < 10; i++) {
      expect(g.record()).toBe('reload');
      t += CRASH_WINDOW_MS / 2;
    }
  });
});

describe('watchRenderer', () => {
  function setup() {
    const win = new EventEmitter() as EventEmitter & {
      webContents: EventEmitter;
      loadURL: ReturnType<typeof vi.fn>;
    };
    win.webContents = new EventEmitter();
    win.loadURL = vi.fn(async () => {});
    let t = 0;
    const log = vi.fn();
    watchRenderer(win as never, {
      pageUrl: 'app://kiosk/index.html',
      guard: new CrashGuard(() => (t += 1000)),
      log,
    });
    return { win, log };
  }

  it('reloads the page after a crash or a hang, and shows out-of-service in a crash loop', () => {
    const { win, log } = setup();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    win.emit('unresponsive');
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(win.loadURL.mock.calls.map((c) => c[0])).toEqual(
      Array(3).fill('app://kiosk/index.html'),
    );
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.loadURL).toHaveBeenLastCalledWith(OUT_OF_SERVICE_URL);
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('out-of-service'));
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
