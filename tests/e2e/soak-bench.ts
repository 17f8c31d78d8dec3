import { test } from './fixtures';
import { quickVisit, sample, startMetrics, type SoakSample } from './soak';

/** `npm run bench:soak` (SOAK_VISITS, default 1000): prints heap and DOM figures as it goes. */
const VISITS = Number(process.env.SOAK_VISITS ?? 1000);
const EVERY = 100;
const WARM_UP = 100;

test(`soak: ${VISITS} visits`, async ({ kiosk: page }) => {
  test.setTimeout(VISITS * 5_000);
  const cdp = await startMetrics(page);
  const rows: SoakSample[] = [await sample(cdp, 0)];
  const started = Date.now();
  const print = (s: SoakSample) =>
    console.log(
      `visits ${String(s.visits).padStart(5)}  heap ${s.heapMb.toFixed(2).padStart(6)} MB  DOM nodes ${s.domNodes}`,
    );
  print(rows[0]!);
  for (let n = 1; n <= VISITS; n++) {
    await quickVisit(page, n);
    if (n % EVERY === 0 || n === VISITS) {
      const s = await sample(cdp, n);
      rows.push(s);
      print(s);
    }
  }
  const warm = rows.find((r) => r.visits >= WARM_UP) ?? rows[0]!;
  const last = rows.at(-1)!;
  console.log(
    `after warm-up (${warm.visits} visits) to ${last.visits}: heap ${(last.heapMb - warm.heapMb).toFixed(2)} MB, ` +
      `DOM nodes ${last.domNodes - warm.domNodes}; ${((Date.now() - started) / VISITS).toFixed(0)} ms a visit`,
  );
});
