import { inject, onMounted, watch, type InjectionKey, type Ref } from 'vue';

/**
 * Whether the screen a component belongs to is the one the visitor sees. The next screen of a
 * visit is made ready ahead, out of the page (src/session/next-screen.ts), and shown on the touch
 * that leads to it; until then what a screen does as it opens (reading aloud, checking the
 * printer, counting down) waits. A component outside such a screen is always shown.
 */
export const SCREEN_SHOWN: InjectionKey<Readonly<Ref<boolean>>> = Symbol('screen-shown');

/**
 * Runs `run` once, when the component's screen is first shown: at mount for a screen opened at
 * once, or later for a screen made ready ahead (after it is in the page, so it can be measured
 * and focused).
 */
export function onScreenShown(run: () => void): void {
  const shown = inject(SCREEN_SHOWN, null);
  if (!shown) {
    onMounted(run);
    return;
  }
  let done = false;
  const once = () => {
    if (done || !shown.value) return;
    done = true;
    run();
  };
  onMounted(once);
  watch(shown, once, { flush: 'post' });
}
