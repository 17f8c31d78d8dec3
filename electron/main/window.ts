import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The kiosk window: fullscreen, frameless, and the page kept in its own sandboxed world with no
 * Node. Built as a plain object so the options can be tested without Electron.
 */
export function kioskWindowOptions(opts: {
  preloadPath: string;
  development: boolean;
}): BrowserWindowConstructorOptions {
  return {
    show: false,
    fullscreen: !opts.development,
    kiosk: !opts.development,
    frame: opts.development,
    autoHideMenuBar: true,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open anything either (the window-open handler denies it too).
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.development,
    },
  };
}
