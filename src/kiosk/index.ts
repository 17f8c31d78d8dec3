import type { KioskApi } from '../../core/kiosk/kiosk-api';
import type { CountedIds } from '../../core/kiosk/counters';
import { createBrowserKiosk } from './browser-kiosk';

/** The kiosk the page runs in: Electron's preload API where present, else the browser one. */
export function resolveKiosk(ids: CountedIds, win: Window = window): KioskApi {
  return win.kiosk ?? createBrowserKiosk(win.localStorage, undefined, ids);
}

export type { KioskApi, KioskInfo, KioskSettings } from '../../core/kiosk/kiosk-api';

declare global {
  interface Window {
    /** Present only inside the Electron kiosk, put there by the preload. */
    readonly kiosk?: KioskApi;
  }
}
