import { app, BrowserWindow, clipboard, ipcMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kioskWindowOptions } from './window';
import { readSettingsFile } from './settings-file';
import * as infoIpc from './ipc/info';
import * as settingsIpc from './ipc/settings';
import * as printIpc from './ipc/print';
import * as visitIpc from './ipc/visit';
import { createCups } from './print/cups';

// Kept thin on purpose: every decision lives in a module that is unit-tested with a mocked
// electron; this file only wires them to the app's lifecycle.

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const development = !app.isPackaged && devServerUrl !== undefined;
const pageFile = join(import.meta.dirname, '../renderer/index.html');
const pageUrl = devServerUrl ?? pathToFileURL(pageFile).href;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    infoIpc.register(ipcMain, { pageUrl, version: app.getVersion() });
    const readSettings = () => readSettingsFile(app.getPath('userData'));
    settingsIpc.register(ipcMain, { pageUrl, readSettings });
    printIpc.register(ipcMain, {
      pageUrl,
      platform: process.platform,
      cups: createCups(),
      readSettings,
      log: (m) => console.log(m),
    });
    visitIpc.register(ipcMain, { pageUrl, clipboard, log: (m) => console.log(m) });

    const win = new BrowserWindow(
      kioskWindowOptions({
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        development,
      }),
    );
    win.once('ready-to-show', () => win.show());
    void win.loadURL(pageUrl);
  });
  app.on('window-all-closed', () => app.quit());
}
