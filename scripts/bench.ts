/*
 * `npm run bench`: figures for this machine, on the production build of the page in headless
 * Chromium (the engine of the kiosk's Electron). Prints tables against the budgets of
 * docs/performance.md. Not a test: timings depend on the machine; only the bundle size, which is
 * deterministic, is tested (tests/scripts/bundle-size.spec.ts).
 *
 *   BENCH_ONLY=touch,start-up  only these parts, of: bundle, start-up, touch, memory, pdf, soak,
 *                              and trace (performance traces by kind of screen; only when named)
 *   BENCH_QUICK=1              fewer rounds and visits (a few minutes; the figures are rougher)
 *   BENCH_VISITS=1000          visits in the heap soak (100 when quick)
 *   BENCH_ROUNDS=15            loads of each page for each start-up figure (7 when quick)
 *   BENCH_TOUCH_VISITS=12      whole visits by touch at each CPU throttling rate (4 when quick)
 *   BENCH_RATES=1,4,6          CPU throttling rates for the touches
 *   BENCH_KIOSK_DIR=out/renderer  the kiosk build to measure (to compare a saved build)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/environment';
import { quickVisit, sample, startMetrics } from '../tests/e2e/soak';
import { measureRenderer, RENDERER_JS_BUDGET_GZIP } from './bundle-size';
import { rendererMemory } from './bench/memory';
import { buildBlank, profileFor, serve } from './bench/server';
import { coldStartUp, warmStartUp, type StartUp } from './bench/start-up';
import { groupBy, median, ms, summarize, type Summary } from './bench/stats';
import { touchVisits, type Touch } from './bench/touch';
import { traceVisit } from './bench/trace';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const VISITS = Number(process.env.BENCH_VISITS ?? (QUICK ? 100 : 1000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 7 : 15));
const TOUCH_VISITS = Number(process.env.BENCH_TOUCH_VISITS ?? (QUICK ? 4 : 12));
const RATES = (process.env.BENCH_RATES ?? '1,4,6').split(',').map(Number);
/** The renderer's memory is read after this many visits (the issue's measure). */
const MEMORY_VISITS = 100;

const PARTS = ['bundle', 'start-up', 'touch', 'memory', 'pdf', 'soak', 'trace'] as const;
type Part = (typeof PARTS)[number];
const ONLY = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
for (const p of ONLY ?? [])
  if (!(PARTS as readonly string[]).includes(p))
    throw new Error(`BENCH_ONLY: no part "${p}"; the parts are ${PARTS.join(', ')}`);
/** Traces are for finding causes, not figures: only when asked for. */
const runs = (part: Part) => (ONLY ? ONLY.includes(part) : part !== 'trace');

/** Budgets of docs/performance.md; touch p95 by CPU throttling rate. */
const BUDGET = {
  touchP95Ms: { 1: 50, 4: 50, 6: 80 } as Record<number, number>,
  attractRatio: 1.5,
  pdfMs: 500,
  heapGrowthMb: 2,
  jsGzip: RENDERER_JS_BUDGET_GZIP,
};
/** The kinds of screen a touch leads to, in a visit's order; `same` stays on its screen. */
const KINDS = [
  'language',
  'triage',
  'overview',
  'step',
  'summary',
  'preview',
  'goodbye',
  'attract',
];

type Row = [what: string, value: string, budget: string, ok: boolean];

function table(rows: Row[]): void {
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  for (const [what, value, budget, ok] of rows)
    console.log(
      `  ${what.padEnd(w[0]!)}  ${value.padEnd(w[1]!)}  ${budget.padEnd(10)}  ${budget ? (ok ? 'ok' : 'MISSED') : ''}`,
    );
}

const fmt = (s: Summary) =>
  `p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  max ${s.max.toFixed(1).padStart(6)}  (n ${s.n})`;

async function kioskPage(browser: Browser, base: string): Promise<Page> {
  const page = await (await profileFor(browser, 'kiosk')).newPage();
  await page.goto(`${base}/kiosk/`);
  await page.getByTestId('attract').waitFor();
  return page;
}

function startUpRows(label: string, s: StartUp, budget: boolean): Row {
  return [
    label,
    `${s.ratio.toFixed(2)}× (${ms(s.kiosk)} / ${ms(s.blank)})`,
    budget ? `≤ ${BUDGET.attractRatio}×` : '',
    s.ratio <= BUDGET.attractRatio,
  ];
}

/** The sheet rendered to PDF, as Electron's printToPDF does it, A4 and 80 mm. */
async function sheetToPdf(page: Page) {
  await page.getByTestId('attract').click();
  await page.getByTestId('language-kk').click();
  await page.getByTestId('option-egov-code').click();
  await page.getByTestId('next').click();
  // The other questions, however many there are: "not sure" is always an answer.
  while (await page.getByTestId('option-not-sure').isVisible()) {
    await page.getByTestId('option-not-sure').click();
    await page.getByTestId('next').click();
  }
  await page.getByTestId('next').click();
  while (await page.getByTestId('step-title').isVisible()) await page.getByTestId('next').click();
  await page.getByTestId('print-plan').click();
  await page.emulateMedia({ media: 'print' });
  const result: Record<string, number> = {};
  for (const paper of ['a4', 'receipt-80'] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      await page.pdf(
        paper === 'a4'
          ? { format: 'A4', printBackground: true }
          : { width: '80mm', height: '600mm', printBackground: true },
      );
      runs.push(performance.now() - t0);
    }
    result[paper] = median(runs.slice(1));
  }
  await page.emulateMedia({ media: 'screen' });
  return result as { a4: number; 'receipt-80': number };
}

async function soak(page: Page) {
  const cdp = await startMetrics(page);
  let warm = await sample(cdp, 0);
  const warmUp = Math.min(100, Math.floor(VISITS / 10));
  for (let n = 1; n <= VISITS; n++) {
    await quickVisit(page, n);
    if (n === warmUp) warm = await sample(cdp, n);
    if (n % 250 === 0) process.stdout.write(`  soak: ${n} visits\n`);
  }
  const last = await sample(cdp, VISITS);
  return {
    warm,
    last,
    heapGrowthMb: last.heapMb - warm.heapMb,
    domGrowth: last.domNodes - warm.domNodes,
  };
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nCitizenSec Kiosk benchmarks, ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const results: Record<string, unknown> = { date: new Date().toISOString(), quick: QUICK };

  if (runs('bundle')) {
    const bundle = await measureRenderer();
    results.bundle = { jsRaw: bundle.jsRaw, jsGzip: bundle.jsGzip };
    console.log('\nBundle');
    table([
      [
        'renderer JS',
        `${(bundle.jsRaw / 1024).toFixed(1)} KB raw, ${(bundle.jsGzip / 1024).toFixed(1)} KB gzip`,
        `≤ ${BUDGET.jsGzip / 1024} KB`,
        bundle.jsGzip <= BUDGET.jsGzip,
      ],
    ]);
    console.log('  largest renderer files (gzip):');
    for (const f of bundle.files.slice(0, 6))
      console.log(
        `    ${f.name.padEnd(60)} ${(f.raw / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`,
      );
    console.log('  largest modules in the JavaScript (rendered, before gzip):');
    for (const m of bundle.modules.slice(0, 12))
      console.log(`    ${m.id.padEnd(60)} ${(m.bytes / 1024).toFixed(1).padStart(7)} KB`);
  }

  await buildBlank();
  const { server, base } = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  console.log(`\nbrowser: Chromium ${browser.version()} headless`);
  try {
    if (runs('start-up')) {
      console.log(
        `\nStart-up to the attract screen interactive, kiosk / blank Vue page (median of ${ROUNDS - 1})`,
      );
      const rows: Row[] = [];
      const startUp: Record<string, StartUp> = {};
      for (const rate of [1, 4]) {
        startUp[`cold-${rate}`] = await coldStartUp(browser, base, rate, ROUNDS);
        rows.push(startUpRows(`cold, ${rate}× CPU`, startUp[`cold-${rate}`]!, rate === 4));
        startUp[`warm-${rate}`] = await warmStartUp(browser, base, rate, ROUNDS);
        rows.push(startUpRows(`warm (code cache), ${rate}× CPU`, startUp[`warm-${rate}`]!, false));
      }
      results.startUp = startUp;
      table(rows);
    }

    if (runs('touch')) {
      console.log(
        `\nTouch → next screen painted, ms, by the screen it led to (${TOUCH_VISITS} whole visits each)`,
      );
      const touch: Record<string, Record<string, Summary>> = {};
      const page = await kioskPage(browser, base);
      for (const rate of RATES) {
        const touches: Touch[] = await touchVisits(page, rate, TOUCH_VISITS);
        const screens = touches.filter((t) => t.kind !== 'same');
        const all = summarize(screens.map((t) => t.paintMs));
        const byKind = groupBy(touches, (t) => t.kind);
        touch[`${rate}`] = { all, dom: summarize(screens.map((t) => t.domMs)) };
        const budget = BUDGET.touchP95Ms[rate];
        console.log(
          `  ${rate}× CPU  every new screen  ${fmt(all)}${budget ? `  budget p95 ≤ ${budget}: ${all.p95 <= budget ? 'ok' : 'MISSED'}` : ''}`,
        );
        console.log(`          to the DOM only    ${fmt(touch[`${rate}`]!.dom!)}`);
        for (const kind of [...KINDS, 'same']) {
          const xs = byKind.get(kind);
          if (!xs) continue;
          touch[`${rate}`]![kind] = summarize(xs.map((t) => t.paintMs));
          console.log(`          ${kind.padEnd(17)}  ${fmt(touch[`${rate}`]![kind]!)}`);
        }
      }
      results.touch = touch;
      await page.context().close();
    }

    if (runs('trace')) {
      const trace: Record<string, unknown> = {};
      for (const rate of RATES.filter((r) => r > 1)) {
        const page = await kioskPage(browser, base);
        trace[`${rate}`] = await traceVisit(browser, page, rate, QUICK ? 1 : 3);
        await page.context().close();
        console.log(`\nMain thread per touch at ${rate}× CPU, ms (mean), by the screen it led to`);
        for (const [kind, k] of Object.entries(
          trace[`${rate}`] as Record<
            string,
            { perTouch: Record<string, number>; topFunctions: { fn: string; ms: number }[] }
          >,
        )) {
          console.log(
            `  ${kind.padEnd(9)} ${Object.entries(k.perTouch)
              .map(([w, v]) => `${w} ${v}`)
              .join(', ')}`,
          );
          console.log(
            `            top: ${k.topFunctions
              .slice(0, 5)
              .map((f) => `${f.fn} ${f.ms}`)
              .join('; ')}`,
          );
        }
      }
      results.trace = trace;
    }

    if (runs('memory')) {
      console.log(`\nRenderer process memory (after a forced GC), MB`);
      const page = await kioskPage(browser, base);
      for (let n = 1; n <= MEMORY_VISITS; n++) await quickVisit(page, n);
      const kiosk = await rendererMemory(browser, page);
      await page.context().close();
      const blankPage = await (await profileFor(browser, 'blank')).newPage();
      await blankPage.goto(`${base}/blank/`);
      await blankPage.waitForFunction(() => performance.getEntriesByName('kiosk-interactive')[0]);
      const blank = await rendererMemory(browser, blankPage);
      await blankPage.context().close();
      results.memory = { kiosk, blank };
      const line = (what: string, m: typeof kiosk) =>
        console.log(
          `  ${what.padEnd(32)} PSS ${m.pssMb.toFixed(1).padStart(6)}  private ${m.privateMb.toFixed(1).padStart(6)}  JS heap ${m.heapMb.toFixed(2).padStart(6)}`,
        );
      line(`kiosk, after ${MEMORY_VISITS} visits`, kiosk);
      line('blank Vue page', blank);
    }

    if (runs('pdf') || runs('soak')) {
      const page = await kioskPage(browser, base);
      const rows: Row[] = [];
      if (runs('pdf')) {
        const pdf = await sheetToPdf(page);
        results.pdf = pdf;
        await page.getByTestId('finish').click();
        await page.getByTestId('finish-leave').click();
        await page.getByTestId('done').click();
        await page.getByTestId('attract').waitFor();
        rows.push(['sheet to PDF, A4', ms(pdf.a4), `≤ ${BUDGET.pdfMs} ms`, pdf.a4 <= BUDGET.pdfMs]);
        rows.push([
          'sheet to PDF, 80 mm',
          ms(pdf['receipt-80']),
          `≤ ${BUDGET.pdfMs} ms`,
          pdf['receipt-80'] <= BUDGET.pdfMs,
        ]);
      }
      if (runs('soak')) {
        console.log(`\nsoak of ${VISITS} visits…`);
        const s = await soak(page);
        results.soak = s;
        rows.push([
          `heap growth, visits ${s.warm.visits}→${s.last.visits}`,
          `${s.heapGrowthMb.toFixed(2)} MB (${s.warm.heapMb} → ${s.last.heapMb})`,
          `≤ ${BUDGET.heapGrowthMb} MB`,
          s.heapGrowthMb <= BUDGET.heapGrowthMb,
        ]);
        rows.push([
          `DOM nodes, visits ${s.warm.visits}→${s.last.visits}`,
          `${s.domGrowth >= 0 ? '+' : ''}${s.domGrowth} (${s.last.domNodes})`,
          '',
          true,
        ]);
      }
      console.log('\nPrinting and soak');
      table(rows);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const dir = resolve(ROOT, 'out/bench');
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(results, null, 2));
  console.log(`\nresults: ${file}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
