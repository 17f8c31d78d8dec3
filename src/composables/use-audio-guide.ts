import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import type { Content, LocalizedText, PhoneNumber } from '../../core/content/model';
import type { Locale } from '../../core/locales';
import { contentTextIds, dialTextId } from '../../core/content/audio-text-ids';
import { clipPlayer, type ReadItem } from '../audio-player';
import { kioskContent } from '../content';
import { useAudioStore } from '../stores/audio';
import { useVisit } from './use-visit';

/*
 * What each screen reads aloud when audio guidance is on: a screen names its texts in the order
 * it shows them (`useScreenReading`), and they are read when it opens and again on request.
 */

interface ScreenReader {
  readonly items: () => readonly ReadItem[];
  readonly locale: Ref<Locale>;
}

let current: ScreenReader | null = null;
/** Whether the screen is being read now: the controls offer "stop" then, "read again" else. */
export const reading = ref(false);
let readCount = 0;

/** Reads the screen on show from its start; a second call starts it again. */
export async function readScreen(): Promise<void> {
  const screen = current;
  if (!screen) return;
  const mine = ++readCount;
  reading.value = true;
  await clipPlayer.play(screen.items(), screen.locale.value);
  if (mine === readCount) reading.value = false;
}

export function stopScreenReading(): void {
  readCount++;
  reading.value = false;
  clipPlayer.stop();
}

let idsOf: { content: Content; ids: WeakMap<LocalizedText, string> } | null = null;

/** A content text's clip id (its place in the content), or null if it has no clip. */
export function contentClipId(text: LocalizedText): string | null {
  if (idsOf?.content !== kioskContent) {
    const ids = new WeakMap<LocalizedText, string>();
    for (const t of contentTextIds(kioskContent)) ids.set(t.text, t.id);
    idsOf = { content: kioskContent, ids };
  }
  return idsOf.ids.get(text) ?? null;
}

/**
 * For a screen: registers what it reads, and reads it as it opens when audio is on. `say`
 * builds the items: `say.text(localized)` for content, `say.message(key, params?)` for UI text.
 */
export function useScreenReading(
  items: (say: Say) => readonly (ReadItem | null | undefined)[],
  /** A screen whose state changes in place (printing → done) is read again when this does. */
  rereadOn?: () => unknown,
) {
  const { t, locale } = useVisit();
  const audio = useAudioStore();
  const say: Say = {
    text: (localized) => ({ id: contentClipId(localized), text: localized[locale.value] }),
    // A message's clip is under its key; one with a placeholder has none (core/content/audio-text-ids.ts).
    message: (key, params) =>
      params ? { id: null, text: t(key, params) } : { id: key, text: t(key) },
    plain: (text) => ({ id: null, text }),
    dial: (n) => ({ id: dialTextId(n.id), text: n.dial }),
  };
  const reader: ScreenReader = {
    items: () => items(say).filter((i): i is ReadItem => !!i),
    locale,
  };
  // A dialog over a screen (the idle warning) reads itself; when it closes, "read again" reads
  // the screen beneath once more.
  let beneath: ScreenReader | null = null;
  onMounted(() => {
    beneath = current;
    current = reader;
    if (audio.on) void readScreen();
  });
  onBeforeUnmount(() => {
    if (current === reader) {
      current = beneath;
      stopScreenReading();
    }
  });
  if (rereadOn)
    watch(rereadOn, () => {
      if (audio.on && current === reader) void readScreen();
    });
}

export interface Say {
  text(localized: LocalizedText): ReadItem;
  message(key: string, params?: Record<string, unknown>): ReadItem;
  plain(text: string): ReadItem;
  /** An official number as dialled. */
  dial(n: PhoneNumber): ReadItem;
}
