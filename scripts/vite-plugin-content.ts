import type { Plugin } from 'vite';
import { join } from 'node:path';
import { loadContentOrThrow, readContentFiles } from './read-content.ts';

const ID = 'virtual:kiosk-content';
const RESOLVED = `\0${ID}`;

/**
 * The content as the screens and papers use it: every `sources` list emptied. Sources are for
 * content owners and reviewers (validated with the rest at build time, kept in content/); no
 * screen, sheet or document shows them, and they would be a tenth of the content's bytes.
 */
export function withoutSources<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutSources(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'sources' ? [] : withoutSources(v)]),
  ) as T;
}

/**
 * Serves the checklist as `virtual:kiosk-content`, validated when the page is built: a broken
 * content file stops the build with an error naming its file, step and field, so a kiosk never
 * receives content that failed its checks.
 */
export function contentPlugin(options: { contentDir: string }): Plugin {
  return {
    name: 'kiosk-content',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of readContentFiles(options.contentDir))
        this.addWatchFile(join(options.contentDir, f.path.replace(/^content\//, '')));
      const content = withoutSources(loadContentOrThrow(options.contentDir));
      // A JSON string parses faster than the same data as an object literal in JavaScript,
      // which matters for start-up (docs/performance.md).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(content))});`;
    },
    configureServer(server) {
      server.watcher.add(options.contentDir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(options.contentDir)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
