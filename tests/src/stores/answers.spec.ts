// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { NOT_SURE } from '../../../core/content/model';
import { kioskContent } from '../../../src/content';
import { useAnswersStore } from '../../../src/stores/answers';

const [shared, money] = kioskContent.questions as [
  (typeof kioskContent.questions)[number],
  (typeof kioskContent.questions)[number],
];

describe('answers store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('combines options of a multiple-choice question and toggles them off', () => {
    const a = useAnswersStore();
    a.choose(shared, 'egov-code');
    a.choose(shared, 'card');
    expect(a.selected('shared')).toEqual(['egov-code', 'card']);
    a.choose(shared, 'egov-code');
    expect(a.selected('shared')).toEqual(['card']);
  });

  it('lets "not sure" stand alone', () => {
    const a = useAnswersStore();
    a.choose(shared, 'card');
    a.choose(shared, NOT_SURE);
    expect(a.selected('shared')).toEqual([NOT_SURE]);
    a.choose(shared, 'eds');
    expect(a.selected('shared')).toEqual(['eds']);
  });

  it('keeps one answer to a single-choice question', () => {
    const a = useAnswersStore();
    a.choose(money, 'yes');
    a.choose(money, 'no');
    expect(a.selected('money')).toEqual(['no']);
    expect(a.isAnswered('money')).toBe(true);
    expect(a.isAnswered('loan')).toBe(false);
  });
});
