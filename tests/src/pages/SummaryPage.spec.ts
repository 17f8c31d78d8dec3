// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import SummaryPage from '../../../src/pages/SummaryPage.vue';
import { useAnswersStore } from '../../../src/stores/answers';
import { bundledContent, kioskContent, loadActiveContent } from '../../../src/content';
import { mountKiosk } from '../helpers';

async function summaryText(): Promise<string> {
  const { wrapper } = mountKiosk(SummaryPage, { locale: 'en' });
  const answers = useAnswersStore();
  for (const q of kioskContent.questions) answers.choose(q, 'not-sure');
  await nextTick();
  return wrapper.text();
}

describe('SummaryPage: facts checked as of', () => {
  it("shows the bundled content's date, then an active content pack's", async () => {
    const bundledYear = bundledContent.meta.checkedAsOf.slice(0, 4);
    expect(await summaryText()).toContain(bundledYear);

    const content = structuredClone(bundledContent);
    (content.meta as { checkedAsOf: string }).checkedAsOf = '2099-03-04';
    const taken = await loadActiveContent({
      getContentPack: async () => ({ version: 2, checkedAsOf: '2099-03-04', content }),
    });
    expect(taken).toBe('pack');
    const text = await summaryText();
    expect(text).toContain('2099');
    expect(text).toMatch(/4 March 2099|March 4, 2099/);
  });
});
