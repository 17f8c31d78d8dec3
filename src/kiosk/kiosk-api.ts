import type { Locale } from '../domain/locales';

/*
 * The one contract between the page and the kiosk around it. The Electron preload implements it
 * over IPC (electron/preload); browser-kiosk.ts implements it in a plain browser for
 * development, demos and end-to-end tests. The page never reaches past it.
 */

/** What the kiosk's staff set for this branch; nothing here is about a visitor. */
export interface KioskSettings {
  /** Shown on screen and on the printed sheet; may be empty until staff set it. */
  readonly branchName: string;
  readonly defaultLocale: Locale;
  /** The languages offered, in the language screen's order; never empty. */
  readonly enabledLocales: readonly Locale[];
}

export interface KioskInfo {
  readonly runtime: 'electron' | 'browser';
  readonly version: string;
}

export interface KioskApi {
  getInfo(): Promise<KioskInfo>;
  getSettings(): Promise<KioskSettings>;
}

/** The channel names used by the Electron implementation; main registers exactly these. */
export const IPC_CHANNELS = {
  getInfo: 'kiosk:get-info',
  getSettings: 'kiosk:get-settings',
} as const;

declare global {
  interface Window {
    /** Present only inside the Electron kiosk, put there by the preload. */
    readonly kiosk?: KioskApi;
  }
}
