/** The two pages `npm run bench` compares, the kiosk and a blank Vue page, and their server. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';
import { BROWSER_PIN_KEY, browserPinRecord } from '../../tests/e2e/staff-pin';

const ROOT = resolve(import.meta.dirname, '../..');
/** The kiosk's build; another may be given to compare two builds side by side. */
const KIOSK_DIR = resolve(process.env.BENCH_KIOSK_DIR ?? resolve(ROOT, 'out/renderer'));
const BLANK_DIR = resolve(ROOT, 'out/bench-blank');

export type Site = 'kiosk' | 'blank';

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

/**
 * A fresh browser profile for one of the two pages, at the size of the kiosk's screen; the
 * kiosk's has a staff PIN already and a printer simulation that always succeeds.
 */
export async function profileFor(browser: Browser, site: Site): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  if (site === 'kiosk') {
    await context.addInitScript(
      ([key, record]) => localStorage.setItem(key!, record!),
      [BROWSER_PIN_KEY, browserPinRecord()],
    );
    await context.addInitScript(() =>
      localStorage.setItem('citizensec-kiosk:print-simulation', 'ok'),
    );
  }
  return context;
}
