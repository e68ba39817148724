import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { bindProject, SPINE_WIDTHS } from '../core/binder/bind';
import { runDemo } from '../core/binder/demo';
import { labelOf, planBinding } from '../core/binder/plan';
import type { BindBy, BindOptions, BindResult, NumberPosition, PlanOptions } from '../core/binder/types';
import { EXIT_OK, formatBytes, printJson, UsageError, type Io } from './cli-io';
import {
  jsonOption,
  readingProject,
  systemIdFrom,
  systemOption,
  userName,
  type Command,
  type CommandArgs,
  indicatorCodes,
  indicatorIdsByCode,
  positiveIntOption,
  stringOption,
  megabytesOption,
} from './command-kit';

/* `taizhang bind` (装订成卷) and `taizhang demo`. The --json output of bind is a public interface (issue 6). */

const BY: readonly BindBy[] = ['top', 'second', 'all'];
const POSITIONS: readonly NumberPosition[] = ['outer-top', 'outer-bottom', 'bottom-center'];

function planOptions(db: Database, args: CommandArgs): PlanOptions {
  const v = args.values;
  const systemId = systemIdFrom(args, db);
  const by = stringOption(v.by);
  if (by !== undefined && !BY.includes(by as BindBy)) {
    throw new UsageError(`--by 只能是 top（每个一级指标一卷）、second（每个二级指标一卷）或 all（整个体系一卷）。`);
  }
  const codes = indicatorCodes(args);
  return {
    systemId,
    by: by as BindBy | undefined,
    indicatorIds: codes.length > 0 ? indicatorIdsByCode(db, systemId, codes) : undefined,
    maxPages: positiveIntOption(v['max-pages'], '每卷页数上限'),
    maxVolumeBytes: megabytesOption(v['max-mb']),
    linkedItems: v['reference-linked'] === true ? 'reference' : undefined,
    photosPerPage: v['two-photos'] === true ? 2 : undefined,
  };
}

function printResult(io: Io, r: BindResult): void {
  for (const v of r.volumes) {
    const part = v.parts > 1 ? `（第${v.part}卷 共${v.parts}卷）` : '';
    const refs = v.references.length > 0 ? `，另有 ${v.references.length} 件见其他位置` : '';
    io.out(
      `${v.title}${part}：${v.index.length} 件${refs}，${v.pages} 页（材料 ${v.itemPages} 页），${formatBytes(v.bytes)}`,
    );
    io.out(`  ${v.file}`);
  }
  if (r.spine) io.out(`卷脊：${r.spine}`);
  for (const p of r.problems) io.out(`未能装订：${p.title}：${p.message}`);
  for (const w of r.warnings) io.out(`提示：${w}`);
}

export const bindCommands: Record<string, Command> = {
  bind: {
    summary: '装订成卷：生成带封面、卷内目录、页码、书签和备考表的 PDF 案卷',
    usage:
      'taizhang bind <项目文件夹> --out 文件夹 [--system 编号] [--by top|second|all] [--indicator 编码]… [--max-pages 页数] [--max-mb 兆字节] [--reference-linked] [--two-photos] [--plan] [--json]',
    options: {
      out: { type: 'string', help: '案卷保存到这个文件夹' },
      system: systemOption,
      by: { type: 'string', help: '分卷方式：top 每个一级指标一卷（默认）；second 每个二级指标一卷；all 整个体系一卷' },
      indicator: { type: 'string', multiple: true, help: '只装订这些指标（编码，可重复），每个一卷' },
      'max-pages': { type: 'string', help: '每卷材料页数上限，超过时在两件材料之间分卷（默认 300）' },
      'max-mb': { type: 'string', help: '每卷大小上限（兆字节，按已存文件大小估算），超过时在两件材料之间分卷' },
      'reference-linked': {
        type: 'boolean',
        help: '关联多个指标的材料只装订一次，其他指标下在卷内目录中注明“见第X卷第Y页”（默认每处都装订）',
      },
      'two-photos': { type: 'boolean', help: '每页两张照片（同一指标下相邻的单张照片上下排列，各带说明）' },
      plan: { type: 'boolean', help: '只显示装订计划（卷内目录预览），不生成文件' },
      date: { type: 'string', help: '立卷时间，例如 2026-03-05（默认今天）' },
      filer: { type: 'string', help: '立卷人' },
      checker: { type: 'string', help: '检查人' },
      retention: { type: 'string', help: '保管期限（默认 定期10年）' },
      'archive-code': { type: 'string', help: '档号前缀，卷号会接在后面' },
      'number-position': {
        type: 'string',
        help: '页码位置：outer-top（默认，正面右上、背面左上）、outer-bottom、bottom-center',
      },
      simplex: { type: 'boolean', help: '单面打印（页码和装订边不分正反面）' },
      margin: { type: 'string', help: '装订边宽度，毫米（默认 25）' },
      dividers: { type: 'boolean', help: '每个指标前加分隔页' },
      spine: { type: 'string', help: `同时生成卷脊标签 卷脊.pdf，宽度（毫米）：${SPINE_WIDTHS.join('/')}` },
      font: { type: 'string', help: '字体文件（例如 C:\\Windows\\Fonts\\simfang.ttf）' },
      json: jsonOption,
    },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const v = args.values;
        const plan = planOptions(project.db, args);
        if (v.plan) {
          const p = planBinding(project.db, plan);
          if (v.json) {
            printJson(io, p);
            return EXIT_OK;
          }
          for (const vol of p.volumes) {
            const part = vol.parts > 1 ? `（第${vol.part}卷 共${vol.parts}卷）` : '';
            // The number 见第X卷 refers to: the run's order, as in the file names.
            io.out(
              `【${String(vol.seq).padStart(2, '0')} ${vol.title}${part}】${vol.itemCount} 件，约 ${vol.pageCount} 页`,
            );
            for (const s of vol.sections) {
              io.out(`  ${labelOf(s.indicator)}`);
              for (const item of s.items) {
                const title = item.titleMadeUp ? `[${item.title}]` : item.title;
                if (item.seeAlso) {
                  io.out(`    ${''.padEnd(8)} ${title}（见第${item.seeAlso.volume}卷第${item.seeAlso.page}页）`);
                  continue;
                }
                const pages =
                  item.startPage === item.endPage ? `${item.startPage}` : `${item.startPage}-${item.endPage}`;
                io.out(`    ${pages.padEnd(8)} ${title}`);
              }
            }
          }
          if (p.volumes.length === 0) io.out('没有可装订的材料。');
          return EXIT_OK;
        }
        const out = stringOption(v.out);
        if (!out) throw new UsageError('缺少 --out：请指定案卷保存到哪个文件夹。');
        const position = stringOption(v['number-position']);
        if (position !== undefined && !POSITIONS.includes(position as NumberPosition)) {
          throw new UsageError(`--number-position 只能是 ${POSITIONS.join('、')}。`);
        }
        const margin = stringOption(v.margin);
        const options: BindOptions = {
          ...plan,
          outDir: path.resolve(out),
          date: stringOption(v.date),
          filer: stringOption(v.filer),
          checker: stringOption(v.checker),
          retention: stringOption(v.retention),
          archiveCode: stringOption(v['archive-code']),
          numberPosition: position as NumberPosition | undefined,
          duplex: v.simplex ? false : undefined,
          bindingMarginMm: margin === undefined ? undefined : Number(margin),
          dividers: v.dividers === true,
          spineWidthMm: positiveIntOption(v.spine, '卷脊宽度'),
          fontFile: stringOption(v.font),
        };
        const result = await bindProject(project, options);
        if (v.json) printJson(io, result);
        else printResult(io, result);
        return EXIT_OK;
      });
    },
  },
  demo: {
    summary: '演示：用内置示例体系和生成的示例材料新建项目并装订成卷',
    usage: 'taizhang demo [文件夹（默认 ./demo-output）] [--json]',
    options: { json: jsonOption },
    async run(args, io) {
      const [dir = 'demo-output', ...rest] = args.positionals;
      if (rest.length) throw new UsageError(`多余的参数：${rest.join(' ')}`);
      const demo = await runDemo(dir, {
        userName: userName(),
        onStep: (m) => (args.values.json ? undefined : io.out(m)),
      });
      if (args.values.json) {
        printJson(io, { ...demo.result, project: demo.projectDir, sources: demo.sourcesDir, bindMs: demo.bindMs });
        return EXIT_OK;
      }
      printResult(io, demo.result);
      if (!demo.office) io.out('提示：未找到 LibreOffice，演示中没有加入 Word 文件（安装后重新运行即可）。');
      io.out('');
      io.out(`示例项目：${demo.projectDir}`);
      io.out(`示例材料：${demo.sourcesDir}`);
      io.out(`案卷已生成在：${demo.volumesDir}（装订用时 ${(demo.bindMs / 1000).toFixed(1)} 秒）`);
      return EXIT_OK;
    },
  },
};
