import { describe, expect, it } from 'vitest';
import { addEvent, emptyDay, type DayCounts } from '../../../core/kiosk/counters';
import {
  counterColumns,
  countersCsv,
  countersCsvBytes,
  countersFileName,
  csvDate,
  csvText,
  headerProblem,
} from '../../../core/kiosk/counters-csv';

const IDS = { steps: ['hang-up'], documents: ['bank-letter'] };
/** 1 date + 5 totals + 3 languages + 1 step × 3 marks + 1 document. */
const HEADER = [
  'Дата',
  'Визиты',
  'Дошли до конца',
  'Напечатано',
  'Напечатано документов',
  'Сбои печати',
  'Язык: Қазақша',
  'Язык: Русский',
  'Язык: English',
  'Положите трубку; не перезванивайте: Сделано',
  'Положите трубку; не перезванивайте: Позже',
  'Положите трубку; не перезванивайте: Не относится',
  'Напечатано: Письмо в «банк» "ДБ"',
];

function busyDay(date: string, visits: number): DayCounts {
  let days: DayCounts[] = [];
  for (let i = 0; i < visits; i += 1)
    days = addEvent(
      days,
      { type: 'visit', tally: { locale: 'kk', completed: true, marks: { 'hang-up': 'done' } } },
      date,
      IDS,
    );
  days = addEvent(days, { type: 'document-printed', document: 'bank-letter' }, date, IDS);
  return days[0]!;
}

describe('counters CSV for Excel with Russian regional settings', () => {
  it('is UTF-8 with a BOM, ; between fields, CRLF after every row, dates as dd.mm.yyyy', () => {
    const bytes = countersCsvBytes([busyDay('2026-11-25', 5)], IDS, HEADER, '2026-11-26');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFДата;Визиты;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Дата;Визиты;Дошли до конца;Напечатано;Напечатано документов;Сбои печати;' +
        'Язык: Қазақша;Язык: Русский;Язык: English;' +
        '"Положите трубку; не перезванивайте: Сделано";' +
        '"Положите трубку; не перезванивайте: Позже";' +
        '"Положите трубку; не перезванивайте: Не относится";' +
        '"Напечатано: Письмо в «банк» ""ДБ"""',
      '25.11.2026;5;5;0;1;0;5;0;0;5;0;0;1',
      '',
    ]);
    // The Cyrillic is UTF-8: "Д" is D0 94.
    expect([...bytes.slice(3, 5)]).toEqual([0xd0, 0x94]);
  });

  it('leaves the breakdown of today and of a day under 5 visits empty, and keeps their totals', () => {
    const csv = countersCsv(
      [busyDay('2026-11-24', 4), busyDay('2026-11-25', 5), busyDay('2026-11-26', 9)],
      IDS,
      HEADER,
      '2026-11-26',
    );
    const rows = csv.split('\r\n');
    // Oldest first.
    expect(rows[1]).toBe('24.11.2026;4;4;0;1;0;;;;;;;');
    expect(rows[2]).toBe('25.11.2026;5;5;0;1;0;5;0;0;5;0;0;1');
    // Today's row: its totals, and no breakdown until the day is over.
    expect(rows[3]).toBe('26.11.2026;9;9;0;1;0;;;;;;;');
    expect(rows[1]!.split(';')).toHaveLength(HEADER.length);
  });

  it('gives a step or document not counted that day a 0, once the day has a breakdown', () => {
    const d = { ...emptyDay('2026-11-25'), visits: 7 };
    expect(countersCsv([d], IDS, HEADER, '2026-11-26').split('\r\n')[1]).toBe(
      '25.11.2026;7;0;0;0;0;0;0;0;0;0;0;0',
    );
  });

  it('quotes only where needed, and never lets a cell run as a formula', () => {
    expect(csvText('Визиты')).toBe('Визиты');
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvText(' padded ')).toBe('" padded "');
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvText('+7 701')).toBe("'+7 701");
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('refuses a header that does not fit the columns', () => {
    expect(counterColumns(IDS)).toHaveLength(HEADER.length);
    expect(headerProblem(HEADER, IDS)).toBeNull();
    expect(headerProblem(HEADER.slice(1), IDS)).toMatch(/12 column names for 13/);
    expect(headerProblem([...HEADER.slice(1), ' '], IDS)).toMatch(/column 13/);
    expect(headerProblem([...HEADER.slice(1), 'x'.repeat(301)], IDS)).toMatch(/column 13/);
    expect(() => countersCsv([], IDS, ['Дата'], '2026-11-26')).toThrow(/1 column names for 13/);
  });

  it('writes dates as Excel reads them with Russian settings', () => {
    expect(csvDate('2026-01-05')).toBe('05.01.2026');
  });

  it("names the file after the kiosk, keeping Cyrillic, and today's date", () => {
    expect(countersFileName('Алматы, Абай 10', '2026-11-25')).toBe(
      'citizensec-counters-Алматы-Абай-10-2026-11-25.csv',
    );
    expect(countersFileName('', '2026-11-25')).toBe('citizensec-counters-kiosk-2026-11-25.csv');
    expect(countersFileName('../../etc/passwd', '2026-11-25')).toBe(
      'citizensec-counters-etc-passwd-2026-11-25.csv',
    );
    expect(countersFileName('C:\\x:*?"<>|', '2026-11-25')).toBe(
      'citizensec-counters-C-x-2026-11-25.csv',
    );
    expect(countersFileName('Ұ'.repeat(60), '2026-11-25')).toBe(
      `citizensec-counters-${'Ұ'.repeat(40)}-2026-11-25.csv`,
    );
  });
});
