import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { isSampleProject, makeSampleProject } from '../sample/sample-project';
import { bindProject } from './bind';
import type { BindResult } from './types';

/*
 * The demo (`npm run demo`): the sample project (see sample/sample-project.ts) bound into
 * volumes. Layout of <dir>: 示例项目/ (the project), 示例材料/ (the generated originals),
 * 案卷/ (the volumes). Running it again replaces what an earlier demo made, and nothing else.
 */

export type DemoResult = {
  projectDir: string;
  sourcesDir: string;
  volumesDir: string;
  /** Whether a Word file went in (LibreOffice found). */
  office: boolean;
  result: BindResult;
  /** Milliseconds spent binding (the rest is making the sample files). */
  bindMs: number;
};

/** Clears what an earlier demo made; refuses to touch anything else. */
function clearPrevious(projectDir: string, sourcesDir: string, volumesDir: string): void {
  if (fs.existsSync(projectDir)) {
    if (!isSampleProject(projectDir)) {
      throw new AppError(
        'CONFLICT',
        `《${projectDir}》已存在，但不是演示生成的项目，为避免覆盖，演示已停止。请换一个文件夹运行演示。`,
      );
    }
    fs.rmSync(projectDir, { recursive: true, force: true });
    fs.rmSync(sourcesDir, { recursive: true, force: true });
  }
  if (fs.existsSync(volumesDir)) {
    for (const name of fs.readdirSync(volumesDir)) {
      if (/^\d{2} .+\.pdf$|^卷脊\.pdf$/.test(name)) fs.rmSync(path.join(volumesDir, name), { force: true });
    }
  }
}

/** Makes the demo project in `dir` and binds it into `dir/案卷`. */
export async function runDemo(
  rawDir: string,
  options: { userName: string; onStep?: (message: string) => void; soffice?: string | null | false },
): Promise<DemoResult> {
  const dir = path.resolve(rawDir);
  const projectDir = path.join(dir, '示例项目');
  const sourcesDir = path.join(dir, '示例材料');
  const volumesDir = path.join(dir, '案卷');
  clearPrevious(projectDir, sourcesDir, volumesDir);
  fs.mkdirSync(dir, { recursive: true });
  const { project, office } = await makeSampleProject(projectDir, sourcesDir, options);
  try {
    options.onStep?.('正在装订成卷…');
    const started = Date.now();
    const result = await bindProject(project, {
      outDir: volumesDir,
      filer: '张丽',
      checker: '吴明',
      spineWidthMm: 30,
    });
    return { projectDir, sourcesDir, volumesDir, office, result, bindMs: Date.now() - started };
  } finally {
    project.close();
  }
}
