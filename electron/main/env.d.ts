/**
 * The content's step and document ids, in content order, put in at build time
 * (electron.vite.config.ts): the only ids the counters count.
 */
declare const __COUNTED_IDS__: {
  readonly steps: readonly string[];
  readonly documents: readonly string[];
};

/**
 * The content bundled with the app: its checked-as-of date and the SHA-256 of its files
 * (electron/main/diagnostics/file-hashes.ts), put in at build time for "Check this kiosk".
 */
declare const __CONTENT_INFO__: { readonly checkedAsOf: string; readonly sha256: string };
