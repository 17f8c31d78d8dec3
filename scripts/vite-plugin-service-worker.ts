import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Writes `sw.js` for a static page: at install it stores every file of the build, so the page
 * opens with no network once it has been opened once. The page itself is asked of the network
 * first (a few seconds at most) so that a phone online always gets the newest build; its files,
 * whose names carry their hash, come from the store first. The cache is named after the build's
 * files: a new build's worker replaces the old cache. Requests for other origins are never
 * touched (the page makes none).
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'companion-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
      const urls = ['./', ...files.map((f) => `./${f}`)];
      const cache = `citizensec-companion-${createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 12)}`;
      const source = `// Built by scripts/vite-plugin-service-worker.ts.
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(urls)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('citizensec-companion-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
// Vary is ignored: static hosts send 'Vary: Origin', and the page's module scripts are fetched
// with an Origin header that the install step's requests did not carry.
const stored = (key) => caches.match(key, { ignoreSearch: true, ignoreVary: true });
const NETWORK_WAIT_MS = 4000;
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page, whatever its fragment or query: from the network while it answers, else stored.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), NETWORK_WAIT_MS);
    event.respondWith(
      fetch(request, { signal: abort.signal })
        .then((response) => (response.ok ? response : stored('./').then((hit) => hit || response)))
        .catch(() => stored('./').then((hit) => hit || Response.error()))
        .finally(() => clearTimeout(timer)),
    );
    return;
  }
  event.respondWith(stored(request).then((hit) => hit || fetch(request)));
});
`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
