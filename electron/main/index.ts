import { app, BrowserWindow, clipboard, ipcMain, Menu, powerSaveBlocker, protocol } from 'electron';
import { join } from 'node:path';
import { kioskWindowOptions } from './window';
import { readSettingsFile } from './settings-file';
import * as infoIpc from './ipc/info';
import * as settingsIpc from './ipc/settings';
import * as printIpc from './ipc/print';
import * as visitIpc from './ipc/visit';
import { createCups } from './print/cups';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, PAGE_URL } from './protocol';
import { guardClose, lockDownContents } from './lockdown';
import { CrashGuard, watchRenderer } from './recovery';

// Kept thin on purpose: every decision lives in a module that is unit-tested with a mocked
// electron; this file only wires them to the app's lifecycle.

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const development = !app.isPackaged && devServerUrl !== undefined;
const pageUrl = development && devServerUrl ? devServerUrl : PAGE_URL;
const log = (m: string) => console.log(m);

// A fault in main is logged and survived: the kiosk keeps serving the page it has.
process.on('uncaughtException', (err) => log(`main: uncaught ${err.stack ?? String(err)}`));
process.on('unhandledRejection', (reason) => log(`main: unhandled rejection ${String(reason)}`));

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(import.meta.dirname, '../renderer')));
    Menu.setApplicationMenu(null);
    infoIpc.register(ipcMain, { pageUrl, version: app.getVersion() });
    const readSettings = () => readSettingsFile(app.getPath('userData'));
    settingsIpc.register(ipcMain, { pageUrl, readSettings });
    printIpc.register(ipcMain, {
      pageUrl,
      platform: process.platform,
      cups: createCups(),
      readSettings,
      log,
    });
    visitIpc.register(ipcMain, { pageUrl, clipboard, log });

    const win = new BrowserWindow(
      kioskWindowOptions({
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        development,
      }),
    );
    // Staff mode (a later issue) will allow the shortcuts; visitors never get them.
    lockDownContents(win.webContents, { allowShortcuts: () => development, log });
    guardClose(win, app, () => development, log);
    watchRenderer(win, { pageUrl, guard: new CrashGuard(), log });
    // The screen stays on: a dark kiosk looks broken.
    powerSaveBlocker.start('prevent-display-sleep');
    win.once('ready-to-show', () => win.show());
    void win.loadURL(pageUrl);
  });
  app.on('child-process-gone', (_event, details) =>
    log(`main: ${details.type} process gone (${details.reason})`),
  );
  app.on('window-all-closed', () => app.quit());
}
