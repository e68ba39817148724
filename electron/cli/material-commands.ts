import { AppError } from '../../shared/ipc/result';
import {
  MATERIAL_STATUSES,
  STATUS_LABELS,
  type AddReport,
  type Material,
  type MaterialStatus,
} from '../../shared/materials/api-types';
import type { Database } from 'better-sqlite3';
import { addMaterials } from '../core/materials/add-materials';
import { suggestLinks } from '../core/materials/link-suggest';
import { emptyTrash } from '../core/materials/empty-trash';
import {
  countMaterials,
  linkMaterials,
  listMaterials,
  restoreMaterials,
  setStatus,
  trashMaterials,
  unlinkMaterials,
  updateMaterials,
} from '../core/materials/material-repo';
import { openProject, type Project } from '../core/project/project';
import { EXIT_FAILED, EXIT_OK, formatBytes, printJson, UsageError, type Io } from './cli-io';
import { indicatorCodes, readingProject, userName, type Command, type CommandArgs, jsonOption } from './command-kit';

/* `taizhang add / materials / link / unlink / set / status / trash / restore / empty-trash`. */

const json = jsonOption;
const indicatorOption = { type: 'string', help: '指标编码，例如 A1.2.3', multiple: true } as const;

/** The indicator with this code; codes repeat across systems, so an ambiguous one is refused. */
function indicatorByCode(db: Database, code: string): number {
  const rows = db
    .prepare('SELECT i.id, s.name FROM indicators i JOIN systems s ON s.id = i.system_id WHERE i.code = ?')
    .all(code.trim()) as { id: number; name: string }[];
  if (rows.length === 0)
    throw new AppError('NOT_FOUND', `找不到编码为“${code}”的指标。用 taizhang system show 查看编码。`);
  if (rows.length > 1) {
    throw new AppError(
      'CONFLICT',
      `编码“${code}”在多个测评体系中都有（${rows.map((r) => r.name).join('、')}），无法确定是哪一个。`,
    );
  }
  return rows[0]!.id;
}

function ids(raw: string[], what = '材料编号'): number[] {
  if (raw.length === 0) throw new UsageError(`缺少${what}。`);
  return raw.map((r) => {
    const n = Number(r);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${what}“${r}”应是正整数。`);
    return n;
  });
}

/** Opens the project named first for writing, runs `work`, closes it. */
async function writingProject(
  args: CommandArgs,
  work: (project: Project, rest: string[]) => Promise<number>,
): Promise<number> {
  const [dir, ...rest] = args.positionals;
  if (!dir) throw new UsageError('缺少项目文件夹。');
  const project = openProject(dir, { userName: userName() });
  try {
    return await work(project, rest);
  } finally {
    project.close();
  }
}

function printMaterials(io: Io, list: Material[]): void {
  if (list.length === 0) return io.out('没有符合条件的材料。');
  for (const m of list) {
    io.out(
      `${m.id}\t${m.date ?? '（无日期）'}\t${m.type || '-'}\t${STATUS_LABELS[m.status]}\t${m.pages}页\t${m.title}`,
    );
  }
}

type AutoLinked = { id: number; code: string; matched: string };

/** --auto: takes the suggestions from folder and file names without asking (the UI asks). */
function autoLink(project: Project, ids: number[]): AutoLinked[] {
  if (ids.length === 0) return [];
  const out: AutoLinked[] = [];
  const codeOf = project.db.prepare('SELECT code FROM indicators WHERE id = ?').pluck();
  for (const s of suggestLinks(project.db, ids)) {
    linkMaterials(project, [s.materialId], s.indicatorId);
    out.push({ id: s.materialId, code: String(codeOf.get(s.indicatorId)), matched: s.matched });
  }
  return out;
}

export const materialCommands: Record<string, Command> = {
  add: {
    summary: '添加文件或文件夹为材料（原件按内容只存一份，不会被修改）',
    usage: 'taizhang add <项目文件夹> <文件或文件夹…> [--indicator 编码]… [--auto] [--password 密码] [--json]',
    options: {
      indicator: indicatorOption,
      auto: { type: 'boolean', help: '按文件夹名、文件名中的指标编码或名称自动关联指标' },
      password: { type: 'string', help: '加密 PDF 的打开密码' },
      json,
    },
    async run(args, io) {
      return writingProject(args, async (project, paths) => {
        if (paths.length === 0) throw new UsageError('缺少要添加的文件或文件夹。');
        const indicatorIds = indicatorCodes(args).map((c) => indicatorByCode(project.db, c));
        const report: AddReport & { autoLinked?: AutoLinked[] } = await addMaterials(project, paths, {
          indicatorIds,
          password: typeof args.values.password === 'string' ? args.values.password : undefined,
          onProgress: args.values.json
            ? undefined
            : (done, total) => done % 100 === 0 && io.err(`已处理 ${done}/${total}`),
        });
        if (args.values.auto)
          report.autoLinked = autoLink(
            project,
            report.added.map((a) => a.id),
          );
        if (args.values.json) printJson(io, report);
        else {
          io.out(
            `已添加 ${report.added.length} 件，已存在 ${report.duplicates.length} 件，失败 ${report.failed.length} 个。`,
          );
          for (const d of report.duplicates) io.out(`已存在：${d.path}（材料 ${d.existingId}）`);
          for (const l of report.autoLinked ?? [])
            io.out(`已自动关联：材料 ${l.id} → ${l.code}（名称中的“${l.matched}”）`);
        }
        for (const f of report.failed) io.err(`失败：${f.message}`);
        if (report.failed.some((f) => f.code === 'ENCRYPTED'))
          io.err('提示：设有打开密码的 PDF，请加 --password 密码 重新添加。');
        return report.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
      });
    },
  },
  materials: {
    summary: '列出材料',
    usage: 'taizhang materials <项目文件夹> [--indicator 编码] [--status 状态] [--inbox] [--trash] [--json]',
    options: {
      indicator: { type: 'string', help: '只列出这个指标下的材料' },
      status: { type: 'string', help: `状态：${MATERIAL_STATUSES.map((s) => `${s}(${STATUS_LABELS[s]})`).join('、')}` },
      inbox: { type: 'boolean', help: '只列出待归类的材料' },
      trash: { type: 'boolean', help: '列出回收站里的材料' },
      json,
    },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const status = args.values.status;
        if (status !== undefined && !MATERIAL_STATUSES.includes(status as MaterialStatus)) {
          throw new UsageError(`状态“${String(status)}”无效，可用：${MATERIAL_STATUSES.join('、')}`);
        }
        const code = args.values.indicator;
        const list = listMaterials(project.db, {
          indicatorId: typeof code === 'string' ? indicatorByCode(project.db, code) : undefined,
          status: status as MaterialStatus | undefined,
          inbox: args.values.inbox === true,
          trash: args.values.trash === true,
        });
        if (args.values.json) printJson(io, list);
        else printMaterials(io, list);
        return EXIT_OK;
      });
    },
  },
  link: {
    summary: '把材料关联到指标（一件材料可以关联多个指标）',
    usage: 'taizhang link <项目文件夹> <材料编号…> --indicator 编码 [--json]',
    options: { indicator: { type: 'string', help: '指标编码' }, json },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        if (typeof args.values.indicator !== 'string') throw new UsageError('请用 --indicator 指定指标编码。');
        const r = linkMaterials(project, ids(rest), indicatorByCode(project.db, args.values.indicator));
        if (args.values.json) printJson(io, r);
        else io.out(`已关联 ${r.linked} 件。`);
        return EXIT_OK;
      });
    },
  },
  unlink: {
    summary: '解除材料与指标的关联',
    usage: 'taizhang unlink <项目文件夹> <材料编号…> --indicator 编码 [--json]',
    options: { indicator: { type: 'string', help: '指标编码' }, json },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        if (typeof args.values.indicator !== 'string') throw new UsageError('请用 --indicator 指定指标编码。');
        const r = unlinkMaterials(project, ids(rest), indicatorByCode(project.db, args.values.indicator));
        if (args.values.json) printJson(io, r);
        else io.out(`已解除 ${r.unlinked} 件的关联。`);
        return EXIT_OK;
      });
    },
  },
  set: {
    summary: '修改材料的题名、日期、类型等（可一次改多件）',
    usage:
      'taizhang set <项目文件夹> <材料编号…> [--title 题名] [--date 2026-03-05] [--type 类型] [--doc-no 文号] [--responsible 责任者] [--note 备注] [--json]',
    options: {
      title: { type: 'string', help: '题名' },
      date: { type: 'string', help: '日期，例如 2026-03-05' },
      type: { type: 'string', help: '类型，例如 方案、照片、会议记录' },
      'doc-no': { type: 'string', help: '文号' },
      responsible: { type: 'string', help: '责任者' },
      note: { type: 'string', help: '备注' },
      json,
    },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        const v = args.values;
        const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
        if (v.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(v.date)))
          throw new UsageError(`日期“${String(v.date)}”应写成 2026-03-05。`);
        const patch = {
          title: str(v.title),
          date: str(v.date),
          type: str(v.type),
          docNo: str(v['doc-no']),
          responsible: str(v.responsible),
          note: str(v.note),
        };
        if (Object.values(patch).every((x) => x === undefined))
          throw new UsageError('请至少指定一项要修改的内容，例如 --title。');
        const list = updateMaterials(project, ids(rest), patch);
        if (v.json) printJson(io, list);
        else io.out(`已修改 ${list.length} 件。`);
        return EXIT_OK;
      });
    },
  },
  status: {
    summary: '设置材料的整理状态',
    usage: `taizhang status <项目文件夹> <材料编号> <${MATERIAL_STATUSES.join('|')}> [--comment 说明] [--json]`,
    options: { comment: { type: 'string', help: '说明（设为 incomplete 待补充时必填：还缺什么）' }, json },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        const [idText, status] = rest;
        if (!status || !MATERIAL_STATUSES.includes(status as MaterialStatus)) {
          throw new UsageError(`请指定状态：${MATERIAL_STATUSES.map((s) => `${s}(${STATUS_LABELS[s]})`).join('、')}`);
        }
        const list = setStatus(
          project,
          ids(idText ? [idText] : []),
          status as MaterialStatus,
          String(args.values.comment ?? ''),
        );
        if (args.values.json) printJson(io, list[0]);
        else io.out(`材料 ${list[0]!.id} 已设为“${STATUS_LABELS[list[0]!.status]}”。`);
        return EXIT_OK;
      });
    },
  },
  trash: {
    summary: '把材料移到回收站（可恢复）',
    usage: 'taizhang trash <项目文件夹> <材料编号…> [--json]',
    options: { json },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        const r = trashMaterials(project, ids(rest));
        if (args.values.json) printJson(io, r);
        else io.out(`已移到回收站 ${r.trashed} 件。`);
        return EXIT_OK;
      });
    },
  },
  restore: {
    summary: '从回收站恢复材料',
    usage: 'taizhang restore <项目文件夹> <材料编号…> [--json]',
    options: { json },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        const r = restoreMaterials(project, ids(rest));
        if (args.values.json) printJson(io, r);
        else io.out(`已恢复 ${r.restored} 件。`);
        return EXIT_OK;
      });
    },
  },
  'empty-trash': {
    summary: '清空回收站：永久删除回收站里的材料（不能恢复）',
    usage: 'taizhang empty-trash <项目文件夹> [材料编号…] --yes [--json]',
    options: { yes: { type: 'boolean', help: '确认永久删除（不加则只显示将删除多少件）' }, json },
    async run(args, io) {
      return writingProject(args, async (project, rest) => {
        const chosen = rest.length > 0 ? ids(rest) : undefined;
        if (!args.values.yes) {
          const count = chosen?.length ?? countMaterials(project.db).trash;
          throw new UsageError(`清空回收站会永久删除 ${count} 件材料及其文件，不能恢复。确认无误后加上 --yes 再运行。`);
        }
        const r = emptyTrash(project, chosen);
        if (args.values.json) printJson(io, r);
        else
          io.out(`已永久删除 ${r.deleted} 件材料，删除文件 ${r.filesRemoved} 个，释放 ${formatBytes(r.bytesFreed)}。`);
        return EXIT_OK;
      });
    },
  },
};
