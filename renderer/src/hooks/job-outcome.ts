import type { JobStatus, ProjectInfo, VerifyReport } from '../../../shared/ipc/contract';
import type { BackupResult } from '../../../shared/ipc/contract-backup';
import type { AddReport } from '../../../shared/materials/api-types';
import { formatBytes } from '../format';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export type Outcome = {
  tone: Tone;
  /** A kind-specific result sentence, or the error message of a failed job. */
  text?: string;
  /** Names of the files a warning is about (or a result lists), under `detailsTitle`. */
  details?: string[];
  detailsTitle?: string;
  /** How long it stays, when not the tone's usual time (a path to note down). */
  lingerMs?: number;
};

function isVerifyReport(v: unknown): v is VerifyReport {
  return typeof v === 'object' && v !== null && typeof (v as VerifyReport).checkedFiles === 'number';
}

function describeVerify(report: VerifyReport): Outcome {
  if (report.checkedFiles === 0) return { text: '校验完成：项目中还没有文件', tone: 'success' };
  if (report.ok) return { text: `校验完成：${report.okFiles} 个文件正常`, tone: 'success' };
  const parts = [`${report.okFiles} 个文件正常`];
  if (report.missing.length) parts.push(`${report.missing.length} 个文件缺失`);
  if (report.corrupt.length) parts.push(`${report.corrupt.length} 个文件已损坏`);
  const name = (entry: { sha256: string; names: string[] }) => entry.names[0] ?? `编号 ${entry.sha256.slice(0, 12)}`;
  return {
    text: `校验完成：${parts.join('，')}`,
    tone: 'warning',
    detailsTitle: '请从备份中找回以下文件，再重新添加',
    details: [
      ...report.missing.map((e) => `缺失：《${name(e)}》`),
      ...report.corrupt.map((e) => `已损坏：《${name(e)}》`),
    ],
  };
}

function isBackupResult(v: unknown): v is BackupResult {
  return typeof v === 'object' && v !== null && typeof (v as BackupResult).zipPath === 'string';
}

function isProjectInfo(v: unknown): v is ProjectInfo {
  return typeof v === 'object' && v !== null && typeof (v as ProjectInfo).dir === 'string';
}

/**
 * What a finished job came to, in one line (and the files a warning is about): for the jobs bar
 * as a job ends, and for 任务记录 from the stored result.
 */
export function describeJob(kind: string, status: JobStatus, result?: unknown, error?: string): Outcome {
  if (status === 'done') {
    if (kind === 'projects.verify' && isVerifyReport(result)) return describeVerify(result);
    if (kind === 'materials.add' && isAddReport(result)) return describeAdd(result);
    if (kind === 'binder.build' && isBindResult(result)) return describeBind(result);
    if (kind === 'projects.backup' && isBackupResult(result)) {
      const r = result;
      const text = `已备份到《${r.zipPath}》（${r.files} 个文件，${formatBytes(r.bytes)}）`;
      return { tone: 'success', text, lingerMs: 15000 };
    }
    if (kind === 'projects.restore' && isProjectInfo(result)) {
      return { tone: 'success', text: `已从备份恢复“${result.name}”（${result.year}年度）` };
    }
    return { tone: 'success' };
  }
  if (status === 'failed') return { tone: 'error', text: error ?? '' };
  return { tone: 'info' };
}

function isAddReport(v: unknown): v is AddReport {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as AddReport).added) &&
    Array.isArray((v as AddReport).failed)
  );
}

function describeAdd(r: AddReport): Outcome {
  const parts = [`已添加 ${r.added.length} 件`];
  if (r.duplicates.length) parts.push(`已存在 ${r.duplicates.length} 件`);
  if (r.failed.length) parts.push(`${r.failed.length} 个文件未能添加`);
  const name = (p: string) => p.split(/[\\/]/).pop() ?? p;
  return {
    tone: r.failed.length ? 'warning' : 'success',
    text: parts.join('，'),
    detailsTitle: '未能添加的文件（请按说明处理后再添加）',
    details: r.failed.map((f) => `《${name(f.path)}》：${f.message}`),
  };
}

type BindSummary = { volumes: { file: string; pages: number }[]; problems: unknown[] };

function isBindResult(v: unknown): v is BindSummary {
  return typeof v === 'object' && v !== null && Array.isArray((v as BindSummary).volumes);
}

function describeBind(r: BindSummary): Outcome {
  const pages = r.volumes.reduce((n, v) => n + v.pages, 0);
  const text = `已装订 ${r.volumes.length} 卷，共 ${pages} 页${r.problems.length ? `，${r.problems.length} 件材料有问题` : ''}`;
  return {
    tone: r.problems.length ? 'warning' : 'success',
    text,
    detailsTitle: '生成的案卷',
    details: r.volumes.map((v) => v.file),
  };
}
