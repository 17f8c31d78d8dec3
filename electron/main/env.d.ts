/** The content's step ids, in content order, put in at build time (electron.vite.config.ts). */
declare const __STEP_IDS__: readonly string[];
