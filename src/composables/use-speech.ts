import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import type { Locale } from '../domain/locales';

/** The Web Speech API where the machine has it; the kiosk never fetches a voice from outside. */
function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window
    ? window.speechSynthesis
    : null;
}

/** A voice installed on this machine for the language (kk-KZ, ru-RU, en-GB …), local ones first. */
export function voiceFor(
  locale: Locale,
  voices: readonly SpeechSynthesisVoice[],
): SpeechSynthesisVoice | null {
  const matching = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === locale);
  return matching.find((v) => v.localService) ?? matching[0] ?? null;
}

/** Stops anything being read: at the end of a visit, and when the screen changes. */
export function stopReading(): void {
  synth()?.cancel();
}

/**
 * Reading a screen aloud in the visitor's language. `available` is false where the machine has no
 * voice for it, and the page then shows no control at all.
 */
export function useSpeech(locale: Ref<Locale>) {
  const voices = ref<SpeechSynthesisVoice[]>([]);
  const speaking = ref(false);
  const s = synth();
  const load = () => {
    voices.value = s?.getVoices() ?? [];
  };
  onMounted(() => {
    load();
    s?.addEventListener('voiceschanged', load);
  });
  onBeforeUnmount(() => {
    s?.removeEventListener('voiceschanged', load);
    if (speaking.value) stopReading();
  });

  const available = () => s !== null && voiceFor(locale.value, voices.value) !== null;

  function read(parts: readonly string[]): void {
    const voice = voiceFor(locale.value, voices.value);
    if (!s || !voice) return;
    s.cancel();
    const utterance = new SpeechSynthesisUtterance(parts.join('\n'));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    // A little slower than usual: the visitor is listening while frightened.
    utterance.rate = 0.9;
    utterance.onend = utterance.onerror = () => (speaking.value = false);
    speaking.value = true;
    s.speak(utterance);
  }

  function stop(): void {
    stopReading();
    speaking.value = false;
  }

  return { available, speaking, read, stop };
}
