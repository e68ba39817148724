import path from 'node:path';
import { exportSubmission, type ExportResult } from '../core/binder/export-submission';
import { labelOf } from '../core/binder/plan';
import { EXIT_OK, formatBytes, printJson, UsageError, type Io } from './cli-io';
import {
  indicatorCodes,
  indicatorIdsByCode,
  jsonOption,
  megabytesOption,
  readingProject,
  stringOption,
  systemIdFrom,
  type Command,
} from './command-kit';

/*
 * `taizhang export-submission` (网上申报): a folder per indicator, a PDF per item (or per
 * indicator), 材料索引.xlsx. Its --json output is a public interface (issue 6 point 10):
 * {outDir, index, folders[].{code,title,dir,files[].{file,itemId,title,pages,bytes}},
 * problems[].{itemId,title,file,message}, warnings[]}.
 */

function printResult(io: Io, r: ExportResult, merged: boolean): void {
  let files = 0;
  for (const f of r.folders) {
    const distinct = new Set(f.files.map((x) => x.file));
    files += distinct.size;
    const pages = f.files.reduce((n, x) => n + x.pages, 0);
    io.out(`${labelOf(f)}：${f.files.length} 件，${pages} 页${merged ? '（合并为 1 个文件）' : ''}`);
    for (const file of distinct) {
      const bytes = f.files.find((x) => x.file === file)!.bytes;
      io.out(`  ${path.basename(file)}（${formatBytes(bytes)}）`);
    }
  }
  for (const p of r.problems) io.out(`未能导出：${p.message}`);
  for (const w of r.warnings) io.out(`提示：${w}`);
  io.out(`共 ${r.folders.length} 个指标文件夹、${files} 个 PDF，保存在：${r.outDir}`);
  io.out(`材料索引：${r.index}`);
}

export const exportCommands: Record<string, Command> = {
  'export-submission': {
    summary: '网上申报：按指标导出文件夹，每件材料一个 PDF（或每个指标一个），并生成材料索引.xlsx',
    usage:
      'taizhang export-submission <项目文件夹> --out 文件夹 [--system 编号] [--indicator 编码]… [--merge] [--max-mb N] [--date 日期] [--json]',
    options: {
      out: { type: 'string', help: '导出到这个文件夹（最好是空文件夹，路径尽量短）' },
      system: { type: 'string', help: '测评体系编号（默认第一个）' },
      indicator: { type: 'string', multiple: true, help: '只导出这些指标（编码，可重复，含下级指标）' },
      merge: { type: 'boolean', help: '每个指标合并为一个 PDF（带书签），而不是每件材料一个' },
      'max-mb': { type: 'string', help: '每个 PDF 的大小上限（MB，例如 2）：超过时压缩其中的图片' },
      date: { type: 'string', help: '写入 PDF 的日期，例如 2026-03-05（默认今天）' },
      font: { type: 'string', help: '照片说明文字的字体文件（例如 C:\\Windows\\Fonts\\simfang.ttf）' },
      json: jsonOption,
    },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const v = args.values;
        const out = stringOption(v.out);
        if (!out) throw new UsageError('缺少 --out：请指定导出到哪个文件夹。');
        const maxFileBytes = megabytesOption(v['max-mb']);
        const systemId = systemIdFrom(args, project.db);
        const codes = indicatorCodes(args);
        const result = await exportSubmission(project, {
          systemId,
          outDir: path.resolve(out),
          merge: v.merge === true,
          maxFileBytes,
          indicatorIds: codes.length > 0 ? indicatorIdsByCode(project.db, systemId, codes) : undefined,
          date: stringOption(v.date),
          fontFile: stringOption(v.font),
        });
        if (v.json) printJson(io, result);
        else printResult(io, result, v.merge === true);
        return EXIT_OK;
      });
    },
  },
};
