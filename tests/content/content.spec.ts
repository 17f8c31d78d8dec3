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

  /** Every visitor-facing text of the content in one language, with where it stands. */
  function textsIn(locale: 'kk' | 'ru' | 'en'): { where: string; text: string }[] {
    const out: { where: string; text: string }[] = [];
    const walk = (x: unknown, where: string): void => {
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x))
          if (k === locale && typeof v === 'string') out.push({ where, text: v });
          else walk(v, `${where}.${k}`);
    };
    walk(content, 'content');
    return out;
  }
  const offenders = (locale: 'kk' | 'ru' | 'en', bad: RegExp) =>
    textsIn(locale)
      .filter((t) => bad.test(t.text))
      .map((t) => `${t.where}: ${t.text}`);

  it('quotes one way in each language: «» in Kazakh and Russian, “” in English', () => {
    expect(offenders('kk', /["“”']/)).toEqual([]);
    expect(offenders('ru', /["“”']/)).toEqual([]);
    expect(offenders('en', /["«»']/)).toEqual([]);
  });

  it('uses one term per concept in Kazakh, and the Kazakh interface’s own names', () => {
    expect(offenders('kk', /несиелік тарих|[Жж]аднама|ЖКЕ/)).toEqual([]);
    expect(
      offenders('kk', /Мои ключи ЭЦП|История получения услуг|Оспаривание информации|Отозвать/),
    ).toEqual([]);
  });

  it('has the four documents, in Kazakh and Russian, and cites only the verified articles', () => {
    expect(content.documents.map((d) => d.id).sort()).toEqual([
      'bank-letter',
      'bureau-dispute',
      'lender-letter',
      'police-application',
    ]);
    const docs = JSON.stringify(content.documents);
    // CPC Art. 71 (victim) and Art. 200 (recommendation) are verified; nothing else is cited.
    const cited = [...docs.matchAll(/(?:стать[а-яё]* (\d+)|(\d+)-бап)/g)].map((m) => m[1] ?? m[2]);
    expect(new Set(cited)).toEqual(new Set(['71', '200']));
    // The warning on a knowingly false report stays on the police application.
    const police = JSON.stringify(content.documents.find((d) => d.id === 'police-application'));
    expect(police).toContain('заведомо ложный донос');
  });

  it('cites no article of the banking law, and no EDS fine figure (sources conflict)', () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      expect(offenders(locale, /34[- ]?(бап|бабы)|ст\. ?34|Art\. ?34|статья 34/)).toEqual([]);
      expect(offenders(locale, /\d+ ?(МРП|АЕК|MCI)/)).toEqual([]);
    }
  });
});
