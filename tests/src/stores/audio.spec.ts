import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { SPEEDS, VOLUME_STEPS, useAudioStore } from '../../../src/stores/audio';

describe('the visitor’s audio settings', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('start off, at a middle volume and the normal speed', () => {
    const audio = useAudioStore();
    expect(audio.on).toBe(false);
    expect(audio.volume).toBe(0.8);
    expect(audio.speed).toBe(1);
    expect(VOLUME_STEPS).toHaveLength(5);
    expect(SPEEDS[0]).toBe(0.75);
    expect(SPEEDS.at(-1)).toBe(1.5);
  });

  it('step volume and speed within their range', () => {
    const audio = useAudioStore();
    for (let i = 0; i < 9; i++) audio.louder(1);
    expect(audio.volume).toBe(1);
    for (let i = 0; i < 9; i++) audio.louder(-1);
    expect(audio.volume).toBe(0.2);
    for (let i = 0; i < 9; i++) audio.faster(1);
    expect(audio.speed).toBe(1.5);
    for (let i = 0; i < 9; i++) audio.faster(-1);
    expect(audio.speed).toBe(0.75);
  });

  it('are all back to the defaults for the next visitor', () => {
    const audio = useAudioStore();
    audio.toggle();
    audio.louder(1);
    audio.faster(1);
    audio.reset();
    expect({ on: audio.on, volume: audio.volume, speed: audio.speed }).toEqual({
      on: false,
      volume: 0.8,
      speed: 1,
    });
  });
});
