import { defineConfig } from 'vite';
import { rendererConfig } from './electron.vite.config.ts';

/** The kiosk page alone, for `npm run dev:web`, staff demos and the end-to-end tests. */
export default defineConfig({
  ...rendererConfig,
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
