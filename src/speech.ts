import type { Locale } from '../core/locales';

/*
 * The machine's own voices, through the Web Speech API: the audio guide's fallback for text
 * without a clip (src/audio-player.ts, which also stops them).
 */

/** The Web Speech API where the machine has it; the kiosk never fetches a voice from outside. */
export function synth(): SpeechSynthesis | null {
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
