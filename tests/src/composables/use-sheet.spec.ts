// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { useSheet } from '../../../src/composables/use-sheet';
import { resetSession } from '../../../src/session/reset-session';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
import { kioskContent } from '../../../src/content';
import { mountKiosk } from '../helpers';

/** A computed value's last result, read without running it again. */
const held = (ref: unknown) => (ref as { _value: unknown })._value;

describe('useSheet', () => {
  it('shares one sheet, and keeps nothing of a visit once it has ended', async () => {
    let sheet!: ReturnType<typeof useSheet>;
    const { pinia, wrapper } = mountKiosk(
      defineComponent({
        setup() {
          sheet = useSheet();
          return () => null;
        },
      }),
    );
    expect(useSheet()).toBe(sheet);
    const [shared] = kioskContent.questions;
    const answers = useAnswersStore(pinia);
    answers.choose(shared!, shared!.options[0]!.id);
    const step = sheet.model.value.todo[0]!.steps.find((s) => s.kind === 'action')!.id;
    usePlanStore(pinia).setStatus(step, 'done');
    expect(sheet.model.value.done.map((s) => s.id)).toEqual([step]);
    const visitPhone = sheet.phone.value;
    const visitFitted = sheet.fitted.value;
    expect(held(sheet.phone)).toBe(visitPhone);
    // The screens that read the sheet are gone (the attract screen is up) when the visit ends.
    wrapper.unmount();
    await resetSession(pinia, () => {}, 'ru');
    expect(held(sheet.phone)).not.toBe(visitPhone);
    expect(held(sheet.fitted)).not.toBe(visitFitted);
    expect(held(sheet.phone)).toBe(sheet.phone.value);
    expect((held(sheet.model) as typeof sheet.model.value).done).toEqual([]);
  });
});
