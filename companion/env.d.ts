/// <reference types="vite/client" />

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
