import { defineConfig } from '@playwright/test';
import base from './playwright.config';
import type { KioskOptions } from './tests/e2e/fixtures';

/** `npm run screenshots`: the same page and fixtures as the tests, writing docs/screens/. */
export default defineConfig<KioskOptions>({
  ...base,
  testMatch: 'docs-screens.ts',
  // Screens at 0.6 of their pixels (1152 × 648 for 1080p): readable, and a tenth of the bytes.
  projects: [{ name: 'chromium', metadata: { target: 'chromium' }, use: { screenScale: 0.6 } }],
});
