import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import type { Locale } from '../../core/locales';
import { stopReading, synth, voiceFor } from '../speech';

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
