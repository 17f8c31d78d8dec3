import { describe, expect, it } from 'vitest';
import { forgetQrCodes, qrMatrix, rememberedQrCodes } from '../../src/qr';
import { kioskContent } from '../../src/content';
import { buildPlan, type Answers } from '../../core/visit/plan';
import { buildSheet, phoneText, PHONE_TEXT_MAX_BYTES } from '../../core/visit/sheet';
import { LOCALES } from '../../core/locales';
import { encodePlanLink, planLinkUrl } from '../../core/visit/plan-link';

describe('qrMatrix', () => {
  it('draws a square code whose path stays inside it', () => {
    const q = qrMatrix('https://egov.kz');
    expect(q.size).toBe(17 + 4 * q.version);
    expect(q.path).toMatch(/^M0 0h7v1h-7z/);
    for (const [, x, y] of q.path.matchAll(/M(\d+) (\d+)/g)) {
      expect(Number(x)).toBeLessThan(q.size);
      expect(Number(y)).toBeLessThan(q.size);
    }
  });

  it.each(LOCALES)(
    'holds the longest plan for the phone in %s in a code of version 17 or less',
    (locale) => {
      const all: Answers = {
        shared: ['not-sure'],
        acted: ['not-sure'],
        money: ['not-sure'],
        loan: ['not-sure'],
      };
      const place = {
        branchType: 'bank' as const,
        branchPhone: '+7 727 250 00 00',
        policePhone: '+7 727 254 00 00',
      };
      const model = buildSheet({
        content: kioskContent,
        plan: buildPlan(kioskContent, { answers: all, place: 'bank' }),
        place,
        statuses: {},
        answers: all,
        branchName: 'Branch 7',
        printedAt: new Date(2026, 10, 22, 9, 5),
      });
      const text = phoneText(
        model,
        {
          title: 'X'.repeat(20),
          urgency: { now: 'Сейчас', today: 'Сегодня', 'this-week': 'На неделе' },
          done: 'Сделано',
          phones: 'Телефоны',
        },
        locale,
      );
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(PHONE_TEXT_MAX_BYTES);
      expect(qrMatrix(text, 'L').version).toBeLessThanOrEqual(17);
    },
  );

  it.each([
    'https://citizensec.kz/plan/',
    'https://citizensec.kz/plan/2026-02/',
    'https://www.example-bank.kz/security/citizensec/plan/',
  ])('holds the fullest plan’s companion link at %s in version 10 or less at M', (address) => {
    const all: Answers = { shared: ['not-sure'], acted: ['not-sure'], money: ['not-sure'] };
    const done = Object.fromEntries(kioskContent.steps.map((s) => [s.id, 'done' as const]));
    for (const locale of LOCALES) {
      const code = encodePlanLink(kioskContent, {
        locale,
        date: '2026-11-25',
        answers: { ...all, loan: ['not-sure'] },
        plan: buildPlan(kioskContent, { answers: { ...all, loan: ['not-sure'] }, place: 'bank' }),
        statuses: done,
      });
      expect(qrMatrix(planLinkUrl(address, code), 'M').version).toBeLessThanOrEqual(10);
    }
  });
});

describe('qrMatrix, drawn once', () => {
  it('draws a text once per level, and again after forgetting', () => {
    forgetQrCodes();
    const a = qrMatrix('https://egov.kz/', 'M');
    expect(qrMatrix('https://egov.kz/', 'M')).toBe(a);
    expect(qrMatrix('https://egov.kz/', 'L')).not.toBe(a);
    expect(rememberedQrCodes()).toBe(2);
    forgetQrCodes();
    expect(rememberedQrCodes()).toBe(0);
    const b = qrMatrix('https://egov.kz/', 'M');
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it('remembers a bounded number of codes, the oldest going first', () => {
    forgetQrCodes();
    const first = qrMatrix('code 0');
    for (let i = 1; i <= 100; i++) qrMatrix(`code ${i}`);
    expect(rememberedQrCodes()).toBe(64);
    expect(qrMatrix('code 0')).not.toBe(first);
    forgetQrCodes();
  });
});
