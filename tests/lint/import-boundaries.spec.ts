import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The import boundaries of eslint.boundaries.js, each shown to fire: one core, three programs.
 * Each probe is linted as if it were a file at that path, so nothing is written to the tree.
 */

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** Messages of no-restricted-imports for a file at `filePath`, one per line it refuses. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const byLine = new Map<number, string>();
  for (const m of result!.messages)
    if (m.ruleId === 'no-restricted-imports' && !byLine.has(m.line)) byLine.set(m.line, m.message);
  return [...byLine.values()];
}

/** The imports, one a line, that a file at `filePath` may not make. */
function refused(filePath: string, ...imports: string[]): Promise<string[]> {
  return lint(filePath, imports.map((from) => `import '${from}';\n`).join(''));
}

describe('core/', () => {
  it('imports no Vue, no Electron and no Node', async () => {
    const messages = await refused(
      'core/visit/probe.ts',
      'vue',
      'pinia',
      'vue-i18n',
      'electron',
      'node:fs',
      'fs',
      'path',
      '../../src/components/ui/Probe.vue',
    );
    expect(messages).toHaveLength(8);
    expect(messages[0]).toContain('plain TypeScript');
    expect(messages[4]).toContain('no Node modules');
  });

  it('imports none of the programs built on it', async () => {
    expect(
      await refused('core/kiosk/probe.ts', '../../src/stores/kiosk', '../../electron/main/log'),
    ).toHaveLength(2);
    expect(await refused('core/probe.ts', '../companion/plan-page')).toHaveLength(1);
  });

  it('imports itself and plain libraries', async () => {
    expect(await refused('core/kiosk/probe.ts', '../locales', './kiosk-api', 'zod')).toEqual([]);
  });

  it('refuses type-only imports and re-exports across a boundary too', async () => {
    const code =
      "import type { App } from 'vue';\nexport type { Pinia } from 'pinia';\nexport type A = App;\n";
    expect(await lint('core/probe.ts', code)).toHaveLength(2);
  });
});

describe('electron/', () => {
  it('never imports the page: shared code belongs in core/', async () => {
    const messages = await refused(
      'electron/main/probe.ts',
      '../../src/stores/staff',
      '../../src/kiosk/browser-kiosk',
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('core/');
    expect(await refused('electron/preload/probe.ts', '../../src/i18n')).toHaveLength(1);
    expect(await refused('electron/main/ipc/probe.ts', '../../../companion/main')).toHaveLength(1);
  });

  it('keeps the system shell (openExternal) out of the main process', async () => {
    const code = "import { app, shell } from 'electron';\nexport const x = [app, shell];\n";
    expect(await lint('electron/main/probe.ts', code)).toEqual([
      expect.stringContaining('openExternal'),
    ]);
  });

  it('uses Electron, Node and core/', async () => {
    expect(
      await refused('electron/main/probe.ts', 'electron', 'node:path', '../../core/kiosk/settings'),
    ).toEqual([]);
  });
});

describe('src/ (the kiosk page)', () => {
  it('keeps Electron and Node out of the page', async () => {
    expect(
      await refused('src/pages/Probe.ts', 'electron', 'node:fs', 'fs', '../../electron/main/log'),
    ).toHaveLength(4);
  });

  it('never imports the companion, and imports core/ and itself', async () => {
    expect(await refused('src/stores/probe.ts', '../../companion/main')).toHaveLength(1);
    expect(
      await refused('src/stores/probe.ts', '../../core/visit/plan', './kiosk', '../speech'),
    ).toEqual([]);
  });

  it('applies to .vue components as well', async () => {
    const code =
      "<script setup lang=\"ts\">\nimport { ipcRenderer } from 'electron';\nipcRenderer.send('x');\n</script>\n";
    expect(await lint('src/components/ui/Probe.vue', code)).toHaveLength(1);
  });
});

describe('companion/ (the phone page)', () => {
  it('imports core/ only: not the kiosk page, not Electron, not Node', async () => {
    expect(
      await refused(
        'companion/probe.ts',
        '../src/stores/plan',
        '../electron/main/log',
        'electron',
        'node:url',
      ),
    ).toHaveLength(4);
    expect(await refused('companion/probe.ts', '../core/visit/plan')).toEqual([]);
  });
});

describe('paper/ (printed papers both pages show)', () => {
  it('imports core/ only, and both pages may import it; core/ and main may not', async () => {
    expect(
      await refused(
        'paper/probe.ts',
        '../src/stores/plan',
        '../companion/main',
        '../electron/main/log',
        'node:fs',
      ),
    ).toHaveLength(4);
    expect(await refused('paper/probe.ts', '../core/visit/documents')).toEqual([]);
    expect(await refused('src/pages/probe.ts', '../../paper/DocumentPaper.vue')).toEqual([]);
    expect(await refused('companion/probe.ts', '../paper/DocumentPaper.vue')).toEqual([]);
    expect(await refused('core/visit/probe.ts', '../../paper/DocumentPaper.vue')).not.toEqual([]);
    expect(await refused('electron/main/probe.ts', '../../paper/DocumentPaper.vue')).toHaveLength(
      1,
    );
  });
});

describe('scripts/', () => {
  it('may use main and core/, but not the page', async () => {
    expect(await refused('scripts/probe.ts', '../src/content')).toHaveLength(1);
    expect(
      await refused('scripts/probe.ts', '../electron/main/staff/pin-file', '../core/locales'),
    ).toEqual([]);
  });
});
