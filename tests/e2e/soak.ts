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
  await page.getByTestId('done').click();
  await page.getByTestId('attract').waitFor();
}

/** JS heap in use and live DOM nodes, after a forced garbage collection. */
export async function sample(cdp: CDPSession, visits: number): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    visits,
    heapMb: Math.round((get('JSHeapUsedSize') / 1024 / 1024) * 100) / 100,
    domNodes: get('Nodes'),
  };
}

export async function startMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}
