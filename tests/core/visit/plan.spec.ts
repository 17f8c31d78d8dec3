import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  groupByUrgency,
  holds,
  visibleSubsteps,
  type Answers,
} from '../../../core/visit/plan';
import { NOT_SURE, type Condition, type PlanRule } from '../../../core/content/model';
import { loadContentOrThrow } from '../../../scripts/read-content';
import { resolve } from 'node:path';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));
const planFor = (answers: Answers) =>
  buildPlan(content.rules, answers).map((p) => `${p.stepId}:${p.urgency}`);

describe('holds', () => {
  const onShared: Condition = { question: 'shared', anyOf: ['eds'] };

  it('matches a chosen option and not another', () => {
    expect(holds(onShared, { shared: ['eds'] })).toBe(true);
    expect(holds(onShared, { shared: ['card'] })).toBe(false);
  });

  it('treats "not sure" and an unanswered question as a match, unless told not to', () => {
    expect(holds(onShared, { shared: [NOT_SURE] })).toBe(true);
    expect(holds(onShared, {})).toBe(true);
    expect(holds({ ...onShared, notSure: false }, { shared: [NOT_SURE] })).toBe(false);
    expect(holds({ ...onShared, notSure: false }, {})).toBe(false);
  });

  it('combines with any and all', () => {
    const a: Condition = { question: 'q', anyOf: ['a'], notSure: false };
    const b: Condition = { question: 'r', anyOf: ['b'], notSure: false };
    expect(holds({ any: [a, b] }, { q: ['x'], r: ['b'] })).toBe(true);
    expect(holds({ all: [a, b] }, { q: ['a'], r: ['x'] })).toBe(false);
    expect(holds({ all: [a, b] }, { q: ['a'], r: ['b'] })).toBe(true);
  });
});

describe('buildPlan with the real content', () => {
  // Each row: the answers, then the plan they must give, in order.
  const table: [string, Answers, string[]][] = [
    [
      'only a 1414 code, no money lost, no loan',
      { shared: ['egov-code'], money: ['no'], loan: ['no'] },
      [
        'hang-up:now',
        'officials-never:now',
        'stop-credit:now',
        'contact-bank:today',
        'renew-eds:today',
        'scam-tactics:today',
        'credit-history:this-week',
        'passwords-2fa:this-week',
        'share-story:this-week',
      ],
    ],
    [
      'card details and money gone',
      { shared: ['card'], money: ['yes'], loan: ['no'] },
      [
        'hang-up:now',
        'officials-never:now',
        'contact-bank:now',
        'report-fraud:now',
        'stop-credit:today',
        'scam-tactics:today',
        'credit-history:this-week',
        'passwords-2fa:this-week',
        'share-story:this-week',
      ],
    ],
    [
      'a loan they did not take',
      { shared: ['egov-code'], money: ['no'], loan: ['yes'] },
      [
        'hang-up:now',
        'officials-never:now',
        'contact-bank:now',
        'stop-credit:now',
        'report-fraud:now',
        'renew-eds:today',
        'credit-history:today',
        'scam-tactics:today',
        'passwords-2fa:this-week',
        'share-story:this-week',
      ],
    ],
    [
      'EDS key and a remote-access app',
      { shared: ['eds', 'remote-app'], money: ['no'], loan: ['no'] },
      [
        'hang-up:now',
        'officials-never:now',
        'contact-bank:now',
        'stop-credit:now',
        'renew-eds:now',
        'scam-tactics:today',
        'passwords-2fa:today',
        'credit-history:this-week',
        'share-story:this-week',
      ],
    ],
    [
      'not sure of anything: every step, at the cautious urgency',
      { shared: [NOT_SURE], money: [NOT_SURE], loan: [NOT_SURE] },
      [
        'hang-up:now',
        'officials-never:now',
        'contact-bank:now',
        'stop-credit:now',
        'renew-eds:now',
        'report-fraud:today',
        'credit-history:today',
        'scam-tactics:today',
        'passwords-2fa:this-week',
        'share-story:this-week',
      ],
    ],
    [
      'a bank SMS code only: no EDS step, no police step',
      { shared: ['bank-code'], money: ['no'], loan: ['no'] },
      [
        'hang-up:now',
        'officials-never:now',
        'contact-bank:now',
        'stop-credit:today',
        'scam-tactics:today',
        'credit-history:this-week',
        'passwords-2fa:this-week',
        'share-story:this-week',
      ],
    ],
  ];

  it.each(table)('%s', (_name, answers, expected) => {
    expect(planFor(answers)).toEqual(expected);
  });

  it('always includes hanging up first, and what real officials never do', () => {
    for (const [, answers] of table) {
      const plan = planFor(answers);
      expect(plan[0]).toBe('hang-up:now');
      expect(plan).toContain('officials-never:now');
      expect(plan.some((p) => p.startsWith('scam-tactics:'))).toBe(true);
    }
  });

  it('never has fewer steps when an answer becomes "not sure"', () => {
    for (const [, answers] of table) {
      for (const q of Object.keys(answers)) {
        const unsure = { ...answers, [q]: [NOT_SURE] };
        expect(planFor(unsure).length).toBeGreaterThanOrEqual(planFor(answers).length);
      }
    }
  });
});

describe('buildPlan ordering', () => {
  const rules: PlanRule[] = [
    { step: 'c', cases: [{ when: { always: true }, urgency: 'this-week' }] },
    { step: 'a', cases: [{ when: { always: true }, urgency: 'now' }] },
    {
      step: 'b',
      cases: [{ when: { question: 'q', anyOf: ['x'], notSure: false }, urgency: 'now' }],
    },
    { step: 'd', cases: [{ when: { always: true }, urgency: 'now' }] },
  ];

  it('orders by urgency, then by rule order, and leaves out steps with no case', () => {
    expect(buildPlan(rules, { q: ['y'] })).toEqual([
      { stepId: 'a', urgency: 'now' },
      { stepId: 'd', urgency: 'now' },
      { stepId: 'c', urgency: 'this-week' },
    ]);
  });

  it('groups by urgency without empty groups', () => {
    const groups = groupByUrgency(buildPlan(rules, { q: ['y'] }));
    expect(groups.map((g) => [g.urgency, g.items.map((i) => i.stepId)])).toEqual([
      ['now', ['a', 'd']],
      ['this-week', ['c']],
    ]);
  });
});

describe('visibleSubsteps', () => {
  const hangUp = content.steps.find((s) => s.id === 'hang-up')!;

  it('shows the remote-app advice only to those who may have installed one', () => {
    const count = (answers: Answers) => visibleSubsteps(hangUp, answers).length;
    expect(count({ shared: ['remote-app'] })).toBe(hangUp.substeps.length);
    expect(count({ shared: [NOT_SURE] })).toBe(hangUp.substeps.length);
    expect(count({ shared: ['card'] })).toBe(hangUp.substeps.length - 1);
  });
});
