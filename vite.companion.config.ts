import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { COMPANION_MESSAGE_KEYS } from './companion/message-keys.ts';
import { LOCALES } from './core/locales.ts';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { cspPlugin } from './scripts/vite-plugin-csp.ts';
import { serviceWorkerPlugin } from './scripts/vite-plugin-service-worker.ts';

const root = import.meta.dirname;

/** The companion's messages, picked from locales/*.json: only the keys it uses. */
function companionMessages(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    LOCALES.map((l) => {
      const all = JSON.parse(readFileSync(resolve(root, `locales/${l}.json`), 'utf8')) as Record<
        string,
        string
      >;
      return [
        l,
        Object.fromEntries(
          COMPANION_MESSAGE_KEYS.map((k) => {
            if (typeof all[k] !== 'string') throw new Error(`locales/${l}.json has no ${k}`);
            return [k, all[k]];
          }),
        ),
      ];
    }),
  );
}

/**
 * The companion page for phones (`npm run build:companion`): static files in out/companion, to
 * put on any static host. The same content and domain code as the kiosk; its own CSP, and a
 * service worker so it opens offline after the first visit.
 */
export default defineConfig({
  root: resolve(root, 'companion'),
  base: './',
  publicDir: false,
  define: { __COMPANION_MESSAGES__: JSON.stringify(companionMessages()) },
  plugins: [
    // Every component is `<script setup>`: Vue's Options API never runs, so it is left out.
    vue({ features: { optionsAPI: false } }),
    contentPlugin({ contentDir: resolve(root, 'content') }),
    cspPlugin(),
    serviceWorkerPlugin(),
  ],
  build: {
    outDir: resolve(root, 'out/companion'),
    emptyOutDir: true,
    minify: true,
  },
  server: { port: 5174, strictPort: true },
  preview: { port: 4174, strictPort: true },
});
