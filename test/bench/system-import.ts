import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProject } from '../../electron/core/project/project';
import { commit, overview } from '../../electron/core/systems/import-service';
import { parseImportFile, type ImportSource } from '../../electron/core/systems/import-sources';
import { workbook } from '../fixtures/workbooks';

/** A 5,000-row workbook in the usual layout: title row, header, levels merged over their children. */
function bigWorkbook(rowsWanted: number): Buffer {
  const rows: (string | number)[][] = [
    ['XX区测评体系（基准测试）'],
    ['一级指标', '二级指标', '三级指标', '测评方法', '分值', '材料要求', '责任单位', '责任人'],
  ];
  const merges: [number, number, number, number][] = [[0, 0, 0, 7]];
  let n = 0;
  for (let a = 1; n < rowsWanted; a++) {
    const aStart = rows.length;
    for (let b = 1; b <= 10 && n < rowsWanted; b++) {
      const bStart = rows.length;
      for (let c = 1; c <= 10 && n < rowsWanted; c++, n++) {
        rows.push([
          `A${a} 一级指标${a}`,
          `A${a}.${b} 二级指标${a}-${b}`,
          `A${a}.${b}.${c} 三级指标${a}-${b}-${c}`,
          '材料审核、实地考察',
          2,
          `每季度至少开展一次活动，提供活动方案、照片和总结（第${n + 1}条）`,
          '各社区居委会',
          `收集人${(n % 40) + 1}`,
        ]);
      }
      if (rows.length - 1 > bStart) merges.push([bStart, 1, rows.length - 1, 1]);
    }
    if (rows.length - 1 > aStart) merges.push([aStart, 0, rows.length - 1, 0]);
  }
  return workbook([{ name: '测评体系', rows, merges }]);
}

export async function systemImportBench(): Promise<string[]> {
  const bytes = bigWorkbook(5000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), '台账 bench-'));
  const project = createProject(path.join(dir, 'p'), { name: '基准', year: 2026 }, { userName: 'bench' });
  try {
    const t0 = performance.now();
    const source: ImportSource = { ...parseImportFile('基准.xlsx', bytes), id: 'bench' };
    const t1 = performance.now();
    const view = overview(source);
    const t2 = performance.now();
    const result = commit(project, source, view.suggestedSheet, null, {
      name: '基准',
      edition: '',
      windowStart: null,
      windowEnd: null,
      levelNames: [],
    });
    const t3 = performance.now();
    return [
      `system import: 5,000-row workbook (${(bytes.length / 1024).toFixed(0)} KB) → ${result.indicatorCount} indicators`,
      `  read ${(t1 - t0).toFixed(0)} ms, detect header ${(t2 - t1).toFixed(0)} ms, build tree + write ${(t3 - t2).toFixed(0)} ms`,
      `  total ${((t3 - t0) / 1000).toFixed(2)} s (target < 3 s)`,
    ];
  } finally {
    project.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
