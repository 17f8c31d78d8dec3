import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../scripts/read-content';
import type { Content } from '../../../core/content/model';
import { buildPlan, type Answers, type StepStatus } from '../../../core/visit/plan';
import {
  contentFingerprint,
  decodePlanLink,
  encodePlanLink,
  planLinkUrl,
  type PlanLink,
} from '../../../core/visit/plan-link';
import { LOCALES } from '../../../core/locales';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));

function link(answers: Answers, statuses: Record<string, StepStatus> = {}, locale = 'ru' as const) {
  return {
    locale,
    date: '2026-11-25',
    answers,
    plan: buildPlan(content, { answers, place: 'bank' }),
    statuses,
  } satisfies PlanLink;
}

describe('plan links', () => {
  it('carry the language, date, answers, plan and marks, and read back the same', () => {
    for (const locale of LOCALES) {
      const l = {
        ...link(
          {
            shared: ['egov-code', 'card'],
            acted: ['took-loan'],
            money: ['yes'],
            loan: ['not-sure'],
          },
          { 'contact-bank': 'done', 'stop-credit': 'later', 'passwords-2fa': 'not-relevant' },
        ),
        locale,
      };
      const code = encodePlanLink(content, l);
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodePlanLink(content, code)).toEqual({ ok: true, link: l });
    }
  });

  it('reads back every one of 500 random visits, with random marks, exactly', () => {
    // A small fixed-seed generator, so a failure can be replayed.
    let seed = 20261125;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const marks: StepStatus[] = ['pending', 'done', 'later', 'not-relevant'];
    for (let i = 0; i < 500; i++) {
      const answers: Record<string, string[]> = {};
      for (const q of content.questions) {
        const chosen = [...q.options.map((o) => o.id), 'not-sure'].filter(() => random() < 0.3);
        if (chosen.length > 0) answers[q.id] = chosen;
      }
      const l = { ...link(answers), locale: LOCALES[i % LOCALES.length]! };
      const statuses = Object.fromEntries(
        l.plan
          .map((p) => [p.stepId, marks[Math.floor(random() * marks.length)]!] as const)
          .filter(([, m]) => m !== 'pending'),
      );
      const full = { ...l, statuses };
      expect(decodePlanLink(content, encodePlanLink(content, full))).toEqual({
        ok: true,
        link: full,
      });
    }
  });

  it('keeps the fullest plan to a few dozen characters', () => {
    const statuses = Object.fromEntries(content.steps.map((s) => [s.id, 'done' as const]));
    const code = encodePlanLink(content, link({}, statuses));
    expect(code.length).toBeLessThanOrEqual(40);
    expect(decodePlanLink(content, code)).toMatchObject({ ok: true });
  });

  it('says a code is damaged, cut short or padded, rather than reading nonsense', () => {
    const code = encodePlanLink(content, link({ shared: ['card'] }));
    for (const bad of ['', '!!!', 'a', code.slice(0, 6), `${code}AAAA`, `${code}#x`, '%E2%80%A6'])
      expect(decodePlanLink(content, bad), bad).toEqual({ ok: false, problem: 'damaged' });
  });

  it('refuses a code made with newer or other content, or by a newer kiosk', () => {
    const code = encodePlanLink(content, link({ shared: ['card'] }));
    const newer: Content = { ...content, meta: { ...content.meta, checkedAsOf: '2030-01-01' } };
    expect(decodePlanLink(content, encodePlanLink(newer, link({})))).toEqual({
      ok: false,
      problem: 'newer',
    });
    const other: Content = { ...content, steps: content.steps.slice(1) };
    expect(contentFingerprint(other)).not.toBe(contentFingerprint(content));
    expect(decodePlanLink(other, code)).toEqual({ ok: false, problem: 'other-content' });
    // Version 2 of the format, which this page does not know.
    const bytes = Buffer.from(code, 'base64url');
    bytes[0] = 2;
    expect(decodePlanLink(content, bytes.toString('base64url'))).toEqual({
      ok: false,
      problem: 'newer',
    });
  });

  it('puts the code in the fragment of the companion’s address, never in its path or query', () => {
    expect(planLinkUrl('https://citizensec.kz/plan/', 'ABC')).toBe(
      'https://citizensec.kz/plan/#ABC',
    );
    expect(planLinkUrl('https://bank.kz/p#old', 'ABC')).toBe('https://bank.kz/p#ABC');
  });
});
