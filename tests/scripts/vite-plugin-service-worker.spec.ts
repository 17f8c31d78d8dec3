import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerPlugin } from '../../scripts/vite-plugin-service-worker';

/** The worker the plugin writes for a bundle of these files. */
function build(files: string[]): string {
  let source = '';
  const plugin = serviceWorkerPlugin();
  const hook = plugin.generateBundle as (
    this: { emitFile(f: { fileName: string; source: string }): void },
    options: unknown,
    bundle: Record<string, unknown>,
  ) => void;
  hook.call(
    {
      emitFile: (f) => {
        expect(f.fileName).toBe('sw.js');
        source = f.source;
      },
    },
    {},
    Object.fromEntries(files.map((f) => [f, {}])),
  );
  return source;
}

type Handler = (event: { request: FakeRequest; respondWith(p: Promise<unknown>): void }) => void;
interface FakeRequest {
  url: string;
  method: string;
  mode: string;
}

/** Runs the worker against a fake cache and network; returns its fetch handler's answers. */
function worker(source: string, network: (url: string) => Promise<{ ok: boolean; from: string }>) {
  const handlers: Record<string, Handler> = {};
  const stored = new Map<string, { ok: true; from: string }>();
  const origin = 'https://citizensec.example';
  const sandbox = {
    self: {
      location: { origin, href: `${origin}/plan/sw.js` },
      addEventListener: (type: string, h: Handler) => (handlers[type] = h),
    },
    caches: {
      match: (key: string | FakeRequest) => {
        const url = new URL(typeof key === 'string' ? key : key.url, `${origin}/plan/`).href;
        return Promise.resolve(stored.get(url.split('?')[0]!));
      },
    },
    fetch: (r: FakeRequest) => network(r.url),
    AbortController,
    setTimeout,
    clearTimeout,
    URL,
    Response: { error: () => ({ ok: false, from: 'error' }) },
  };
  runInNewContext(source, sandbox);
  const answer = async (url: string, mode = 'cors') => {
    let result: Promise<unknown> | undefined;
    handlers.fetch!({ request: { url, method: 'GET', mode }, respondWith: (p) => (result = p) });
    return result ? await result : 'not handled';
  };
  return { answer, stored, handlers };
}

describe('the companion service worker', () => {
  const files = ['index.html', 'assets/index-abc.js', 'assets/index-def.css', 'sw.js', 'a.js.map'];

  it('stores every file of the build but itself and source maps, in a cache named after them', () => {
    const source = build(files);
    expect(source).toContain(
      JSON.stringify(['./', './index.html', './assets/index-abc.js', './assets/index-def.css']),
    );
    expect(source).toMatch(/const CACHE = "citizensec-companion-[0-9a-f]{12}"/);
    expect(build([...files, 'assets/new.js'])).not.toContain(
      /const CACHE = "(.*)"/.exec(source)![0],
    );
  });

  it('asks the network for the page first, and answers from the store when offline', async () => {
    let online = true;
    const { answer, stored } = worker(build(files), (url) =>
      online
        ? Promise.resolve({ ok: true, from: `network ${url}` })
        : Promise.reject(new TypeError()),
    );
    stored.set('https://citizensec.example/plan/', { ok: true, from: 'store page' });
    stored.set('https://citizensec.example/plan/assets/index-abc.js', {
      ok: true,
      from: 'store js',
    });
    const page = 'https://citizensec.example/plan/';
    expect(await answer(page, 'navigate')).toEqual({ ok: true, from: `network ${page}` });
    // Files whose name carries their hash come from the store even online.
    expect(await answer(`${page}assets/index-abc.js`)).toEqual({ ok: true, from: 'store js' });
    online = false;
    expect(await answer(`${page}?x=1`, 'navigate')).toEqual({ ok: true, from: 'store page' });
    // A file it never stored, offline: the network's failure reaches the page.
    await expect(answer(`${page}assets/other.js`)).rejects.toBeInstanceOf(TypeError);
  });

  it('falls back to the stored page when the host answers with an error', async () => {
    const { answer, stored } = worker(build(files), () =>
      Promise.resolve({ ok: false, from: 'network 503' }),
    );
    stored.set('https://citizensec.example/plan/', { ok: true, from: 'store page' });
    expect(await answer('https://citizensec.example/plan/', 'navigate')).toEqual({
      ok: true,
      from: 'store page',
    });
  });

  it('leaves other origins and other methods alone', async () => {
    const { answer } = worker(build(files), () => Promise.resolve({ ok: true, from: 'network' }));
    expect(await answer('https://elsewhere.example/x.js')).toBe('not handled');
  });
});
