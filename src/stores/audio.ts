import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

/** Volume steps, as the audio element takes them (0 to 1): five, so each press is heard. */
export const VOLUME_STEPS = [0.2, 0.4, 0.6, 0.8, 1] as const;
/** Speeds, as the audio element's playback rate: from slower to faster than the recording. */
export const SPEEDS = [0.75, 1, 1.25, 1.5] as const;
/** Loud enough for a hall, with room to go louder. */
const DEFAULT_VOLUME_STEP = 3;
const DEFAULT_SPEED_STEP = 1;

/**
 * Audio guidance for this visitor: off until the visitor turns it on, then every screen is read
 * as it opens. Volume and speed are the visitor's own; all of it is part of the visit, and the
 * next visitor starts with audio off and the kiosk's defaults.
 */
export const useAudioStore = defineStore('audio', () => {
  const on = ref(false);
  const volumeStep = ref(DEFAULT_VOLUME_STEP);
  const speedStep = ref(DEFAULT_SPEED_STEP);

  const volume = computed(() => VOLUME_STEPS[volumeStep.value]!);
  const speed = computed(() => SPEEDS[speedStep.value]!);
  const clamp = (n: number, max: number) => Math.min(max, Math.max(0, n));

  function toggle(): void {
    on.value = !on.value;
  }
  function louder(by: 1 | -1): void {
    volumeStep.value = clamp(volumeStep.value + by, VOLUME_STEPS.length - 1);
  }
  function faster(by: 1 | -1): void {
    speedStep.value = clamp(speedStep.value + by, SPEEDS.length - 1);
  }

  function reset(): void {
    on.value = false;
    volumeStep.value = DEFAULT_VOLUME_STEP;
    speedStep.value = DEFAULT_SPEED_STEP;
  }

  return { on, volumeStep, speedStep, volume, speed, toggle, louder, faster, reset };
});
