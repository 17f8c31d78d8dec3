import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import { createKioskI18n } from '../../src/i18n';
import type { Locale } from '../../src/domain/locales';

/** Mounts a component with a fresh pinia and the kiosk's i18n, as main.ts installs them. */
export function mountKiosk<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale; pinia?: Pinia } = {},
) {
  const pinia = options.pinia ?? createPinia();
  setActivePinia(pinia);
  const i18n = createKioskI18n(options.locale ?? 'ru');
  const wrapper = mount(component, {
    ...options,
    global: { plugins: [pinia, i18n], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>);
  return { wrapper, pinia, i18n };
}
