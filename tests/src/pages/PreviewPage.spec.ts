// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { flushPromises } from '@vue/test-utils';
import PreviewPage from '../../../src/pages/PreviewPage.vue';
import { useSheet } from '../../../src/composables/use-sheet';
import { useAnswersStore } from '../../../src/stores/answers';
import { useKioskStore } from '../../../src/stores/kiosk';
import { kioskContent } from '../../../src/content';
import { sheetBlocks } from '../../../core/visit/sheet';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';
import type { PaperSize } from '../../../core/kiosk/kiosk-api';
import { mountKiosk } from '../helpers';

/** The page's idle moments, run when the test says so. */
let idle: Map<number, () => void>;
beforeEach(() => {
  idle = new Map();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (run: () => void) => {
    idle.set(next, run);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => idle.delete(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Where the paper starts on the screen, and how tall the sheet's header and blocks are, in px. */
const PAPER_TOP = 400;
const HEADER = 200;
const BLOCK = 500;

/** The blocks drawn below the sheet's header: groups of steps, the reference, the footer. */
const blocksIn = (el: Element) => el.querySelectorAll('.sheet > :not(.sheet__header)').length;

/**
 * A layout as the screen would have it (happy-dom lays nothing out): the screen's scrolling part
 * ends at `screen` px, and the paper grows by a block's height for each block drawn in it.
 */
function layOut(screen: number) {
  const rect = HTMLElement.prototype.getBoundingClientRect;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    if (this.classList.contains('screen__body')) return new DOMRect(0, 0, 1000, screen);
    if (this.dataset.testid !== 'preview') return rect.call(this);
    const sheets = this.querySelectorAll('.sheet').length;
    return new DOMRect(0, PAPER_TOP, 1000, sheets * HEADER + blocksIn(this) * BLOCK);
  });
}

/** The preview of a visit whose sheet has several groups of steps to do, on a kiosk's paper. */
async function openPreview(screen: number, paper: PaperSize = 'a4', bilingualSheet = false) {
  layOut(screen);
  const pinia = createPinia();
  setActivePinia(pinia);
  useKioskStore(pinia).settings = { ...DEFAULT_SETTINGS, paper, bilingualSheet };
  const answers = useAnswersStore(pinia);
  for (const q of kioskContent.questions) answers.choose(q, 'not-sure');
  const { wrapper } = mountKiosk(PreviewPage, { pinia, locale: 'ru' });
  // The page's sheet, as the preview built it (one per kiosk page).
  const all = sheetBlocks(useSheet().fitted.value.model).length;
  expect(all).toBeGreaterThan(4);
  await flushPromises();
  const preview = () => wrapper.get('[data-testid="preview"]');
  return {
    all,
    wrapper,
    blocks: () => blocksIn(preview().element),
    footer: () => preview().find('.sheet__footer').exists(),
    groups: () => preview().findAll('.sheet__group[data-urgency]').length,
    runIdle: async () => {
      for (const run of idle.values()) run();
      await nextTick();
    },
  };
}

describe('PreviewPage: the sheet drawn first where the screen shows it', () => {
  it('opens with the header and the blocks that reach the screen, and draws the rest in the first idle moment', async () => {
    // 400 + 200 + 500 = 1100 px: the first group of steps already reaches below a 1080 px screen.
    const { all, blocks, groups, footer, runIdle } = await openPreview(1080);
    expect(blocks()).toBe(1);
    expect(groups()).toBe(1);
    expect(idle.size).toBe(1);
    await runIdle();
    expect(blocks()).toBe(all);
    expect(footer()).toBe(true);
  });

  it('draws as many blocks as a taller screen shows', async () => {
    // 1100 px, then 1600 px: two blocks reach below a 1500 px screen.
    const { blocks, footer } = await openPreview(1500);
    expect(blocks()).toBe(2);
    expect(footer()).toBe(false);
  });

  it('draws the whole sheet at once when all of it ends on the screen', async () => {
    const { all, blocks, footer } = await openPreview(100_000);
    expect(blocks()).toBe(all);
    expect(footer()).toBe(true);
    expect(idle.size).toBe(0);
  });

  it('draws a second language’s copy with the rest, below the first', async () => {
    const { wrapper, runIdle } = await openPreview(1080, 'a4', true);
    const sheets = () =>
      wrapper.findAll('[data-testid="preview"] .sheet').map((s) => s.attributes('lang'));
    expect(sheets()).toEqual(['ru']);
    await runIdle();
    expect(sheets()).toEqual(['ru', 'kk']);
  });

  it('draws a receipt whole at once: it is short', async () => {
    const { wrapper } = await openPreview(1080, 'receipt-80');
    expect(wrapper.find('.sheet--receipt-80').exists()).toBe(true);
    expect(idle.size).toBe(0);
  });

  it.each(['pointerdown', 'keydown', 'resize'])(
    'draws the rest at once on a %s before the idle moment, and waits for nothing after',
    async (type) => {
      const { all, blocks } = await openPreview(1080);
      expect(blocks()).toBe(1);
      window.dispatchEvent(new Event(type));
      await nextTick();
      expect(blocks()).toBe(all);
      expect(idle.size).toBe(0);
    },
  );

  it('calls off the rest when the visitor leaves the preview first', async () => {
    const { wrapper } = await openPreview(1080);
    expect(idle.size).toBe(1);
    const removed = vi.spyOn(window, 'removeEventListener');
    wrapper.unmount();
    expect(idle.size).toBe(0);
    expect(removed.mock.calls.map(([type]) => type)).toEqual(
      expect.arrayContaining(['pointerdown', 'click', 'keydown']),
    );
  });
});
