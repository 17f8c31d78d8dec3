import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the same page and fixtures as the tests, writing docs/screens/. */
export default defineConfig({
  ...base,
  testMatch: 'docs-screens.ts',
  projects: [{ name: 'chromium', metadata: { target: 'chromium' } }],
});
