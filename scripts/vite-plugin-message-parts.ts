import type { Plugin } from 'vite';
import { messagesOfPart, partOfImport } from './message-parts.ts';

/** Whether a module id is a file of the locales folder whose id matches `pattern`. */
function localeFiles(localesDir: string, pattern: RegExp): (id: string) => boolean {
  const dir = localesDir.replace(/\/+$/, '') + '/';
  return (id) => id.startsWith(dir) && pattern.test(id);
}

/**
 * `import kk from '../locales/kk.json?part=start'`: the locale file cut to one part of its
 * messages (scripts/message-parts.ts), before @intlify/unplugin-vue-i18n precompiles it like a
 * whole file. Must come before that plugin, whose `include` must also take the `?part=` ids.
 */
export function messagePartsPlugin(localesDir: string): Plugin {
  const isPartImport = localeFiles(localesDir, /\.json\?/);
  return {
    name: 'kiosk-message-parts',
    enforce: 'pre',
    transform(code, id) {
      if (!isPartImport(id)) return null;
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

/**
 * A precompiled message that is plain text, as @intlify/unplugin-vue-i18n writes it: the tree of
 * one text item whose whole text is given (`s`). Messages with a placeholder, a plural, a
 * link or a literal keep their tree.
 */
const STATIC_MESSAGE = /\{"t":0,"b":\{"t":2,"i":\[\{"t":3\}\],"s":("(?:[^"\\]|\\.)*")\}\}/g;

/** The precompiled locale code with every plain-text message as its text (see below). */
export function plainTextMessages(code: string): string {
  return code.replace(STATIC_MESSAGE, '$1');
}

/**
 * After @intlify/unplugin-vue-i18n has precompiled a locale file: a plain-text message ships
 * as its text, not as a tree of one text item. vue-i18n's runtime-only build returns a text
 * message as it is (it has no compiler to give it), which for plain text is the same result,
 * and the tree's 25 bytes a message in about 1,400 messages are gone (docs/performance.md).
 */
export function plainTextMessagesPlugin(localesDir: string): Plugin {
  const isLocaleFile = localeFiles(localesDir, /\.json(\?|$)/);
  return {
    name: 'kiosk-plain-text-messages',
    enforce: 'post',
    transform(code, id) {
      if (!isLocaleFile(id)) return null;
      return { code: plainTextMessages(code), map: null };
    },
  };
}
