import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keep Electron and Node out of the page', async () => {
    const code =
      "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nexport const x = [ipcRenderer, readFileSync];\n";
    expect(await restricted('src/pages/Probe.ts', code)).toHaveLength(2);
  });

  it('keep Vue out of the domain', async () => {
    expect(
      await restricted(
        'src/domain/probe.ts',
        "import { ref } from 'vue';\nexport const x = ref(1);\n",
      ),
    ).toHaveLength(1);
  });

  it('keep the system shell (openExternal) out of the main process', async () => {
    const code = "import { shell } from 'electron';\nexport const x = shell;\n";
    expect(await restricted('electron/main/probe.ts', code)).toHaveLength(1);
  });

  it('let the main process use both', async () => {
    const code =
      "import { app } from 'electron';\nimport { join } from 'node:path';\nexport const x = [app, join];\n";
    expect(await restricted('electron/main/probe.ts', code)).toEqual([]);
  });
});
