import { defineConfig } from 'vitest/config';
import { rendererConfig } from './electron.vite.config.ts';

/**
 * Unit, component, content and main-process tests. They compile .vue files, locale messages and
 * the content module exactly as the kiosk build does; end-to-end specs run under Playwright.
 */
export default defineConfig({
  resolve: rendererConfig.resolve,
  define: rendererConfig.define,
  plugins: rendererConfig.plugins,
  test: {
    root: import.meta.dirname,
    include: ['tests/**/*.spec.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    restoreMocks: true,
  },
});
