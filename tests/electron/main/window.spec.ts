import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from '../../../electron/main/window';

describe('kiosk window options', () => {
  it('isolates the page: sandbox, context isolation, no Node anywhere, no devtools', () => {
    const {
      webPreferences: w,
      kiosk,
      fullscreen,
      frame,
    } = kioskWindowOptions({
      preloadPath: '/app/preload/index.cjs',
      development: false,
    });
    expect({ kiosk, fullscreen, frame }).toEqual({ kiosk: true, fullscreen: true, frame: false });
    expect(w).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('keeps the same isolation in development, with a frame and devtools', () => {
    const o = kioskWindowOptions({ preloadPath: 'p', development: true });
    expect(o.kiosk).toBe(false);
    expect(o.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      devTools: true,
    });
  });
});
