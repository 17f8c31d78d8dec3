import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Folders depend on each other one way: pages on components, components on composables,
 * composables on stores, and all of them on core/. A loop between folders (composables →
 * session → composables, say) means a module is in the wrong folder, so this test looks for
 * one. Files at the top of a program (src/App.vue, src/content.ts, electron/main/index.ts …)
 * each count on their own, since App.vue sits above every folder and content.ts below most.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const PROGRAMS = ['core', 'src', 'electron', 'companion'];
/** Folders whose files each count on their own: a program's top, where it is put together. */
const TOPS = ['core', 'src', 'electron/main', 'electron/preload', 'companion'];
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function files(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path));
    else if (/\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')])
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  return null;
}

/** A file's node in the graph: its folder, or itself when it sits at a program's top. */
function nodeOf(file: string): string {
  const rel = relative(ROOT, file);
  const dir = dirname(rel);
  return TOPS.includes(dir) ? rel : dir;
}

/** Every edge between nodes, with one import that makes it. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const program of PROGRAMS)
    for (const file of files(join(ROOT, program))) {
      const from = nodeOf(file);
      const edges = graph.get(from) ?? new Map<string, string>();
      graph.set(from, edges);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = resolveImport(file, spec!);
        if (!target) continue;
        const to = nodeOf(target);
        if (to !== from && !edges.has(to)) edges.set(to, `${relative(ROOT, file)} → ${spec}`);
      }
    }
  return graph;
}

/** The groups of nodes that reach each other (Tarjan's strongly connected components). */
function loops(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const seen = new Map<string, { index: number; low: number; onStack: boolean }>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    const me = { index, low: index, onStack: true };
    index += 1;
    seen.set(v, me);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      const other = seen.get(w);
      if (!other) {
        visit(w);
        me.low = Math.min(me.low, seen.get(w)!.low);
      } else if (other.onStack) me.low = Math.min(me.low, other.index);
    }
    if (me.low !== me.index) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      seen.get(w)!.onStack = false;
      group.push(w);
    } while (w !== v);
    if (group.length > 1) out.push(group.sort());
  };
  for (const v of graph.keys()) if (!seen.has(v)) visit(v);
  return out;
}

describe('folders', () => {
  it('depend on each other one way only', () => {
    const graph = folderGraph();
    const found = loops(graph).map((group) =>
      group.flatMap((from) =>
        group.filter((to) => graph.get(from)?.has(to)).map((to) => graph.get(from)!.get(to)!),
      ),
    );
    expect(found).toEqual([]);
  });

  it('finds a loop when there is one', () => {
    const graph = new Map([
      ['src/composables', new Map([['src/session', 'use-visit → reset-session']])],
      ['src/session', new Map([['src/composables', 'reset-session → use-speech']])],
      ['src/pages', new Map([['src/composables', 'a page → a composable']])],
    ]);
    expect(loops(graph)).toEqual([['src/composables', 'src/session']]);
  });

  it('sees the imports of the real tree', () => {
    const graph = folderGraph();
    expect(graph.get('src/pages')?.has('src/components/ui')).toBe(true);
    expect(graph.get('electron/main/ipc')?.has('core/kiosk')).toBe(true);
  });
});
