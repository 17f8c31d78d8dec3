/*
 * The size of the kiosk page (the renderer) and of the companion page as shipped: every file of
 * the production build, raw and gzipped, and the source modules that take most of the
 * JavaScript. Used by `npm run bench` and by the bundle size tests
 * (tests/scripts/bundle-size.spec.ts).
 */
import { gzipSync } from 'node:zlib';
import { relative, resolve } from 'node:path';
import { build, type Plugin, type Rollup, type UserConfig } from 'vite';
import { rendererConfig } from '../electron.vite.config';
import companionConfig from '../vite.companion.config';

/**
 * Every chunk of the page's JavaScript. 150 KB, raised to 152 KB for content packs (issue 19),
 * back under 150 KB when the staff screens' messages and code became one chunk of their own;
 * 154 KB with audio guidance (issue 21) and the page's full check of a content pack's content
 * (docs/performance.md, "The page's JavaScript since"); 153 KB since plain-text messages ship as
 * their text.
 */
export const RENDERER_JS_BUDGET_GZIP = 153 * 1024;
/** The companion page loads on a phone, often on a slow connection. */
export const COMPANION_JS_BUDGET_GZIP = 80 * 1024;

export interface BundleFile {
  readonly name: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface BundleReport {
  readonly files: BundleFile[];
  readonly jsRaw: number;
  readonly jsGzip: number;
  /** Source modules by the bytes they add to the JavaScript, largest first. */
  readonly modules: { id: string; bytes: number }[];
  /** Each JavaScript chunk's source modules; `entry` is the one the page starts with. */
  readonly chunks: { name: string; entry: boolean; modules: string[] }[];
}

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Builds the renderer in memory (nothing written) and measures it, as it ships: in production
 * mode whatever the caller's NODE_ENV (Vitest sets "test", which would build Vue's and the
 * messages' development code, a third larger).
 */
export function measureRenderer(): Promise<BundleReport> {
  return measure(rendererConfig as UserConfig);
}

/** The companion page, built and measured the same way. */
export function measureCompanion(): Promise<BundleReport> {
  return measure(companionConfig as UserConfig);
}

async function measure(config: UserConfig): Promise<BundleReport> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await measureProductionBuild(config);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function measureProductionBuild(config: UserConfig): Promise<BundleReport> {
  const modules = new Map<string, number>();
  const chunks: BundleReport['chunks'] = [];
  const collect: Plugin = {
    name: 'citizensec:bundle-size',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        for (const [id, m] of Object.entries(out.modules))
          modules.set(id, (modules.get(id) ?? 0) + m.renderedLength);
        chunks.push({
          name: out.fileName,
          entry: out.isEntry,
          modules: Object.keys(out.modules).map((id) => id.replace(/^\0/, '')),
        });
      }
    },
  };
  const result = (await build({
    ...config,
    mode: 'production',
    configFile: false,
    logLevel: 'silent',
    plugins: [...(config.plugins ?? []), collect],
    build: { ...config.build, write: false, emptyOutDir: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const files = outputs
    .map((o) => {
      const data = o.type === 'chunk' ? o.code : o.source;
      const buf = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      return { name: o.fileName, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const js = files.filter((f) => f.name.endsWith('.js'));
  return {
    files,
    jsRaw: js.reduce((s, f) => s + f.raw, 0),
    jsGzip: js.reduce((s, f) => s + f.gzip, 0),
    modules: [...modules.entries()]
      .map(([id, bytes]) => ({ id: shortId(id), bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    chunks: chunks.map((c) => ({ ...c, modules: c.modules.map(shortIdWithQuery) })),
  };
}

function shortId(id: string): string {
  return shortIdWithQuery(id).replace(/\?.*$/, '');
}

function shortIdWithQuery(id: string): string {
  const clean = id.replace(/^\0/, '');
  const nm = clean.lastIndexOf('node_modules/');
  return nm >= 0 ? clean.slice(nm + 'node_modules/'.length) : relative(ROOT, clean) || clean;
}
