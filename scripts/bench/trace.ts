/**
 * Performance traces of one whole visit by touch at a CPU throttling rate: for each touch a
 * DevTools trace (main-thread time by kind of work) and a CPU profile (the functions that took
 * it), summed by the kind of screen the touch led to. `BENCH_ONLY=trace npm run bench`.
 */
import type { Browser, Page } from '@playwright/test';
import { throttle } from './start-up';
import { touchVisit } from './touch';
import {
  mainThreadBreakdown,
  selfTimeByFunction,
  type CpuProfile,
  type TraceEvent,
} from './trace-summary';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'cc',
];

export interface KindTrace {
  readonly touches: number;
  /** Mean main-thread ms per touch by kind of work. */
  readonly perTouch: Record<string, number>;
  readonly paintMs: number[];
  readonly topFunctions: { fn: string; ms: number }[];
}

export async function traceVisit(
  browser: Browser,
  page: Page,
  rate: number,
  visits = 1,
): Promise<Record<string, KindTrace>> {
  await throttle(page, rate);
  await touchVisit(page, 0); // warm-up
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const byKind = new Map<
    string,
    { work: Record<string, number>; profile: CpuProfile[]; paint: number[] }
  >();
  for (let n = 1; n <= visits; n++)
    await touchVisit(page, n, async (run) => {
      await browser.startTracing(page, { categories: CATEGORIES });
      await cdp.send('Profiler.start');
      const touch = await run();
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const buf = await browser.stopTracing();
      const { traceEvents } = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
      const entry = byKind.get(touch.kind) ?? { work: {}, profile: [], paint: [] };
      for (const [k, v] of Object.entries(mainThreadBreakdown(traceEvents)))
        entry.work[k] = (entry.work[k] ?? 0) + v;
      entry.profile.push(profile);
      entry.paint.push(Math.round(touch.paintMs * 10) / 10);
      byKind.set(touch.kind, entry);
      return touch;
    });
  await cdp.detach();
  await throttle(page, 1);
  const out: Record<string, KindTrace> = {};
  for (const [kind, e] of byKind) {
    const touches = e.paint.length;
    out[kind] = {
      touches,
      perTouch: Object.fromEntries(
        Object.entries(e.work)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => [k, Math.round((v / touches) * 10) / 10]),
      ),
      paintMs: e.paint,
      topFunctions: selfTimeByFunction(mergeProfiles(e.profile), 12).map((f) => ({
        fn: f.fn,
        ms: Math.round((f.ms / touches) * 10) / 10,
      })),
    };
  }
  return out;
}

/** Several CPU profiles as one, for self time summed over them. */
function mergeProfiles(profiles: readonly CpuProfile[]): CpuProfile {
  const nodes: CpuProfile['nodes'][number][] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let offset = 0;
  for (const p of profiles) {
    for (const n of p.nodes) nodes.push({ ...n, id: n.id + offset });
    // The first delta of each profile is from its start, not from the previous profile's end.
    (p.samples ?? []).forEach((s, i) => {
      samples.push(s + offset);
      timeDeltas.push(i === 0 ? 0 : (p.timeDeltas?.[i] ?? 0));
    });
    offset += Math.max(0, ...p.nodes.map((n) => n.id)) + 1;
  }
  return { nodes, samples, timeDeltas };
}
