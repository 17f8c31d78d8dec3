import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type KioskApi } from '../../src/kiosk/kiosk-api';

// Named functions only: the page can call exactly these, never ipcRenderer itself.
const kiosk: KioskApi = {
  getInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getInfo),
  getSettings: () => ipcRenderer.invoke(IPC_CHANNELS.getSettings),
  checkPrinter: () => ipcRenderer.invoke(IPC_CHANNELS.checkPrinter),
  listPrinters: () => ipcRenderer.invoke(IPC_CHANNELS.listPrinters),
  printSheet: (request) => ipcRenderer.invoke(IPC_CHANNELS.printSheet, request),
  endVisit: () => ipcRenderer.invoke(IPC_CHANNELS.endVisit),
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
