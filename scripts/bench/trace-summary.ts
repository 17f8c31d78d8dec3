/**
 * Summaries of DevTools performance traces and CPU profiles, small enough to keep beside the
 * figures in docs/performance.md: where the renderer's main thread spent a touch's time.
 * Pure, so that they are unit-tested.
 */

/** A trace event as Chromium writes it (the fields used here). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** The thread's own clock: its CPU time, which other processes' load does not stretch. */
  readonly tts?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** What the main thread's work is called in a trace, grouped as DevTools' summary groups it. */
const GROUPS: Readonly<Record<string, string>> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.run': 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'v8.parseOnBackground': 'compile',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GCCompactor': 'gc',
  'V8.GC_MC_BACKGROUND_MARKING': 'gc',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  HitTest: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  RasterTask: 'raster',
};

/** The renderer main thread of the traced page: the busiest thread named CrRendererMain. */
export function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const busy = new Map<string, number>();
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const [best] = [...busy.entries()].sort((a, b) => b[1] - a[1]);
  if (!best) return null;
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid: pid!, tid: tid! };
}

/**
 * Main-thread time by group, in ms, each moment counted once: an event's own time, less the
 * time of the events nested in it that have a group of their own (a Layout inside a script call
 * counts as layout, not script). `other` is the rest of the thread's busy time. By the thread's
 * CPU clock where the trace has it (`clock: 'thread'`), else by the wall clock.
 */
export function mainThreadBreakdown(
  events: readonly TraceEvent[],
  clock: 'thread' | 'wall' = 'thread',
): Record<string, number> {
  const main = mainThread(events);
  if (!main) return {};
  const onThread = events.filter(
    (e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && (e.dur ?? 0) > 0,
  );
  const thread =
    clock === 'thread' && onThread.every((e) => e.tts !== undefined && e.tdur !== undefined);
  const spans = onThread
    .map((e) =>
      thread
        ? { name: e.name, start: e.tts!, end: e.tts! + e.tdur! }
        : { name: e.name, start: e.ts, end: e.ts + e.dur! },
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Record<string, number> = {};
  const stack: { group: string; end: number; start: number; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!;
      const self = top.end - top.start - top.child;
      out[top.group] = (out[top.group] ?? 0) + self / 1000;
      if (stack.length > 0) stack[stack.length - 1]!.child += top.end - top.start;
    }
  };
  for (const s of spans) {
    close(s.start);
    const parent = stack[stack.length - 1];
    const group = GROUPS[s.name] ?? parent?.group ?? 'other';
    // An event of the same group as its parent adds nothing new: the parent's time covers it.
    if (parent && group === parent.group && !GROUPS[s.name]) continue;
    stack.push({ group, start: s.start, end: Math.min(s.end, parent?.end ?? s.end), child: 0 });
  }
  close(Infinity);
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]! * 10) / 10;
  return out;
}

/** A CPU profile as the DevTools protocol's Profiler.stop returns it (the fields used here). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Self time by function (name and file), in ms, largest first. */
export function selfTimeByFunction(profile: CpuProfile, top = 10): { fn: string; ms: number }[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const times = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byNode.get(samples[i]!);
    if (!frame) continue;
    const file =
      frame.url
        .split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '.js') ?? '';
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    // A sample's time is the gap to the next sample.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    times.set(name, (times.get(name) ?? 0) + dt);
  }
  return [...times.entries()]
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
