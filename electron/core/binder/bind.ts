import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { AppError } from '../../../shared/ipc/result';
import { checkGaps } from '../gaps/gap-service';
import type { Project } from '../project/project';
import { projectPaths } from '../project/layout';
import { writeFileAtomic } from '../store/write-file-atomic';
import { composeVolume, type Findings, type VolumeSettings } from './compose';
import { labelOf, planBinding } from './plan';
import { spineSheet } from './spine';
import type { BindOptions, BindPlan, BindResult, LayoutOptions, SeeAlso, VolumePlan } from './types';

/*
 * 装订成卷: plan the volumes, compose each, write each to a temp file beside its target and
 * rename it into place (a viewer holding the old file never sees half a volume). Volumes
 * are built one at a time, so memory stays at about one volume's size.
 */

export const DEFAULT_SIZE_LIMIT = 100 * 1024 * 1024;
export const SPINE_WIDTHS = [20, 30, 40, 50] as const;

export function volumeSettings(options: LayoutOptions): VolumeSettings {
  const date = options.date ?? dayjs().format('YYYY-MM-DD');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !dayjs(date).isValid()) {
    throw new AppError('INVALID_INPUT', `立卷时间“${date}”无效，应写成 2026-03-05 这样的格式。`);
  }
  const margin = options.bindingMarginMm ?? 25;
  if (!(margin >= 0 && margin <= 50)) {
    throw new AppError('INVALID_INPUT', `装订边距 ${margin} 毫米无效，应在 0 到 50 毫米之间（常用 25 毫米）。`);
  }
  return {
    duplex: options.duplex ?? true,
    numberPosition: options.numberPosition ?? 'outer-top',
    bindingMarginMm: margin,
    fontFile: options.fontFile ?? null,
    retention: options.retention?.trim() || '定期10年',
    filer: options.filer?.trim() ?? '',
    checker: options.checker?.trim() ?? '',
    date,
    archiveCode: options.archiveCode?.trim() ?? '',
    dividers: options.dividers ?? false,
  };
}

/** Characters Windows does not allow in file names, and a length that keeps paths under 260. */
export function safeFileName(name: string, max = 80): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return (
    [...cleaned]
      .slice(0, max)
      .join('')
      .replace(/[. ]+$/, '') || '案卷'
  );
}

export function volumeFileName(volume: VolumePlan): string {
  const part = volume.parts > 1 ? `（第${volume.part}卷共${volume.parts}卷）` : '';
  return `${String(volume.seq).padStart(2, '0')} ${safeFileName(volume.title)}${part}.pdf`;
}

/**
 * Temp file beside the target, then rename; a file left open in a PDF viewer gets a message
 * that says so. `act` names what the user was doing (装订, 导出).
 */
export function writePdf(file: string, bytes: Uint8Array, act = '装订'): void {
  try {
    writeFileAtomic(file, bytes);
  } catch (e) {
    if (e instanceof AppError && e.code === 'PERMISSION_DENIED') {
      throw new AppError(
        'PERMISSION_DENIED',
        `无法写入《${file}》。如果这个文件正在 PDF 阅读器或浏览器中打开，请先关闭它再${act}；或者换一个保存位置。`,
        { cause: e },
      );
    }
    throw e;
  }
}

/** Open findings (missing evidence, problems to fix) per indicator, as of `date`. */
function findingsOf(project: Project, plan: BindPlan, date: string): Findings {
  const out: Findings = new Map();
  const { result } = checkGaps(project.db, plan.systemId, date);
  for (const r of result.indicators) {
    const messages = r.findings.filter((f) => f.severity !== 'note').map((f) => f.message);
    if (messages.length > 0) out.set(r.id, { label: labelOf(r), messages });
  }
  return out;
}

/**
 * Binds the project's items into indexed PDF volumes in `outDir` (see issue 6). An item
 * that cannot be read is left out of its volume, named in the volume's 备考表 and in
 * `problems`; only cancelling (signal) or an unwritable folder stops the run.
 */
export async function bindProject(project: Project, options: BindOptions): Promise<BindResult> {
  if (options.spineWidthMm && !(SPINE_WIDTHS as readonly number[]).includes(options.spineWidthMm)) {
    throw new AppError('INVALID_INPUT', `卷脊宽度应为 ${SPINE_WIDTHS.join('、')} 毫米之一。`);
  }
  const plan = planBinding(project.db, options);
  const settings = volumeSettings(options);
  const findings = findingsOf(project, plan, settings.date);
  const outDir = path.resolve(options.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const imageCache = path.join(projectPaths(project.dir).cache, 'bind');
  const sizeLimit = options.sizeLimitBytes ?? DEFAULT_SIZE_LIMIT;
  const total = plan.volumes.reduce((n, v) => n + v.pageCount, 0);
  let done = 0;
  const result: BindResult = { volumes: [], problems: [], warnings: [] };
  // Real first pages of the items bound so far, for the 见第X卷第Y页 rows of later volumes.
  const boundAt = new Map<number, SeeAlso>();
  for (const volume of plan.volumes) {
    options.signal?.throwIfAborted();
    const fileName = volumeFileName(volume);
    const message = `正在装订《${fileName}》`;
    options.onProgress?.({ step: 'bind', current: done, total, message });
    const composed = await composeVolume(
      {
        project,
        plan,
        settings,
        findings,
        imageCache,
        signal: options.signal,
        boundAt,
        onPage: () => options.onProgress?.({ step: 'bind', current: Math.min(++done, total), total, message }),
      },
      volume,
    );
    options.signal?.throwIfAborted();
    const file = path.join(outDir, fileName);
    writePdf(file, composed.bytes);
    result.volumes.push({
      seq: volume.seq,
      file,
      pages: composed.pages,
      bytes: composed.bytes.byteLength,
      index: composed.index,
      title: volume.title,
      part: volume.part,
      parts: volume.parts,
      itemPages: composed.itemPages,
      references: composed.references,
    });
    for (const p of composed.problems) result.problems.push({ ...p, volume: file });
    if (composed.bytes.byteLength > sizeLimit) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      result.warnings.push(
        `《${fileName}》有 ${mb(composed.bytes.byteLength)}，超过 ${mb(sizeLimit)}，网上提交或发送可能受限。可以在装订选项中设置“按大小分卷”，在两件材料之间自动分卷（命令行：--max-mb ${Math.max(1, Math.floor(sizeLimit / 1024 / 1024))}），或减小每卷页数上限。`,
      );
    }
  }
  if (plan.empty.length > 0) {
    const names = plan.empty.slice(0, 8).map((e) => `“${labelOf(e)}”`);
    const more = plan.empty.length > 8 ? ` 等 ${plan.empty.length} 个指标` : '';
    result.warnings.push(`${names.join('、')}${more}下还没有可装订的材料，未生成案卷。`);
  }
  if (plan.volumes.length === 0) {
    result.warnings.push('没有可装订的材料：请先把材料关联到指标（已剔除和回收站中的材料不装订）。');
  }
  if (options.spineWidthMm && result.volumes.length > 0) {
    const spine = path.join(outDir, '卷脊.pdf');
    writePdf(spine, await spineSheet(plan, result.volumes, settings, options.spineWidthMm));
    result.spine = spine;
  }
  options.onProgress?.({ step: 'bind', current: total, total, message: '装订完成' });
  return result;
}
