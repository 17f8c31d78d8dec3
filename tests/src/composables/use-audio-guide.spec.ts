// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, nextTick } from 'vue';
import {
  contentClipId,
  reading,
  readScreen,
  useScreenReading,
} from '../../../src/composables/use-audio-guide';
import { clipPlayer, type ReadItem } from '../../../src/audio-player';
import { kioskContent } from '../../../src/content';
import { useAudioStore } from '../../../src/stores/audio';
import { mountKiosk } from '../helpers';

const step = kioskContent.steps[0]!;

function screen(items: (say: Parameters<Parameters<typeof useScreenReading>[0]>[0]) => ReadItem[]) {
  return defineComponent({
    setup() {
      useScreenReading(items);
      return () => null;
    },
  });
}

describe('what a screen reads', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names content texts by their place, and messages by their key', () => {
    vi.spyOn(clipPlayer, 'play').mockResolvedValue();
    expect(contentClipId(step.why)).toBe(`step.${step.id}.why`);
    expect(contentClipId(step.substeps[0]!.text)).toBe(`step.${step.id}.substeps.0.text`);
    expect(contentClipId({ kk: 'x', ru: 'x', en: 'x' })).toBeNull();
    let said: ReadItem[] = [];
    mountKiosk(
      screen((say) => {
        said = [
          say.text(step.title),
          say.message('titleWhy'),
          say.message('labelStepProgress', { current: 1, total: 5 }),
        ];
        return said;
      }),
      { locale: 'ru' },
    );
    void readScreen();
    expect(said).toEqual([
      { id: `step.${step.id}.title`, text: step.title.ru },
      { id: 'titleWhy', text: 'Почему это важно' },
      // A message with a number in it has no clip: the machine's voice reads it.
      { id: null, text: 'Шаг 1 из 5' },
    ]);
  });

  it('is read as the screen opens only when audio is on, and stops when it closes', async () => {
    const play = vi.spyOn(clipPlayer, 'play').mockResolvedValue();
    const stop = vi.spyOn(clipPlayer, 'stop');
    const first = mountKiosk(screen((say) => [say.message('titleWhy')]));
    expect(play).not.toHaveBeenCalled();
    first.wrapper.unmount();

    const { wrapper, pinia } = mountKiosk(screen((say) => [say.message('titleWhy')]));
    useAudioStore(pinia).on = true;
    wrapper.unmount();
    const next = mountKiosk(
      screen((say) => [say.message('titleWhy')]),
      { pinia },
    );
    await nextTick();
    expect(play).toHaveBeenCalledWith([{ id: 'titleWhy', text: 'Почему это важно' }], 'ru');
    next.wrapper.unmount();
    expect(stop).toHaveBeenCalled();
    expect(reading.value).toBe(false);
  });
});
