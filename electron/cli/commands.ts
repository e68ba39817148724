import type { ProjectInfo, VerifyReport } from '../../shared/ipc/contract';
import { createProject } from '../core/project/project';
import { verifyProject } from '../core/project/verify';
import { formatBytes, printJson, UsageError, type Io, EXIT_FAILED, EXIT_OK } from './cli-io';
import { backupCommands } from './backup-commands';
import { bindCommands } from './bind-commands';
import { onePath, readingProject, userName, type Command, jsonOption } from './command-kit';
import { exportCommands } from './export-commands';
import { gapCommands } from './gap-commands';
import { materialCommands } from './material-commands';
import { searchCommands } from './search-commands';
import { systemCommands } from './system-commands';

function printInfo(io: Io, info: ProjectInfo): void {
  io.out(
    [
      `项目：${info.name}（${info.year}年度）`,
      `位置：${info.dir}`,
      `创建于：${info.createdAt.slice(0, 10)}`,
      `测评体系 ${info.counts.systems} 个，指标 ${info.counts.indicators} 条，材料 ${info.counts.materials} 件，文件 ${info.counts.files} 个（${formatBytes(info.storeBytes)}）`,
      `数据库版本：${info.schemaVersion}`,
    ].join('\n'),
  );
}

function printVerify(io: Io, report: VerifyReport): void {
  io.out(`已校验 ${report.checkedFiles} 个文件，正常 ${report.okFiles} 个。`);
  for (const m of report.missing) io.out(`缺失：${m.names.join('、') || m.sha256}（${m.sha256.slice(0, 12)}）`);
  for (const c of report.corrupt) io.out(`已损坏：${c.names.join('、') || c.sha256}（${c.sha256.slice(0, 12)}）`);
  if (report.orphans.length) io.out(`另有 ${report.orphans.length} 个文件未被任何材料引用（不影响使用，已保留）。`);
  if (report.ok) io.out('结论：项目文件完好。');
}

function verifyProblem(report: VerifyReport): string {
  return `发现问题：缺失 ${report.missing.length} 个文件，损坏 ${report.corrupt.length} 个文件。请用备份恢复这些文件，或重新添加相应材料。`;
}

const json = jsonOption;

/** The command groups as one table; a name given twice would silently replace a public command, so it throws. */
function oneTable(...groups: Record<string, Command>[]): Record<string, Command> {
  const table: Record<string, Command> = {};
  for (const group of groups) {
    for (const [name, command] of Object.entries(group)) {
      if (name in table) throw new Error(`CLI command "${name}" is defined twice`);
      table[name] = command;
    }
  }
  return table;
}

const projectCommands: Record<string, Command> = {
  init: {
    summary: '在空文件夹中新建项目',
    usage: 'taizhang init <文件夹> [--name 单位名称] [--year 年度] [--json]',
    options: {
      name: { type: 'string', help: '单位名称（全宗名称），默认取文件夹名' },
      year: { type: 'string', help: '年度，默认今年' },
      json,
    },
    async run(args, io) {
      const dir = onePath(args, '项目文件夹');
      const year = args.values.year === undefined ? new Date().getFullYear() : Number(args.values.year);
      if (!Number.isInteger(year) || year < 1949 || year > 2100) {
        throw new UsageError(
          `年度“${String(args.values.year)}”无效，请填写四位年份，例如 ${new Date().getFullYear()}。`,
        );
      }
      const fallbackName = dir.split(/[\\/]/).filter(Boolean).pop() ?? '未命名单位';
      const rawName = typeof args.values.name === 'string' ? args.values.name.trim() : fallbackName;
      if (!rawName) throw new UsageError('单位名称不能为空。');
      const project = createProject(dir, { name: rawName, year }, { userName: userName() });
      try {
        const info = project.info();
        if (args.values.json) printJson(io, info);
        else io.out(`已新建项目“${info.name}”（${info.year}年度）：${info.dir}`);
      } finally {
        project.close();
      }
      return EXIT_OK;
    },
  },
  info: {
    summary: '显示项目概况',
    usage: 'taizhang info <项目文件夹> [--json]',
    options: { json },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const info = project.info();
        if (args.values.json) printJson(io, info);
        else printInfo(io, info);
        return EXIT_OK;
      });
    },
  },
  verify: {
    summary: '重新计算每个文件的校验值，找出缺失或损坏的文件（只读，不修改任何内容）',
    usage: 'taizhang verify <项目文件夹> [--json]',
    options: { json },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const report = await verifyProject(project);
        if (args.values.json) printJson(io, report);
        else printVerify(io, report);
        if (report.ok) return EXIT_OK;
        io.err(`错误：${verifyProblem(report)}`);
        return EXIT_FAILED;
      });
    },
  },
};

export const commands: Record<string, Command> = oneTable(
  systemCommands,
  materialCommands,
  gapCommands,
  bindCommands,
  exportCommands,
  searchCommands,
  backupCommands,
  projectCommands,
);
