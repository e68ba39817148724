import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { columnMappingSchema, type ColumnMapping, type SystemMeta } from '../../shared/systems/model';
import { openProject, type Project } from '../core/project/project';
import { parseImportFile, type ImportSource } from '../core/systems/import-sources';
import { commit, overview } from '../core/systems/import-service';
import { systemWorkbook } from '../core/systems/system-export';
import { getIndicators, listSystems, toSystemFile } from '../core/systems/system-repo';
import { writeFileAtomic } from '../core/store/write-file-atomic';
import { EXIT_OK, printJson, UsageError } from './cli-io';
import { readingProject, userName, type CommandArgs, type Command, jsonOption } from './command-kit';

/* `taizhang system …`: assessment systems from the command line, over the same core. */

const json = jsonOption;
const systemOption = { type: 'string', help: '测评体系编号（见 system list）；项目只有一个体系时可省略' } as const;

function twoPaths(args: CommandArgs, second: string): [string, string] {
  const [dir, file, ...rest] = args.positionals;
  if (!dir) throw new UsageError('缺少项目文件夹。');
  if (!file) throw new UsageError(`缺少${second}。`);
  if (rest.length) throw new UsageError(`多余的参数：${rest.join(' ')}`);
  return [dir, file];
}

/** The system named by --system, or the only one. */
function pickSystem(project: Project, option: unknown): number {
  const systems = listSystems(project.db);
  if (typeof option === 'string') {
    const id = Number(option);
    if (!systems.some((s) => s.id === id)) {
      throw new AppError('NOT_FOUND', `项目里没有编号为 ${option} 的测评体系。用 taizhang system list 查看编号。`);
    }
    return id;
  }
  if (systems.length === 1) return systems[0]!.id;
  if (systems.length === 0)
    throw new AppError('NOT_FOUND', '项目里还没有测评体系。请先用 taizhang system import 导入。');
  throw new UsageError(`项目里有 ${systems.length} 个测评体系，请用 --system 指定编号（见 taizhang system list）。`);
}

function readMapping(file: string): ColumnMapping {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('INVALID_INPUT', `列映射文件《${file}》读不出来或不是 JSON。`);
  }
  const parsed = columnMappingSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      `列映射文件《${file}》格式不对：需要 {"headerStart":行号,"headerEnd":行号,"columns":["level1","level2",null,…]}。`,
    );
  }
  return parsed.data;
}

function sheetIndex(sheets: { name: string }[], option: unknown, suggested: number): number {
  if (typeof option !== 'string') return suggested;
  const byName = sheets.findIndex((s) => s.name === option);
  if (byName >= 0) return byName;
  const n = Number(option);
  if (Number.isInteger(n) && n >= 1 && n <= sheets.length) return n - 1;
  throw new UsageError(
    `找不到工作表“${option}”。可用的工作表：${sheets.map((s, i) => `${i + 1} ${s.name}`).join('，')}`,
  );
}

const dateOption = (v: unknown, what: string): string | null => {
  if (v === undefined) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new UsageError(`${what}“${String(v)}”应写成 2026-03-05 这样的格式。`);
  return v;
};

export const systemCommands: Record<string, Command> = {
  'system import': {
    summary: '从 Excel / CSV / JSON 导入测评体系（有任何一行出错则整体不导入）',
    usage:
      'taizhang system import <项目文件夹> <文件> [--sheet 序号|名称] [--name 名称] [--edition 版本] [--from 开始日期 --to 结束日期] [--mapping 映射.json] [--json]',
    options: {
      sheet: { type: 'string', help: '工作表（从 1 开始的序号或名称），默认自动选择' },
      name: { type: 'string', help: '测评体系名称，默认取文件名' },
      edition: { type: 'string', help: '版本或年度，例如 2026版' },
      from: { type: 'string', help: '测评期间开始日期，例如 2025-08-01' },
      to: { type: 'string', help: '测评期间结束日期，例如 2026-07-31' },
      mapping: { type: 'string', help: '列映射 JSON 文件（不给则按表头自动识别）' },
      json,
    },
    async run(args, io) {
      const [dir, file] = twoPaths(args, '要导入的文件');
      const windowStart = dateOption(args.values.from, '开始日期');
      const windowEnd = dateOption(args.values.to, '结束日期');
      const mapping = typeof args.values.mapping === 'string' ? readMapping(args.values.mapping) : null;
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new AppError('NOT_FOUND', `找不到文件《${file}》。`);
      }
      const parsed = parseImportFile(path.basename(file), bytes);
      const source: ImportSource = { ...parsed, id: 'cli' };
      const view = overview(source);
      const sheet = sheetIndex(view.sheets, args.values.sheet, view.suggestedSheet);
      const meta: SystemMeta = {
        name:
          typeof args.values.name === 'string' ? args.values.name.trim() : (view.meta?.name ?? path.parse(file).name),
        edition: typeof args.values.edition === 'string' ? args.values.edition.trim() : (view.meta?.edition ?? ''),
        windowStart: windowStart ?? view.meta?.windowStart ?? null,
        windowEnd: windowEnd ?? view.meta?.windowEnd ?? null,
        levelNames: view.meta?.levelNames ?? [],
      };
      const project = openProject(dir, { userName: userName() });
      try {
        const result = commit(project, source, sheet, mapping, meta);
        if (args.values.json) printJson(io, { ...result, name: meta.name });
        else io.out(`已导入测评体系“${meta.name}”（编号 ${result.systemId}）：${result.indicatorCount} 条指标。`);
      } finally {
        project.close();
      }
      return EXIT_OK;
    },
  },
  'system list': {
    summary: '列出项目中的测评体系',
    usage: 'taizhang system list <项目文件夹> [--json]',
    options: { json },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const systems = listSystems(project.db);
        if (args.values.json) printJson(io, systems);
        else if (systems.length === 0) io.out('项目里还没有测评体系。');
        else {
          for (const s of systems) {
            const window =
              s.windowStart || s.windowEnd ? `，测评期间 ${s.windowStart ?? '?'} 至 ${s.windowEnd ?? '?'}` : '';
            io.out(
              `${s.id}  ${s.name}${s.edition ? `（${s.edition}）` : ''}：${s.indicatorCount} 条指标，适用 ${s.applicableCount} 条${window}`,
            );
          }
        }
        return EXIT_OK;
      });
    },
  },
  'system show': {
    summary: '显示一个测评体系的全部指标',
    usage: 'taizhang system show <项目文件夹> [--system 编号] [--json]',
    options: { system: systemOption, json },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const systemId = pickSystem(project, args.values.system);
        const system = listSystems(project.db).find((s) => s.id === systemId)!;
        const nodes = getIndicators(project.db, systemId).map(({ parentId, systemId: _s, sort: _o, ...n }) => ({
          ...n,
          parent: parentId,
        }));
        if (args.values.json) printJson(io, { system, nodes });
        else {
          io.out(`${system.name}${system.edition ? `（${system.edition}）` : ''}`);
          for (const n of nodes)
            io.out(`${'  '.repeat(n.level - 1)}${n.code} ${n.title}${n.applicable ? '' : '（不适用）'}`);
        }
        return EXIT_OK;
      });
    },
  },
  'system export': {
    summary: '把测评体系导出为 Excel（.xlsx）或 JSON',
    usage: 'taizhang system export <项目文件夹> --out <文件.xlsx|文件.json> [--system 编号] [--json]',
    options: { out: { type: 'string', help: '导出到的文件，扩展名决定格式' }, system: systemOption, json },
    async run(args, io) {
      const out = args.values.out;
      if (typeof out !== 'string') throw new UsageError('请用 --out 指定导出文件，例如 --out 测评体系.xlsx');
      const ext = path.extname(out).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.json') throw new UsageError('导出文件的扩展名应为 .xlsx 或 .json。');
      return readingProject(args, async (project) => {
        const file = toSystemFile(project.db, pickSystem(project, args.values.system));
        writeFileAtomic(out, ext === '.json' ? JSON.stringify(file, null, 2) : systemWorkbook(file));
        if (args.values.json) printJson(io, { path: path.resolve(out), indicators: file.indicators.length });
        else io.out(`已导出 ${file.indicators.length} 条指标到《${path.resolve(out)}》。`);
        return EXIT_OK;
      });
    },
  },
};
