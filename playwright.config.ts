import { defineConfig } from '@playwright/test';

const PORT = 4173;

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
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    { name: 'chromium', metadata: { target: 'chromium' } },
    { name: 'electron', metadata: { target: 'electron' } },
  ],
});
