import { defineConfig } from '@playwright/test';

// Two checkouts can run their end-to-end tests side by side with ports of their own.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const COMPANION_PORT = Number(process.env.E2E_COMPANION_PORT ?? 4174);

/**
 * End-to-end specs drive the built page (out/renderer): in Debian's Chromium everywhere, and in
 * the real Electron app where an Electron binary is installed (skipped with the reason here).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: { baseURL: `http://127.0.0.1:${PORT}/` },
  webServer: [
    {
      command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    // The companion page for phones (npm run build:companion), as a static host would serve it.
    {
      command: `npx vite preview --config vite.companion.config.ts --host 127.0.0.1 --port ${COMPANION_PORT} --strictPort`,
      url: `http://127.0.0.1:${COMPANION_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
  projects: [
    { name: 'chromium', metadata: { target: 'chromium' } },
    { name: 'electron', metadata: { target: 'electron' } },
  ],
});
