// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { COUNTED_IDS, useCounterLabels } from '../../../src/composables/use-counter-labels';
import { counterColumns } from '../../../core/kiosk/counters-csv';
import type { Locale } from '../../../core/locales';
import { kioskContent } from '../../../src/content';
import { mountKiosk } from '../helpers';

function labels(locale: Locale) {
  let got!: ReturnType<typeof useCounterLabels>;
  mountKiosk(
    defineComponent({
      setup() {
        got = useCounterLabels();
        return () => null;
      },
    }),
    { locale },
  );
  return got;
}

describe('counter labels', () => {
  it("names every CSV column in the staff's language, each column once", () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const header = labels(locale).csvHeader();
      expect(header).toHaveLength(counterColumns(COUNTED_IDS).length);
      expect(new Set(header).size).toBe(header.length);
      expect(header.every((h) => h.trim() !== '')).toBe(true);
      const step = kioskContent.steps[0]!;
      expect(header[9]).toBe(`${step.title[locale]}: ${labels(locale).t('labelStatusDone')}`);
    }
    expect(labels('kk').csvHeader().slice(0, 2)).toEqual(['Күні', 'Келулер']);
    expect(labels('en').csvHeader().slice(6, 9)).toEqual([
      'Language: Қазақша',
      'Language: Русский',
      'Language: English',
    ]);
  });

  it('counts the steps and documents content has, in its order', () => {
    expect(COUNTED_IDS.steps).toEqual(kioskContent.steps.map((s) => s.id));
    expect(COUNTED_IDS.documents).toEqual(kioskContent.documents.map((d) => d.id));
  });

  it('keeps the id of a step or document content no longer has', () => {
    expect(labels('ru').stepTitle('gone-step')).toBe('gone-step');
    expect(labels('ru').documentTitle('gone-document')).toBe('gone-document');
  });

  it('says free space in GB, or MB under 1 GB, in the staff language', () => {
    expect(labels('ru').freeSpace(14_230_000_000)).toBe('Свободно 14,2 ГБ');
    expect(labels('en').freeSpace(14_230_000_000)).toBe('14.2 GB free');
    expect(labels('kk').freeSpace(512_400_000)).toBe('512 МБ бос');
  });
});
