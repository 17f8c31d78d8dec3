import { describe, expect, it, vi } from 'vitest';
import { CupsUnavailableError, type PurgeResult } from '../../../../electron/main/print/cups';
import {
  JobReaper,
  SWEEP_FAST_FOR_MS,
  SWEEP_RETRY_FAST_MS,
  SWEEP_RETRY_SLOW_MS,
  type ReaperCups,
} from '../../../../electron/main/print/job-reaper';

vi.mock('electron', () => ({}));

/** CUPS that is down until `up` is set, holding the given jobs of the kiosk's user. */
function scriptedCups(jobs: number[], opts: { purge?: PurgeResult; preserved?: boolean } = {}) {
  const state = { up: false, jobs: [...jobs], calls: [] as string[] };
  const down = () => {
    if (!state.up) throw new CupsUnavailableError('CUPS is not reachable');
  };
  const cups: ReaperCups = {
    ownJobs: async () => {
      state.calls.push('own jobs');
      down();
      return [...state.jobs];
    },
    purgeJob: async (id) => {
      state.calls.push(`purge ${id}`);
      down();
      if (opts.purge === 'refused') return 'refused';
      if (!state.jobs.includes(id)) return 'gone';
      state.jobs = state.jobs.filter((j) => j !== id);
      return 'purged';
    },
    cancelJob: async (id) => {
      state.calls.push(`cancel ${id}`);
    },
    jobStatus: async () => ({ state: 9, reasons: [], preserved: opts.preserved ?? true }),
  };
  return { cups, state };
}

/** Lets every promise chain started so far run to its end. */
async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}

/** Timers a test fires by hand, and a clock it moves. */
function manualTimers() {
  const t = { now: 0, pending: [] as { fn: () => void; ms: number }[] };
  return {
    t,
    options: {
      setTimer: (fn: () => void, ms: number) => {
        const timer = { fn, ms };
        t.pending.push(timer);
        return timer;
      },
      clearTimer: (timer: unknown) => {
        t.pending = t.pending.filter((p) => p !== timer);
      },
      now: () => t.now,
    },
    async fire() {
      const next = t.pending.shift();
      if (!next) throw new Error('no timer set');
      t.now += next.ms;
      next.fn();
      await settle();
      return next.ms;
    },
  };
}

describe('JobReaper', () => {
  it('at start, waits for CUPS to answer, then removes every job left from before', async () => {
    const { cups, state } = scriptedCups([7, 8]);
    const timers = manualTimers();
    const log: string[] = [];
    const reaper = new JobReaper(cups, (m) => log.push(m), timers.options);
    reaper.startUp();
    await settle();
    expect(reaper.owesSweep).toBe(true);
    expect(await timers.fire()).toBe(SWEEP_RETRY_FAST_MS);
    expect(await timers.fire()).toBe(SWEEP_RETRY_FAST_MS);
    // Said once, not at every retry.
    expect(log.filter((l) => l.includes('once the print system answers'))).toHaveLength(1);
    state.up = true;
    await timers.fire();
    expect(state.jobs).toEqual([]);
    // Each purged twice: CUPS keeps a record of a job purged while printing until asked again.
    expect(state.calls.slice(-4)).toEqual(['purge 7', 'purge 7', 'purge 8', 'purge 8']);
    expect(reaper.owesSweep).toBe(false);
    expect(timers.t.pending).toEqual([]);
  });

  it('retries fast while CUPS may be restarting, then slower', async () => {
    const { cups } = scriptedCups([7]);
    const timers = manualTimers();
    const reaper = new JobReaper(cups, () => {}, timers.options);
    reaper.lost();
    await settle();
    const waits: number[] = [];
    while (timers.t.now < SWEEP_FAST_FOR_MS + 3 * SWEEP_RETRY_SLOW_MS)
      waits.push(await timers.fire());
    expect(waits[0]).toBe(SWEEP_RETRY_FAST_MS);
    expect(waits.at(-1)).toBe(SWEEP_RETRY_SLOW_MS);
    expect(reaper.owesSweep).toBe(true);
  });

  it('never sweeps during a print, so the job being printed is not removed', async () => {
    const { cups, state } = scriptedCups([42]);
    state.up = true;
    const reaper = new JobReaper(cups, () => {});
    let finish!: () => void;
    const printing = reaper.run(
      () =>
        new Promise<string>((resolve) => {
          finish = () => resolve('printed');
        }),
    );
    await settle();
    reaper.lost();
    await settle();
    expect(state.calls).toEqual([]);
    finish();
    expect(await printing).toBe('printed');
    await vi.waitFor(() => expect(reaper.owesSweep).toBe(false));
    expect(state.calls).toEqual(['own jobs', 'purge 42', 'purge 42']);
  });

  it('lets a sweep under way finish before a print starts', async () => {
    const { cups, state } = scriptedCups([5]);
    state.up = true;
    let release!: () => void;
    const slowList = cups.ownJobs;
    cups.ownJobs = () =>
      new Promise((resolve) => {
        release = () => resolve(slowList());
      });
    const reaper = new JobReaper(cups, () => {});
    reaper.startUp();
    const order: string[] = [];
    const printing = reaper.run(async () => {
      order.push('print');
    });
    await settle();
    expect(order).toEqual([]);
    release();
    await printing;
    expect(state.calls).toEqual(['own jobs', 'purge 5', 'purge 5']);
    expect(order).toEqual(['print']);
  });

  it('runs prints one at a time', async () => {
    const reaper = new JobReaper(scriptedCups([]).cups, () => {});
    const order: string[] = [];
    const one = reaper.run(async () => {
      order.push('one starts');
      await settle();
      order.push('one ends');
    });
    const two = reaper.run(async () => {
      order.push('two');
    });
    await Promise.all([one, two]);
    expect(order).toEqual(['one starts', 'one ends', 'two']);
  });

  it('removes an ended job at once, or later if CUPS is down', async () => {
    const { cups, state } = scriptedCups([3]);
    const timers = manualTimers();
    const reaper = new JobReaper(cups, () => {}, timers.options);
    await reaper.end(3);
    await settle();
    expect(reaper.owesSweep).toBe(true);
    state.up = true;
    await timers.fire();
    expect(state.jobs).toEqual([]);
  });

  it('where a purge is refused, cancels the job and tells staff if CUPS kept the sheet', async () => {
    const { cups, state } = scriptedCups([9], { purge: 'refused', preserved: true });
    state.up = true;
    const log: string[] = [];
    const reaper = new JobReaper(cups, (m) => log.push(m));
    await reaper.end(9);
    expect(state.calls).toEqual(['purge 9', 'cancel 9']);
    expect(reaper.keepsSheets).toBe(true);
    expect(log.join('\n')).toMatch(/keeps the sheet \(PreserveJobFiles\)/);

    const notKept = scriptedCups([9], { purge: 'refused', preserved: false });
    notKept.state.up = true;
    const other = new JobReaper(notKept.cups, () => {});
    await other.end(9);
    expect(other.keepsSheets).toBe(false);
  });
});
