/**
 * The content's step and document ids, in content order, put in at build time
 * (electron.vite.config.ts): the only ids the counters count.
 */
declare const __COUNTED_IDS__: {
  readonly steps: readonly string[];
  readonly documents: readonly string[];
};
