import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import vueI18n from '@intlify/unplugin-vue-i18n/vite';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { loadContentOrThrow } from './scripts/read-content.ts';
import { cspPlugin } from './scripts/vite-plugin-csp.ts';
import { audioPlugin } from './scripts/vite-plugin-audio.ts';
import {
  messagePartsPlugin,
  plainTextMessagesPlugin,
} from './scripts/vite-plugin-message-parts.ts';
import { contentHash } from './electron/main/diagnostics/file-hashes.ts';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
/** The bundled content's hash, as `npm run hashes` prints it, for "Check this kiosk". */
const contentSha256 = contentHash(resolve(root, 'content')).sha256;

/**
 * The renderer's Vite config, shared by electron-vite (the kiosk), `vite.web.config.ts` (the page
 * alone in a browser) and `vitest.config.ts` (component tests), so all three compile the same
 * page the same way.
 */
export const rendererConfig = {
  root: resolve(root, 'src'),
  base: './',
  publicDir: false as const,
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __CONTENT_SHA256__: JSON.stringify(contentSha256),
  },
  resolve: {
    alias: { '@': resolve(root, 'src') },
  },
  plugins: [
    // Every component is `<script setup>`: Vue's Options API never runs, so it is left out.
    vue({ features: { optionsAPI: false } }),
    // The staff screens' messages load with the staff screens (scripts/message-parts.ts).
    messagePartsPlugin(resolve(root, 'locales')),
    vueI18n({
      // Messages are compiled to functions at build time so the page ships the runtime-only
      // vue-i18n build, which needs no `eval` under the kiosk's CSP. A `?part=` import is one
      // part of a locale file, precompiled the same way.
      include: [resolve(root, 'locales/*.json'), resolve(root, 'locales/*.json?part=*')],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: true,
      escapeHtml: true,
      // Every message is precompiled, so the message compiler never ships (about 37 KB).
      dropMessageCompiler: true,
    }),
    // …and a plain-text message ships as its text, not as a tree (scripts/vite-plugin-message-parts.ts).
    plainTextMessagesPlugin(resolve(root, 'locales')),
    contentPlugin({ contentDir: resolve(root, 'content') }),
    cspPlugin(),
    audioPlugin({ audioDir: resolve(root, 'audio') }),
  ],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified; minified, it parses in half the time.
    minify: true,
    // Electron 45's Chromium: the page needs no down-levelling for older browsers (electron-vite
    // sets this for its own build; said here too so that the bundle-size measure builds the same).
    target: 'chrome140',
    rollupOptions: {
      input: resolve(root, 'src/index.html'),
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              // The staff screens load together (both entries at once, with their messages):
              // one chunk rather than one per entry and one for what the two share.
              name: 'staff',
              test: /\/src\/components\/staff\/(?!StaffCorner\b)|\/use-staff-messages\.ts$|\/use-counter-labels\.ts$|\/locales\/\w+\.json\?part=staff$/,
            },
          ],
        },
      },
    },
  },
} satisfies UserConfig['renderer'];

function countedIds(): { steps: string[]; documents: string[] } {
  const content = loadContentOrThrow(resolve(root, 'content'));
  return {
    steps: content.steps.map((s) => s.id),
    documents: content.documents.map((d) => d.id),
  };
}

export default defineConfig({
  main: {
    // Main counts steps and documents by id (anonymous daily counters); the ids come from the
    // same validated content the page is built from, in content order.
    define: {
      __COUNTED_IDS__: JSON.stringify(countedIds()),
      __CONTENT_INFO__: JSON.stringify({
        checkedAsOf: loadContentOrThrow(resolve(root, 'content')).meta.checkedAsOf,
        sha256: contentSha256,
      }),
    },
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
