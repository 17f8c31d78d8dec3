// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, ref } from 'vue';
import OnScreenKeyboard from '../../../../src/components/staff/OnScreenKeyboard.vue';
import { mountKiosk } from '../../helpers';

/** Fields as the staff form has them, with the keyboard docked under them. */
const Form = defineComponent({
  components: { OnScreenKeyboard },
  setup: () => ({ name: ref('Ала'), phone: ref(''), seconds: ref(90) }),
  template: `
    <input v-model="name" data-keyboard="text" inputmode="none" maxlength="6" data-testid="name" />
    <input v-model.trim="phone" data-keyboard="phone" inputmode="none" data-testid="phone" />
    <input v-model.number="seconds" type="number" data-keyboard="number" data-testid="seconds" />
    <input data-testid="plain" />
    <OnScreenKeyboard />`,
});

let unmount = () => {};
afterEach(() => unmount());

function open(locale: 'kk' | 'ru' | 'en' = 'kk') {
  const { wrapper } = mountKiosk(Form, { locale, attachTo: document.body });
  unmount = () => wrapper.unmount();
  const el = (testid: string) => wrapper.find(`[data-testid="${testid}"]`);
  const tap = async (...testids: string[]) => {
    for (const id of testids) await el(id).trigger('click');
  };
  const focus = async (testid: string) => {
    (el(testid).element as HTMLInputElement).focus();
    await flushPromises();
  };
  const vm = wrapper.vm as unknown as { name: string; phone: string; seconds: number };
  return { wrapper, el, tap, focus, vm };
}

describe('OnScreenKeyboard', () => {
  it('opens on a keyboard field, on the staff language for a name, and types into v-model', async () => {
    const { el, tap, focus, vm } = open('kk');
    expect(el('osk').exists()).toBe(false);
    await focus('name');
    expect(el('osk').attributes('data-layout')).toBe('kk');
    await tap('osk-key-т', 'osk-key-ы');
    expect(vm.name).toBe('Алаты');
    await tap('osk-backspace', 'osk-backspace', 'osk-shift', 'osk-key-ә');
    expect(vm.name).toBe('АлаӘ');
    // Shift is for one letter.
    await tap('osk-key-ә');
    expect(vm.name).toBe('АлаӘә');
  });

  it('keeps to the field maxlength', async () => {
    const { tap, focus, vm } = open('ru');
    await focus('name');
    await tap('osk-key-а', 'osk-key-б', 'osk-key-в', 'osk-key-г');
    expect(vm.name).toBe('Алаабв');
  });

  it('opens a phone on digits and signs, and a number on digits alone', async () => {
    const { el, tap, focus, vm } = open('ru');
    await focus('phone');
    expect(el('osk').attributes('data-layout')).toBe('symbols');
    await tap('osk-key-+', 'osk-key-7', 'osk-space', 'osk-key-(', 'osk-key-7', 'osk-key-)');
    expect(vm.phone).toBe('+7 (7)');
    await focus('seconds');
    expect(el('osk').attributes('data-layout')).toBe('digits');
    expect(el('osk-key-+').exists()).toBe(false);
    expect(el('osk-layout-latin').exists()).toBe(false);
    await tap('osk-key-5');
    expect(vm.seconds).toBe(905);
  });

  it('switches layouts, and closes on Done or when focus leaves for another control', async () => {
    const { el, tap, focus, vm } = open('en');
    await focus('name');
    expect(el('osk').attributes('data-layout')).toBe('latin');
    await tap('osk-layout-kk', 'osk-key-ң');
    expect(vm.name).toBe('Алаң');
    await tap('osk-done');
    expect(el('osk').exists()).toBe(false);
    expect(document.activeElement).not.toBe(el('name').element);
    await focus('name');
    await focus('plain');
    expect(el('osk').exists()).toBe(false);
  });

  it('keeps the caret in the field: pressing a key does not take focus', async () => {
    const { el, focus } = open('kk');
    await focus('name');
    const down = new PointerEvent('pointerdown', { bubbles: true, cancelable: true });
    el('osk-key-а').element.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    const mouse = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    el('osk-key-а').element.dispatchEvent(mouse);
    expect(mouse.defaultPrevented).toBe(true);
  });
});
