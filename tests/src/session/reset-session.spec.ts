// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { AUDIO_MANIFEST_FORMAT } from '../../../core/content/audio-clips';
import { bytesOf, sha256Hex } from '../../../core/content/pack';
import { kioskContent } from '../../../src/content';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
import { useSessionStore } from '../../../src/stores/session';
import { useKioskStore } from '../../../src/stores/kiosk';
import { useStaffStore } from '../../../src/stores/staff';
import { resetSession, VISITOR_STORES } from '../../../src/session/reset-session';
import { usePrintStore } from '../../../src/stores/print';
import { useAudioStore } from '../../../src/stores/audio';
import { clipPlayer } from '../../../src/audio-player';
import type { Locale } from '../../../core/locales';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';
import { qrMatrix, rememberedQrCodes } from '../../../src/qr';

const [shared, money] = kioskContent.questions as [
  (typeof kioskContent.questions)[number],
  (typeof kioskContent.questions)[number],
];

describe('resetSession', () => {
  it('leaves every store but the kiosk store as a fresh visit finds it', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const kiosk = useKioskStore();
    kiosk.settings = { ...DEFAULT_SETTINGS, branchName: 'Branch 7', defaultLocale: 'ru' };
    for (const useStore of VISITOR_STORES) useStore();
    const staff = useStaffStore();
    const fresh = JSON.parse(JSON.stringify(pinia.state.value)) as Record<string, unknown>;

    // A visit touches every store.
    const a = useAnswersStore();
    a.choose(shared, 'card');
    a.choose(money, 'yes');
    usePlanStore().setStatus('hang-up', 'done');
    useSessionStore().dispatch({ type: 'begin' });
    usePrintStore().problem = 'paper-out';
    staff.assisting = true;
    const audio = useAudioStore();
    audio.toggle();
    audio.louder(1);
    audio.faster(-1);
    // A clip is playing in the page's audio element.
    const manifest = {
      format: AUDIO_MANIFEST_FORMAT,
      clips: {
        titleWhy: {
          en: {
            file: 'en/titleWhy.opus',
            sha256: await sha256Hex(bytesOf('Why')),
            engine: 'espeak-ng',
            bytes: 1,
            durationMs: 1,
          },
        },
      },
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(manifest)));
    void clipPlayer.play([{ id: 'titleWhy', text: 'Why' }], 'en');
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="clip-player"]')?.getAttribute('src')).toBe(
        'audio/en/titleWhy.opus',
      ),
    );
    qrMatrix('the visitor’s plan, as the phone code holds it');
    expect(rememberedQrCodes()).toBeGreaterThan(0);
    sessionStorage.setItem('something', 'of the visit');
    localStorage.setItem('left-by-visit', 'x');
    localStorage.setItem('citizensec-kiosk:settings', '{}');
    let locale: Locale = 'en';

    await resetSession(pinia, (l) => (locale = l), 'en');

    const now = JSON.parse(JSON.stringify(pinia.state.value)) as Record<string, unknown>;
    expect(Object.keys(now).sort()).toEqual(Object.keys(fresh).sort());
    for (const id of Object.keys(now)) expect(now[id], `store ${id}`).toEqual(fresh[id]);
    expect(kiosk.settings.branchName).toBe('Branch 7');
    expect(locale).toBe('ru');
    expect(sessionStorage.length).toBe(0);
    expect(document.querySelector('[data-testid="clip-player"]')).toBeNull();
    vi.unstubAllGlobals();
    expect(localStorage.getItem('left-by-visit')).toBeNull();
    expect(localStorage.getItem('citizensec-kiosk:settings')).toBe('{}');
    expect(rememberedQrCodes()).toBe(0);
  });

  it('silences the machine’s voice, whatever was reading', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    useKioskStore().settings = { ...DEFAULT_SETTINGS, defaultLocale: 'ru' };
    const cancel = vi.fn();
    vi.stubGlobal('speechSynthesis', { cancel, getVoices: () => [] });
    await resetSession(pinia, () => {}, 'ru');
    expect(cancel).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
