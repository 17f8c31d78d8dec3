import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type KioskApi } from '../../src/kiosk/kiosk-api';

// Named functions only: the page can call exactly these, never ipcRenderer itself.
const kiosk: KioskApi = {
  getInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getInfo),
  getSettings: () => ipcRenderer.invoke(IPC_CHANNELS.getSettings),
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
