import { defineStore } from 'pinia';
import { ref } from 'vue';

/** The three text sizes: the kiosk's own, and two larger steps. */
export const TEXT_SIZES = [0, 1, 2] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/**
 * How this visitor wants the screen: text size and high contrast. Switchable from every screen,
 * and part of the visit: the next visitor starts with the kiosk's defaults.
 */
export const useComfortStore = defineStore('comfort', () => {
  const textSize = ref<TextSize>(0);
  const highContrast = ref(false);

  function nextTextSize(): void {
    textSize.value = ((textSize.value + 1) % TEXT_SIZES.length) as TextSize;
  }

  function toggleContrast(): void {
    highContrast.value = !highContrast.value;
  }

  function reset(): void {
    textSize.value = 0;
    highContrast.value = false;
  }

  return { textSize, highContrast, nextTextSize, toggleContrast, reset };
});
