import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../core/kiosk/csp';

/**
 * The kiosk page is served from app://kiosk/, a privileged scheme of its own, never file://:
 * only files under the renderer's folder, only GET, only this host, with the CSP as a header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const PAGE_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // `stream`: the audio element reads clips from this scheme (media needs it to play and seek).
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    stream: true,
  },
} as const;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  // Audio guidance clips: Ogg Opus (docs/accessibility.md).
  '.opus': 'audio/ogg',
};

export type Resolved =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly status: 403 | 404 | 405 };

/** Which file a request may read, or why not; pure, so every refusal can be tested. */
export function resolveAppRequest(rawUrl: string, method: string, root: string): Resolved {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 403 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 403 };
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..'))
    return { ok: false, status: 403 };
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  if (!file.startsWith(base + sep)) return { ok: false, status: 403 };
  if (!(extname(file) in MIME)) return { ok: false, status: 404 };
  return { ok: true, file };
}

/**
 * The handler for protocol.handle(APP_SCHEME, …). A file is read only if its real path (every
 * symbolic link followed) is under the root's real path: a link inside the renderer folder
 * cannot serve anything outside it.
 */
export function createAppProtocolHandler(
  root: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
  real: (path: string) => Promise<string> = realpath,
  /** Files that come from elsewhere first (the active content pack's audio clips), by path. */
  overlay: (pathname: string) => Promise<Uint8Array | null> = async () => null,
): (request: { url: string; method: string }) => Promise<Response> {
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    const resolved = resolveAppRequest(request.url, request.method, root);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    let body: Uint8Array;
    try {
      const over = await overlay(decodeURIComponent(new URL(request.url).pathname)).catch(
        () => null,
      );
      if (over) return respond(request.method, resolved.file, over);
      realRoot ??= real(resolve(root));
      const [base, file] = await Promise.all([realRoot, real(resolved.file)]);
      if (!file.startsWith(base + sep)) return new Response(null, { status: 403 });
      body = await read(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return respond(request.method, resolved.file, body);
  };
}

function respond(method: string, file: string, body: Uint8Array): Response {
  return new Response(method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: {
      'Content-Type': MIME[extname(file)]!,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
