import type { Plugin } from 'vite';
import { messagesOfPart, partOfImport } from './message-parts.ts';

/**
 * `import kk from '../locales/kk.json?part=start'`: the locale file cut to one part of its
 * messages (scripts/message-parts.ts), before @intlify/unplugin-vue-i18n precompiles it like a
 * whole file. Must come before that plugin, whose `include` must also take the `?part=` ids.
 */
export function messagePartsPlugin(localesDir: string): Plugin {
  const dir = localesDir.replace(/\/+$/, '') + '/';
  return {
    name: 'kiosk-message-parts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(dir) || !/\.json\?/.test(id)) return null;
      const part = partOfImport(id);
      if (part === null) return null;
      let messages: Record<string, unknown>;
      try {
        messages = JSON.parse(code) as Record<string, unknown>;
      } catch (e) {
        this.error(`${id}: not JSON (${(e as Error).message})`);
      }
      return { code: JSON.stringify(messagesOfPart(messages, part)), map: null };
    },
  };
}
