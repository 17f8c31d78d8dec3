/// <reference types="vite/client" />

declare const __APP_VERSION__: string;
/** The SHA-256 of the content bundled with the page (electron.vite.config.ts), for diagnostics. */
declare const __CONTENT_SHA256__: string;

declare module 'virtual:kiosk-content' {
  import type { Content } from '../core/content/model';
  const content: Content;
  export default content;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** One part of a locale file's messages (scripts/message-parts.ts), precompiled. */
declare module '*.json?part=start' {
  const messages: Record<string, unknown>;
  export default messages;
}
declare module '*.json?part=staff' {
  const messages: Record<string, unknown>;
  export default messages;
}
