/*
 * `npm run bench`: figures for this machine, on the production build of the page in headless
 * Chromium (the engine of the kiosk's Electron). Prints a table against the budgets of
 * docs/performance.md. Not a test: timings depend on the machine; only the bundle size, which is
 * deterministic, is tested (tests/main/bundle-size.spec.ts).
 *
 *   BENCH_VISITS=1000  visits in the heap soak (default 1000)
 *   BENCH_ROUNDS=15    loads of each page for the start-up comparison
 *   BENCH_ONLY=start-up  only the start-up comparison, cold and warm (a minute or two)
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/environment';
import { quickVisit, sample, startMetrics } from '../tests/e2e/soak';
import { BROWSER_PIN_KEY, browserPinRecord } from '../tests/e2e/staff-pin';
import { measureRenderer, RENDERER_JS_BUDGET_GZIP } from './bundle-size';

const ROOT = resolve(import.meta.dirname, '..');
const KIOSK_DIR = resolve(ROOT, 'out/renderer');
const BLANK_DIR = resolve(ROOT, 'out/bench-blank');
const VISITS = Number(process.env.BENCH_VISITS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const TRANSITIONS = 240;
const START_UP_ONLY = process.env.BENCH_ONLY === 'start-up';

const BUDGET = {
  transitionP95Ms: 50,
  attractRatio: 1.5,
  pdfMs: 500,
  heapGrowthMb: 2,
  jsGzip: RENDERER_JS_BUDGET_GZIP,
};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const median = (xs: number[]) => percentile(xs, 50);
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The blank Vue page, built by Vite with the same Vue plugin and build settings as the kiosk. */
export async function buildBlank(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(ROOT, 'scripts/bench/blank'),
    base: './',
    publicDir: false,
    plugins: [vue()],
    build: { outDir: BLANK_DIR, emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
};

/** Serves /kiosk/ and /blank/ from the two builds, as a plain static server. */
export function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, site, ...rest] = url.pathname.split('/');
    const dir = site === 'kiosk' ? KIOSK_DIR : site === 'blank' ? BLANK_DIR : null;
    const file = dir && normalize(join(dir, rest.join('/') || 'index.html'));
    if (!dir || !file || !file.startsWith(dir)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      ok({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

async function kioskPage(browser: Browser, base: string): Promise<Page> {
  const context = await profileFor(browser, 'kiosk');
  await context.addInitScript(() =>
    localStorage.setItem('citizensec-kiosk:print-simulation', 'ok'),
  );
  const page = await context.newPage();
  await page.goto(`${base}/kiosk/`);
  await page.getByTestId('attract').waitFor();
  return page;
}

type Site = 'kiosk' | 'blank';

/** A fresh browser profile for one of the two pages; the kiosk's has a staff PIN already. */
async function profileFor(browser: Browser, site: Site) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  if (site === 'kiosk')
    await context.addInitScript(
      ([key, record]) => localStorage.setItem(key!, record!),
      [BROWSER_PIN_KEY, browserPinRecord()],
    );
  return context;
}

/** Loads the page and reads when its first screen answered a touch. */
async function loadAndTime(page: Page, base: string, site: Site): Promise<number> {
  await page.goto(`${base}/${site}/`, { waitUntil: 'load' });
  const at = await page.waitForFunction(
    () => performance.getEntriesByName('kiosk-interactive')[0]?.startTime,
  );
  return (await at.jsonValue()) as number;
}

/** Navigation to interactive, each page loaded fresh (no cache), the two alternating. */
async function startUp(browser: Browser, base: string) {
  const times: Record<Site, number[]> = { kiosk: [], blank: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const site of ['kiosk', 'blank'] as const) {
      const context = await profileFor(browser, site);
      times[site].push(await loadAndTime(await context.newPage(), base, site));
      await context.close();
    }
  }
  // The first round warms the browser itself; it is left out of both.
  const kiosk = median(times.kiosk.slice(1));
  const blank = median(times.blank.slice(1));
  return { kiosk, blank, ratio: kiosk / blank };
}

/**
 * The same, warm: the page reloaded in one browser profile, as the kiosk starts after its first
 * start (V8's code cache and the HTTP cache filled; Electron keeps both in the data folder, and
 * the app:// scheme has the codeCache privilege).
 */
async function warmStartUp(browser: Browser, base: string) {
  const result: Record<Site, number> = { kiosk: 0, blank: 0 };
  for (const site of ['kiosk', 'blank'] as const) {
    const context = await profileFor(browser, site);
    const page = await context.newPage();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) times.push(await loadAndTime(page, base, site));
    // V8 caches code from the third load of a script on; those loads are the warm ones.
    result[site] = median(times.slice(3));
    await context.close();
  }
  return { ...result, ratio: result.kiosk / result.blank };
}

/**
 * Touch to the next screen painted, in the page: a click, then the frame after Vue's update
 * (a requestAnimationFrame and the task after it, when the frame has been painted).
 */
async function transitions(page: Page): Promise<number[]> {
  // tsx keeps function names with a `__name` helper that does not exist inside the page.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(async (count) => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const times: number[] = [];
    const touch = async (id: string) => {
      const el = byId(id);
      if (!el) throw new Error(`no ${id} on screen`);
      const t0 = performance.now();
      el.click();
      await frame();
      times.push(performance.now() - t0);
    };
    while (times.length < count) {
      await touch('attract');
      await touch('language-ru');
      await touch('option-egov-code');
      await touch('next');
      await touch('option-yes');
      await touch('next');
      await touch('option-no');
      await touch('next');
      await touch('next');
      while (byId('step-title')) {
        if (byId('status-done')) await touch('status-done');
        await touch('next');
      }
      await touch('finish');
      await touch('done');
      await frame();
    }
    return times;
  }, TRANSITIONS);
}

/** The sheet rendered to PDF, as Electron's printToPDF does it, A4 and 80 mm. */
async function sheetToPdf(page: Page) {
  await page.getByTestId('attract').click();
  await page.getByTestId('language-kk').click();
  for (const opt of ['egov-code', 'yes', 'no']) {
    await page.getByTestId(`option-${opt}`).click();
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
  console.log(`\nCitizenSec Kiosk benchmarks, ${new Date().toISOString().slice(0, 10)}`);
  console.log(
    `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}`,
  );

  const bundle = await measureRenderer();
  await buildBlank();
  const { server, base } = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  console.log(`browser: Chromium ${browser.version()} headless\n`);
  try {
    const start = await startUp(browser, base);
    console.log(
      `start-up: kiosk ${ms(start.kiosk)}, blank Vue page ${ms(start.blank)} (median of ${ROUNDS - 1})`,
    );
    const warm = await warmStartUp(browser, base);
    if (START_UP_ONLY) {
      console.log(
        `cold: ${start.ratio.toFixed(2)}× the blank page (budget ≤ ${BUDGET.attractRatio}×)`,
      );
      console.log(`warm: ${warm.ratio.toFixed(2)}× (${ms(warm.kiosk)} / ${ms(warm.blank)})`);
      return;
    }

    const page = await kioskPage(browser, base);
    await transitions(page); // warm-up: the first pass compiles and caches
    const t = await transitions(page);
    console.log(`transitions: ${t.length} measured`);
    const pdf = await sheetToPdf(page);
    await page.getByTestId('finish').click();
    await page.getByTestId('done').click();
    await page.getByTestId('attract').waitFor();
    console.log(`sheet to PDF measured; soak of ${VISITS} visits…`);
    const s = await soak(page);

    const rows: [string, string, string, boolean][] = [
      [
        'attract interactive / blank Vue page',
        `${start.ratio.toFixed(2)}× (${ms(start.kiosk)} / ${ms(start.blank)})`,
        `≤ ${BUDGET.attractRatio}×`,
        start.ratio <= BUDGET.attractRatio,
      ],
      [
        '  warm (code cache), kiosk / blank',
        `${warm.ratio.toFixed(2)}× (${ms(warm.kiosk)} / ${ms(warm.blank)})`,
        '',
        true,
      ],
      ['touch → next screen painted, p50', ms(median(t)), '', true],
      [
        'touch → next screen painted, p95',
        ms(percentile(t, 95)),
        `≤ ${BUDGET.transitionP95Ms} ms`,
        percentile(t, 95) <= BUDGET.transitionP95Ms,
      ],
      ['sheet to PDF, A4', ms(pdf.a4), `≤ ${BUDGET.pdfMs} ms`, pdf.a4 <= BUDGET.pdfMs],
      [
        'sheet to PDF, 80 mm',
        ms(pdf['receipt-80']),
        `≤ ${BUDGET.pdfMs} ms`,
        pdf['receipt-80'] <= BUDGET.pdfMs,
      ],
      [
        `heap growth, visits ${s.warm.visits}→${s.last.visits}`,
        `${s.heapGrowthMb.toFixed(2)} MB (${s.warm.heapMb} → ${s.last.heapMb})`,
        `≤ ${BUDGET.heapGrowthMb} MB`,
        s.heapGrowthMb <= BUDGET.heapGrowthMb,
      ],
      [
        `DOM nodes, visits ${s.warm.visits}→${s.last.visits}`,
        `${s.domGrowth >= 0 ? '+' : ''}${s.domGrowth} (${s.last.domNodes})`,
        '',
        true,
      ],
      [
        'renderer JS',
        `${(bundle.jsRaw / 1024).toFixed(1)} KB raw, ${(bundle.jsGzip / 1024).toFixed(1)} KB gzip`,
        `≤ ${BUDGET.jsGzip / 1024} KB gzip`,
        bundle.jsGzip <= BUDGET.jsGzip,
      ],
    ];
    const w = [
      Math.max(...rows.map((r) => r[0].length)),
      Math.max(...rows.map((r) => r[1].length)),
      18,
    ];
    console.log('');
    for (const [what, value, budget, ok] of rows)
      console.log(
        `${what.padEnd(w[0]!)}  ${value.padEnd(w[1]!)}  ${budget.padEnd(w[2]!)}  ${budget ? (ok ? 'ok' : 'MISSED') : ''}`,
      );
    console.log('\nlargest renderer files (gzip):');
    for (const f of bundle.files.slice(0, 6))
      console.log(
        `  ${f.name.padEnd(60)} ${(f.raw / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`,
      );
    console.log('largest modules in the JavaScript (rendered, before gzip):');
    for (const m of bundle.modules.slice(0, 12))
      console.log(`  ${m.id.padEnd(60)} ${(m.bytes / 1024).toFixed(1).padStart(7)} KB`);
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
