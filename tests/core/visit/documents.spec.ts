import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../scripts/read-content';
import type { DocumentLocale, DocumentTemplate } from '../../../core/content/model';
import { buildPlan, type Answers, type StepStatus } from '../../../core/visit/plan';
import {
  fillDocument,
  offeredDocuments,
  type FilledBlock,
  type FilledDocument,
} from '../../../core/visit/documents';
import type { Place } from '../../../core/place';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));
const today = new Date(2026, 10, 25, 10, 30);

function offered(answers: Answers, place: Place = 'bank'): string[] {
  return offeredDocuments(content, buildPlan(content, { answers, place }), answers, place).map(
    (d) => d.id,
  );
}

function fill(
  id: string,
  answers: Answers,
  locale: DocumentLocale,
  extra: { statuses?: Record<string, StepStatus>; place?: Place; branchName?: string } = {},
): FilledDocument {
  const place = extra.place ?? 'bank';
  return fillDocument(
    content.documents.find((d) => d.id === id)!,
    {
      content,
      plan: buildPlan(content, { answers, place }),
      answers,
      statuses: extra.statuses ?? {},
      place,
      branchName: extra.branchName ?? '',
      today,
    },
    locale,
  );
}

/** Every text of a filled document, in print order. */
function texts(d: FilledDocument): string[] {
  const of = (b: FilledBlock): string[] => {
    switch (b.kind) {
      case 'text':
        return [b.text];
      case 'field':
        return [b.label, ...(b.value ? [b.value] : [])];
      case 'list':
      case 'numbered':
        return [b.intro, ...b.items];
      case 'table':
        return [b.title, ...b.columns];
      case 'signature':
        return [b.date, b.label];
    }
  };
  return [d.heading, d.subject, ...d.to.flatMap(of), ...d.body.flatMap(of)];
}

/** Every text a template has in one language: nothing else may appear in its documents. */
function templateTexts(t: DocumentTemplate, l: DocumentLocale): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x))
        if (k === l && typeof v === 'string') out.add(v);
        else walk(v);
  };
  walk(t);
  return out;
}

const all: Answers = {
  shared: ['egov-code', 'bank-code', 'card', 'eds', 'remote-app'],
  acted: ['took-loan', 'sent-money', 'gave-cash'],
  money: ['yes'],
  loan: ['yes'],
};

describe('offeredDocuments', () => {
  it('offers the documents that fit the plan and the answers', () => {
    expect(offered(all)).toEqual([
      'bank-letter',
      'bureau-dispute',
      'lender-letter',
      'police-application',
    ]);
    // Only a 1414 code told, nothing lost: the police report, nothing for a lender or bureau.
    const code = { shared: ['egov-code'], acted: ['none'], money: ['no'], loan: ['no'] };
    expect(offered(code)).not.toContain('lender-letter');
    expect(offered(code)).not.toContain('bureau-dispute');
    expect(offered(code)).not.toContain('bank-letter');
    // In doubt, a document is offered (it states nothing the visitor did not say).
    expect(offered({})).toEqual(offered(all));
  });
});

describe('fillDocument', () => {
  it('states what the visitor chose, in the template’s own words, and nothing they did not', () => {
    const d = fill('police-application', { shared: ['card'], acted: ['sent-money'] }, 'ru');
    const body = texts(d).join('\n');
    expect(body).toContain('сообщил(а) номер карты или CVV-код;');
    // The last item of a list ends the sentence.
    expect(body).toContain('перевёл(ла) деньги.');
    expect(body).not.toContain('1414 (eGov);');
    expect(body).not.toContain('оформил(а) кредит;');
    // Money and loan were not answered: nothing is said of them, and no Art. 200 request.
    expect(body).not.toContain('списаны деньги');
    expect(body).not.toContain('статьёй 200');
    expect(body).toContain('статья 71');
  });

  it('leaves a blank to write in where the visitor was not sure', () => {
    const d = fill('police-application', { shared: ['not-sure'], acted: ['not-sure'] }, 'kk');
    const blanks = d.body
      .filter((b) => b.kind === 'field')
      .map((b) => (b as { label: string }).label);
    expect(blanks).toContain('Нені айттыңыз немесе не істедіңіз');
    expect(d.body.some((b) => b.kind === 'list' && b.intro.includes('нұсқауымен'))).toBe(false);
  });

  it('asks for the Art. 200 recommendation only with a loan, and lists the steps done', () => {
    const d = fill('police-application', { loan: ['yes'] }, 'ru', {
      statuses: { 'contact-bank': 'done', 'stop-credit': 'later' },
    });
    const body = texts(d).join('\n');
    expect(body).toContain('статьёй 200');
    expect(body).toContain('сообщил(а) в банк и заблокировал(а) карты.');
    expect(body).not.toContain('Добровольный отказ');
  });

  it('names the kiosk’s own police station as addressee, and leaves it blank elsewhere', () => {
    const at = fill('police-application', {}, 'ru', {
      place: 'police',
      branchName: 'УП Алмалинского района',
    });
    expect(at.to[0]).toMatchObject({ kind: 'field', value: 'УП Алмалинского района' });
    const bank = fill('police-application', {}, 'ru', {
      place: 'bank',
      branchName: 'Halyk, Абая 10',
    });
    expect(bank.to[0]).toMatchObject({
      kind: 'field',
      label: 'Начальнику отдела полиции (название отдела)',
    });
    expect(bank.to[0]).not.toHaveProperty('value');
  });

  it('dates the signature with today, as people write dates', () => {
    const d = fill('bank-letter', all, 'kk');
    expect(d.body.at(-1)).toEqual({ kind: 'signature', date: 'Күні: 25.11.2026', label: 'Қолы' });
  });

  it.each(['kk', 'ru'] as const)(
    'puts nothing in a %s document but its template’s texts, the date and the place name',
    (l) => {
      for (const answers of [all, {}, { shared: ['card'], money: ['no'] }])
        for (const t of content.documents) {
          const allowed = templateTexts(t, l);
          const d = fill(t.id, answers, l, {
            place: 'police',
            branchName: 'Station 5',
            statuses: Object.fromEntries(content.steps.map((s) => [s.id, 'done' as const])),
          });
          for (const x of texts(d)) {
            const ok =
              allowed.has(x) ||
              // A list's last item ends with "." where its template has ";".
              allowed.has(x.replace(/\.$/, ';')) ||
              x === 'Station 5' ||
              /^.+ 25\.11\.2026$/.test(x) ||
              [...allowed].some((a) => x.startsWith(a) && x.endsWith(')'));
            expect(ok, `${t.id} ${l}: ${x}`).toBe(true);
          }
        }
    },
  );

  it('has a blank for every personal detail: nothing personal is ever filled in', () => {
    for (const l of ['kk', 'ru'] as const) {
      const d = fill('police-application', all, l);
      const labels = d.to
        .filter((b) => b.kind === 'field')
        .map((b) => (b as { label: string }).label);
      expect(labels.join(' ')).toMatch(
        l === 'ru' ? /ИИН.*Адрес.*Телефон/s : /ЖСН.*Мекенжайы.*Телефоны/s,
      );
      // Only the addressee may be filled in, with the kiosk's own place name.
      const filled = fill('police-application', all, l, { place: 'police', branchName: 'X' });
      const values = [...filled.to, ...filled.body].flatMap((b) =>
        b.kind === 'field' && b.value !== undefined ? [b.value] : [],
      );
      expect(values).toEqual(['X']);
    }
  });
});
