import type { Plugin } from 'vite';
import { loadContentOrThrow } from './read-content';

const ID = 'virtual:kiosk-content';
const RESOLVED = `\0${ID}`;

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
      this.addWatchFile(options.contentDir);
      const content = loadContentOrThrow(options.contentDir);
      return `export default ${JSON.stringify(content)};`;
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
