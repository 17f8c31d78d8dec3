import type { CDPSession, Page } from '@playwright/test';

export interface SoakSample {
  readonly visits: number;
  readonly heapMb: number;
  readonly domNodes: number;
}

/** One quick visit: answers, every step, the summary, goodbye, and back to the attract screen. */
export async function quickVisit(page: Page, n: number): Promise<void> {
  const locale = (['kk', 'ru', 'en'] as const)[n % 3]!;
  await page.getByTestId('attract').click();
  await page.getByTestId(`language-${locale}`).click();
  await page.getByTestId(n % 2 === 0 ? 'option-bank-code' : 'option-eds').click();
  await page.getByTestId('next').click();
  await page.getByTestId('option-none').click();
  await page.getByTestId('next').click();
  await page.getByTestId('option-no').click();
  await page.getByTestId('next').click();
  await page.getByTestId('option-not-sure').click();
  await page.getByTestId('next').click();
  await page.getByTestId('next').click();
  while (await page.getByTestId('step-title').isVisible()) {
    const done = page.getByTestId('status-done');
    if (await done.isVisible()) await done.click();
    await page.getByTestId('next').click();
  }
  await page.getByTestId('finish').click();
  await page.getByTestId('finish-leave').click();
  await page.getByTestId('done').click();
  await page.getByTestId('attract').waitFor();
}

/**
 * JS heap in use and DOM nodes (live and not yet collected), after a forced garbage collection.
 * One reading can catch a screen's detached nodes before Blink frees them, so the least of a few
 * readings a moment apart is taken: a real leak shows in every one of them.
 */
export async function sample(cdp: CDPSession, visits: number, readings = 3): Promise<SoakSample> {
  let heapMb = Infinity;
  let domNodes = Infinity;
  for (let n = 0; n < readings; n++) {
    if (n > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    heapMb = Math.min(heapMb, Math.round((get('JSHeapUsedSize') / 1024 / 1024) * 100) / 100);
    domNodes = Math.min(domNodes, get('Nodes'));
  }
  return { visits, heapMb, domNodes };
}

export async function startMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}
