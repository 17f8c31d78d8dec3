/**
 * The renderer process's memory: the page's own process, found by the CPU time it spends on a
 * short busy loop, read from Linux's /proc (PSS: its private memory plus its share of what it
 * shares with Chromium's other processes). Also the JS heap in use, from the DevTools protocol.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';

export interface ProcessMemory {
  readonly pssMb: number;
  readonly privateMb: number;
  readonly heapMb: number;
}

interface ProcessInfo {
  readonly type: string;
  readonly id: number;
  readonly cpuTime: number;
}

async function renderers(browser: Browser): Promise<ProcessInfo[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: ProcessInfo[];
    };
    return processInfo.filter((p) => p.type === 'renderer');
  } finally {
    await cdp.detach();
  }
}

/** The pid of the page's renderer: the one whose CPU time grows while the page is kept busy. */
async function rendererPid(browser: Browser, page: Page): Promise<number> {
  const before = new Map((await renderers(browser)).map((p) => [p.id, p.cpuTime]));
  await page.evaluate(() => {
    const until = performance.now() + 400;
    while (performance.now() < until);
  });
  const grew = (await renderers(browser))
    .map((p) => ({ id: p.id, grew: p.cpuTime - (before.get(p.id) ?? 0) }))
    .sort((a, b) => b.grew - a.grew);
  if (!grew[0] || grew[0].grew < 0.2) throw new Error('could not tell the page’s renderer process');
  return grew[0].id;
}

/** PSS and private memory of a Linux process, in MB, from /proc/<pid>/smaps_rollup. */
export function parseSmapsRollup(text: string): { pssMb: number; privateMb: number } {
  const kb = (field: string) => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
    if (!m) throw new Error(`no ${field} in smaps_rollup`);
    return Number(m[1]);
  };
  const mb = (x: number) => Math.round((x / 1024) * 10) / 10;
  return { pssMb: mb(kb('Pss')), privateMb: mb(kb('Private_Clean') + kb('Private_Dirty')) };
}

/** The page's renderer memory after a forced garbage collection. */
export async function rendererMemory(browser: Browser, page: Page): Promise<ProcessMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await cdp.detach();
  const pid = await rendererPid(browser, page);
  const proc = parseSmapsRollup(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return { ...proc, heapMb: Math.round((heap / 2 ** 20) * 100) / 100 };
}
