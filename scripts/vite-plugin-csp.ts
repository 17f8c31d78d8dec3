import { CONTENT_SECURITY_POLICY_META } from '../core/kiosk/csp.ts';
import type { Plugin } from 'vite';

/**
 * Adds the page's Content Security Policy to the built index.html. The dev server is left
 * without it because Vite's client injects inline code there.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'kiosk-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
