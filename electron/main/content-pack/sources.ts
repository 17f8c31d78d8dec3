import * as fs from 'node:fs';
import { join } from 'node:path';
import { MAX_PACK_BYTES } from '../../../core/content/pack';

/*
 * Where a kiosk finds packs: a folder (a USB stick or a network share) and an HTTPS URL. Each
 * returns pack texts to check, or why none could be had; neither trusts what it returns
 * (core/content/pack.ts checks it). Never throws.
 */

export type SourceResult =
  | {
      readonly ok: true;
      readonly packs: readonly { readonly name: string; readonly text: string }[];
    }
  | {
      readonly ok: false;
      /** What went wrong, without where (`HTTP 404`, `ENOENT`). */
      readonly problem: string;
      /** Where and what, for the log: `https://…: HTTP 404`, `folder /media/…: ENOENT`. */
      readonly reason: string;
    };

/** A source that could not be read: its problem, and the reason that names the source too. */
export const unavailable = (source: string, problem: string): SourceResult => ({
  ok: false,
  problem,
  reason: `${source}: ${problem}`,
});

/** A pack file's name in a folder: `citizensec-content-<version>.pack`. */
export const PACK_NAME = /^citizensec-content-(\d{1,9})\.pack$/;

/**
 * The packs in a folder, newest version first (at most `limit`). A file still being copied is
 * read as it is: it fails its check as damaged and is tried again on the next poll.
 */
export function readFolderSource(
  dir: string,
  maxBytes = MAX_PACK_BYTES,
  limit = 3,
  files: Pick<typeof fs, 'readdirSync' | 'statSync' | 'readFileSync'> = fs,
): SourceResult {
  let names: string[];
  try {
    names = files.readdirSync(dir);
  } catch (err) {
    return unavailable(`folder ${dir}`, (err as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  const found = names
    .map((name) => ({ name, m: PACK_NAME.exec(name) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(b.m![1]) - Number(a.m![1]))
    .slice(0, limit);
  const packs: { name: string; text: string }[] = [];
  for (const { name } of found) {
    const path = join(dir, name);
    try {
      const size = files.statSync(path).size;
      // An oversized file is passed on as a marker so that the check refuses it as too large.
      if (size > maxBytes) packs.push({ name, text: ' '.repeat(maxBytes + 1) });
      else packs.push({ name, text: files.readFileSync(path, 'utf8') });
    } catch (err) {
      packs.push({ name, text: `unreadable: ${(err as NodeJS.ErrnoException).code ?? ''}` });
    }
  }
  return { ok: true, packs };
}

/** The part of the Fetch API a URL source needs: Electron's `net.fetch` (system proxy) or Node's. */
export type Fetcher = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

export interface UrlSourceOptions {
  readonly fetcher: Fetcher;
  /** The whole download, headers to last byte: a slow or hanging server is given up after it. */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/**
 * A network error as IT reads it in the log: Node's fetch says only "fetch failed" and keeps the
 * reason (a certificate the system does not trust, a refused connection) in `cause`; Electron's
 * net.fetch names it in the message (net::ERR_CERT_AUTHORITY_INVALID).
 */
function networkError(err: unknown): string {
  const message = (err as Error).message;
  const cause = (err as { cause?: { message?: unknown; code?: unknown } }).cause;
  const why = typeof cause?.message === 'string' ? cause.message : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = [why, code && !why?.includes(code) ? code : undefined].filter(Boolean).join(', ');
  return detail ? `${message} (${detail})` : message;
}

/** One pack from a URL; 404, a timeout, a network error or an oversized body is a reason. */
export async function readUrlSource(url: string, o: UrlSourceOptions): Promise<SourceResult> {
  const maxBytes = o.maxBytes ?? MAX_PACK_BYTES;
  const timeoutMs = o.timeoutMs ?? 60_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await o.fetcher(url, { signal: controller.signal });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return unavailable(url, `HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return unavailable(url, `larger than ${maxBytes} bytes`);
    }
    const reader = res.body?.getReader();
    if (!reader) return unavailable(url, 'empty answer');
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return unavailable(url, `larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
    const name = url.split('/').pop() || url;
    return { ok: true, packs: [{ name, text: Buffer.concat(chunks).toString('utf8') }] };
  } catch (err) {
    if (controller.signal.aborted)
      return unavailable(url, `no complete answer within ${timeoutMs / 1000} s`);
    return unavailable(url, networkError(err));
  } finally {
    clearTimeout(timer);
  }
}
