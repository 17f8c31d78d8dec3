import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { KioskApi, KioskInfo, KioskSettings } from '../kiosk';
import { DEFAULT_SETTINGS } from '../kiosk/settings';

/** The kiosk's own settings and identity. Not visitor data: a session reset keeps it. */
export const useKioskStore = defineStore('kiosk', () => {
  const settings = ref<KioskSettings>(DEFAULT_SETTINGS);
  const info = ref<KioskInfo | null>(null);

  async function load(api: KioskApi): Promise<void> {
    try {
      const [s, i] = await Promise.all([api.getSettings(), api.getInfo()]);
      settings.value = s;
      info.value = i;
    } catch (err) {
      // The visitor's flow works on defaults; staff see the cause in the logs.
      console.error('kiosk: could not load settings, using defaults', err);
      settings.value = DEFAULT_SETTINGS;
    }
  }

  return { settings, info, load };
});
