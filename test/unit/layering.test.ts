import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The layer rules of DESIGN.md, proven by linting code that breaks them. */
describe('layering lint rules', () => {
  it('shared/ may not import Node or Electron', async () => {
    expect(await restrictedImports('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import path from 'path';\nexport const a = path;\n")).toHaveLength(
      1,
    );
    expect(
      await restrictedImports('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
    expect(
      await restrictedImports(
        'shared/ipc/x.ts',
        "import type { CoreEvent } from './events';\nexport type A = CoreEvent;\n",
      ),
    ).toHaveLength(0);
  });

  it('electron/core may not import electron', async () => {
    const hits = await restrictedImports(
      'electron/core/x.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toContain('纯 Node');
    expect(
      await restrictedImports('electron/core/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toHaveLength(0);
  });

  it('renderer/ may not import Node or the core directly', async () => {
    expect(
      await restrictedImports('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { createCore } from '../../electron/core/create-core';\nexport const a = createCore;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { contract } from '../../shared/ipc/contract';\nexport const a = contract;\n",
      ),
    ).toHaveLength(0);
  });
});
