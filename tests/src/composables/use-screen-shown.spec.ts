// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { Teleport, defineComponent, h, nextTick, ref } from 'vue';
import ScreenHost from '../../../src/components/ui/ScreenHost.vue';
import { onScreenShown } from '../../../src/composables/use-screen-shown';

/** A screen that notes when it is shown, and whether it was in the page then. */
function probe(seen: { inPage: boolean }[]) {
  return defineComponent({
    setup() {
      const el = ref<HTMLElement | null>(null);
      onScreenShown(() => seen.push({ inPage: document.body.contains(el.value) }));
      return () => h('p', { ref: el }, 'screen');
    },
  });
}

describe('onScreenShown', () => {
  it('runs at mount for a screen outside a host, as for one opened at once', () => {
    const seen: { inPage: boolean }[] = [];
    const wrapper = mount(probe(seen), { attachTo: document.body });
    expect(seen).toEqual([{ inPage: true }]);
    wrapper.unmount();
  });

  it('waits while the screen is made ready out of the page, and runs once when it is shown', async () => {
    const seen: { inPage: boolean }[] = [];
    const Probe = probe(seen);
    const shown = ref(false);
    const aside = document.createElement('div');
    // As App.vue holds a screen: in place when shown, else in a detached element.
    const wrapper = mount(
      () =>
        h(Teleport, { to: aside, disabled: shown.value }, [
          h(ScreenHost, { shown: shown.value }, () => h(Probe)),
        ]),
      { attachTo: document.body },
    );
    expect(seen).toEqual([]);
    expect(aside.textContent).toBe('screen');
    shown.value = true;
    await nextTick();
    expect(seen).toEqual([{ inPage: true }]);
    expect(aside.textContent).toBe('');
    shown.value = false;
    await nextTick();
    shown.value = true;
    await nextTick();
    expect(seen).toHaveLength(1);
    wrapper.unmount();
  });
});
