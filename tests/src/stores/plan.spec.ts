// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { kioskContent } from '../../../src/content';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';

const [shared, money] = kioskContent.questions as [
  (typeof kioskContent.questions)[number],
  (typeof kioskContent.questions)[number],
];

describe('plan store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('follows the answers and keeps what the visitor marked', () => {
    const a = useAnswersStore();
    const plan = usePlanStore();
    a.choose(shared, 'bank-code');
    a.choose(money, 'no');
    a.choose(kioskContent.questions[2]!, 'no');
    expect(plan.items.map((i) => i.step.id)).not.toContain('renew-eds');
    plan.setStatus('contact-bank', 'done');
    a.choose(shared, 'eds');
    expect(plan.items.map((i) => i.step.id)).toContain('renew-eds');
    expect(plan.items.find((i) => i.step.id === 'contact-bank')!.status).toBe('done');
    expect(plan.items.find((i) => i.step.id === 'renew-eds')!.status).toBe('pending');
  });
});
