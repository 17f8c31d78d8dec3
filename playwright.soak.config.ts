import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run bench:soak`: the long soak, one worker, figures printed as it runs. */
export default defineConfig({
  ...base,
  testMatch: 'soak-bench.ts',
  workers: 1,
  timeout: 0,
  projects: [{ name: 'chromium', metadata: { target: 'chromium' } }],
});
