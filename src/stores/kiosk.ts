import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { KioskApi, KioskInfo, KioskSettings } from '../kiosk';
import { DEFAULT_SETTINGS } from '../../core/kiosk/settings';

/** The kiosk's own settings, identity and API. Not visitor data: a session reset keeps it. */
export const useKioskStore = defineStore('kiosk', () => {
  const settings = ref<KioskSettings>(DEFAULT_SETTINGS);
  const info = ref<KioskInfo | null>(null);
  const api = shallowRef<KioskApi | null>(null);

  async function load(kiosk: KioskApi): Promise<void> {
    api.value = markRaw(kiosk);
    try {
      const [s, i] = await Promise.all([kiosk.getSettings(), kiosk.getInfo()]);
      settings.value = s;
      info.value = i;
    } catch (err) {
      // The visitor's flow works on defaults; staff see the cause in the logs.
      console.error('kiosk: could not load settings, using defaults', err);
      settings.value = DEFAULT_SETTINGS;
    }
  }

  return { settings, info, api, load };
});
