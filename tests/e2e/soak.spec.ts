import { expect, test } from './fixtures';
import { quickVisit, sample, startMetrics } from './soak';

/*
 * A short soak (30 visits) as a test: no visitor's data survives into the next visit, and the
 * page does not grow. `npm run bench:soak` runs the long version and prints the figures.
 */
const VISITS = 30;
const WARM_UP = 5;

test(`${VISITS} visits in a row leave nothing behind and do not grow the page`, async ({
  kiosk: page,
}) => {
  test.setTimeout(180_000);
  const cdp = await startMetrics(page);
  const attractText = await page.locator('body').innerText();
  let warm: Awaited<ReturnType<typeof sample>> | undefined;
  for (let n = 1; n <= VISITS; n++) {
    await quickVisit(page, n);
    expect(await page.locator('body').innerText()).toBe(attractText);
    if (n === WARM_UP) warm = await sample(cdp, n);
  }
  const last = await sample(cdp, VISITS);
  const storage = await page.evaluate(() => ({
    s: sessionStorage.length,
    l: Object.keys(localStorage).sort(),
    counters: JSON.parse(localStorage.getItem('citizensec-kiosk:counters') ?? '[]') as {
      visits: number;
    }[],
  }));
  // Only the kiosk's own keys remain: the staff PIN record and the anonymous daily totals.
  expect(storage.s).toBe(0);
  expect(storage.l).toEqual(['citizensec-kiosk:counters', 'citizensec-kiosk:staff-pin']);
  expect(storage.counters.reduce((sum, d) => sum + d.visits, 0)).toBe(VISITS);
  expect(last.domNodes, `DOM nodes after ${WARM_UP} visits: ${warm!.domNodes}`).toBeLessThanOrEqual(
    warm!.domNodes,
  );
  // Heap is noisier than nodes: allow 1 MB over the warmed-up figure.
  expect(last.heapMb).toBeLessThan(warm!.heapMb + 1);
});
