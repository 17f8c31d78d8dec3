import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../scripts/read-content';

const CONTENT = resolve(import.meta.dirname, '../../content');

describe('the shipped content', () => {
  const content = loadContentOrThrow(CONTENT);

  it('is valid', () => {
    expect(content.steps.length).toBeGreaterThanOrEqual(6);
  });

  it("has the leaflet's six steps, and what scammers do and officials never do", () => {
    const ids = content.steps.map((s) => s.id);
    for (const id of [
      'hang-up',
      'contact-bank',
      'stop-credit',
      'renew-eds',
      'credit-history',
      'report-fraud',
      'passwords-2fa',
      'scam-tactics',
      'officials-never',
      'share-story',
    ])
      expect(ids).toContain(id);
  });

  it('uses the official names of services, as corrected from the leaflet', () => {
    const all = JSON.stringify(content);
    expect(all).toContain('Добровольный отказ от получения банковских займов, микрокредитов');
    expect(all).toContain('Банктік қарыздар мен микрокредиттерді алудан ерікті түрде бас тарту');
    expect(all).toContain('Мои ключи ЭЦП');
    expect(all).not.toContain('Список ключей ЭЦП');
    expect(all).toMatch(/[Дд]ербес кредиттік есеп/);
    expect(all).not.toMatch(/ЖКЕ/);
    expect(all).toContain('info@citizensec.kz');
  });

  it('ships only verified phone numbers', () => {
    const dials = content.numbers.map((n) => n.dial).sort();
    expect(dials).toEqual(['102', '112', '1414', '1459', '505', '7111', '8 800 080 7777']);
  });

  it('puts eOtinish before qamqor when reporting to the police', () => {
    const report = content.steps.find((s) => s.id === 'report-fraud')!;
    expect(report.links.map((l) => l.url)).toEqual([
      'https://eotinish.kz',
      'https://qamqor.gov.kz',
    ]);
  });

  it('has a checked-as-of date that is not in the future', () => {
    expect(Date.parse(content.meta.checkedAsOf)).toBeLessThanOrEqual(Date.now());
  });
});
