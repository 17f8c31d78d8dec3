import { describe, expect, it } from 'vitest';
import {
  mainThread,
  mainThreadBreakdown,
  selfTimeByFunction,
  type TraceEvent,
} from '../../../scripts/bench/trace-summary';

const meta = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid: 1,
  tid,
  args: { name },
});
const x = (name: string, ts: number, dur: number, tid = 10, tts?: number): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid,
  ...(tts === undefined ? {} : { tts, tdur: dur / 2 }),
});

describe('mainThread', () => {
  it('is the busiest renderer main thread', () => {
    const events = [
      meta(10, 'CrRendererMain'),
      meta(11, 'CrRendererMain'),
      meta(12, 'Compositor'),
      x('RunTask', 0, 100, 10),
      x('RunTask', 0, 500, 11),
      x('RunTask', 0, 900, 12),
    ];
    expect(mainThread(events)).toEqual({ pid: 1, tid: 11 });
    expect(mainThread([x('RunTask', 0, 5)])).toBeNull();
  });
});

describe('mainThreadBreakdown', () => {
  it('counts each moment once, in the group of the innermost event that has one', () => {
    // A task: a script call of 10 ms that forces a 4 ms layout, then 3 ms of paint.
    const events = [
      meta(10, 'CrRendererMain'),
      x('RunTask', 0, 20_000),
      x('FunctionCall', 1_000, 10_000),
      x('v8.callFunction', 1_500, 2_000),
      x('Layout', 5_000, 4_000),
      x('Paint', 12_000, 3_000),
    ];
    expect(mainThreadBreakdown(events, 'wall')).toEqual({
      other: 7,
      script: 6,
      layout: 4,
      paint: 3,
    });
  });

  it('uses the thread clock when every event has it', () => {
    const events = [meta(10, 'CrRendererMain'), x('Layout', 0, 8_000, 10, 0)];
    expect(mainThreadBreakdown(events)).toEqual({ layout: 4 });
    expect(mainThreadBreakdown(events, 'wall')).toEqual({ layout: 8 });
  });
});

describe('selfTimeByFunction', () => {
  it('adds each sample’s time to its function, largest first', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        {
          id: 2,
          callFrame: {
            functionName: 'qrMatrix',
            url: 'http://x/assets/qr-AbCdEf12.js',
            lineNumber: 9,
          },
        },
      ],
      samples: [1, 2, 2, 2],
      timeDeltas: [0, 1000, 2000, 3000],
    };
    expect(selfTimeByFunction(profile)).toEqual([
      { fn: 'qrMatrix qr.js:10', ms: 5 },
      { fn: '(root)', ms: 1 },
    ]);
  });
});
