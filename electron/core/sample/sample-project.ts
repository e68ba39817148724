import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { addMaterials } from '../materials/add-materials';
import { mergeMaterials } from '../materials/item-files';
import { linkMaterials, setStatus, updateMaterials } from '../materials/material-repo';
import { findSoffice } from '../materials/office-convert';
import { createProject, openProject, type Project } from '../project/project';
import { DB_FILE } from '../project/layout';
import { importSample } from '../systems/sample';
import { getIndicators } from '../systems/system-repo';
import { sampleEvidence } from './sample-evidence';

/*
 * The sample project (打开示例项目 on the start screen, and `taizhang demo`): the built-in
 * sample system with generated evidence linked to a few indicators, one item 已剔除, a
 * meeting record merged from three photographed pages. The originals are written to a
 * folder beside the project, so a user can also practise dragging them in.
 */

export const SAMPLE_UNIT = '示例街道办事处';
/** Settings key that marks a project as made here, so it may be replaced without asking. */
const MARK = 'demo.createdBy';

export type SampleOptions = {
  userName: string;
  onStep?: (message: string) => void;
  /** LibreOffice to convert the sample Word file; false leaves the Word file out. */
  soffice?: string | null | false;
};

/** Whether `dir` holds a project this module made (and nothing a user made). */
export function isSampleProject(dir: string): boolean {
  if (!fs.existsSync(path.join(dir, DB_FILE))) return false;
  try {
    const p = openProject(dir, { userName: 'sample', readOnly: true });
    try {
      return p.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(MARK) === '1';
    } finally {
      p.close();
    }
  } catch {
    return false;
  }
}

/**
 * Makes the sample project in `projectDir` (which must not exist or be empty) with its
 * originals in `sourcesDir`, and returns it open. On failure nothing half-made stays open.
 */
export async function makeSampleProject(
  projectDir: string,
  sourcesDir: string,
  options: SampleOptions,
): Promise<{ project: Project; office: boolean }> {
  const soffice = options.soffice === false ? null : findSoffice(options.soffice);
  const step = options.onStep ?? (() => undefined);

  step('正在生成示例材料…');
  const { items, record } = await sampleEvidence(soffice !== null);
  fs.mkdirSync(sourcesDir, { recursive: true });
  const project = createProject(projectDir, { name: SAMPLE_UNIT, year: 2026 }, { userName: options.userName });
  try {
    project.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(MARK, '1');
    const { systemId } = importSample(project);
    const code = new Map(getIndicators(project.db, systemId).map((n) => [n.code, n.id]));
    const add = async (file: string, bytes: Buffer, codes: string[]) => {
      const target = path.join(sourcesDir, file);
      fs.writeFileSync(target, bytes);
      const report = await addMaterials(project, [target], {
        indicatorIds: codes.map((c) => code.get(c)!),
        workers: false,
        soffice: soffice ?? false,
      });
      if (report.failed.length > 0) throw new AppError('INTERNAL', report.failed[0]!.message);
      return report.added[0]!.id;
    };

    step('正在添加材料并关联指标…');
    let rejected = 0;
    for (const e of items) {
      const id = await add(e.file, e.bytes, e.codes.slice(0, 1));
      for (const c of e.codes.slice(1)) linkMaterials(project, [id], code.get(c)!);
      updateMaterials(project, [id], e.patch);
      if (e.file.startsWith('重复')) rejected = id;
    }
    // A meeting record photographed page by page: three photos, one item.
    const pages: number[] = [];
    for (const [i, bytes] of record.entries())
      pages.push(await add(`领导小组会议记录第${i + 1}页.jpg`, bytes, ['A1.1.2']));
    const merged = mergeMaterials(project, pages);
    updateMaterials(project, [merged.id], {
      title: '创建工作领导小组第三季度会议记录',
      responsible: '示例街道文明办',
      date: '2025-10-12',
      type: '会议记录',
    });
    setStatus(project, [rejected], 'rejected', '与学雷锋志愿服务照片重复');
    return { project, office: soffice !== null };
  } catch (e) {
    project.close();
    // Half a sample would be opened as the sample next time: it goes, since it was made here.
    fs.rmSync(projectDir, { recursive: true, force: true });
    throw e;
  }
}
