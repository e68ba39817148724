import path from 'node:path';
import { GAP_STATUS_LABELS } from '../../shared/gaps/model';
import { checkGaps, gapReport } from '../core/gaps/gap-service';
import { writeFileAtomic } from '../core/store/write-file-atomic';
import { EXIT_OK, printJson, UsageError } from './cli-io';
import { jsonOption, readingProject, systemIdFrom, systemOption, type Command } from './command-kit';

/* `taizhang gaps`: 查漏补缺 from the command line, as JSON for scripts or an .xlsx report. */

export const gapCommands: Record<string, Command> = {
  gaps: {
    summary: '查漏补缺：按检查规则找出缺少的材料',
    usage: 'taizhang gaps <项目文件夹> [--system 编号] [--json] [--out 报告.xlsx|报告.pdf]',
    options: {
      system: systemOption,
      out: { type: 'string', help: '把报告保存为 .xlsx 或 .pdf 文件' },
      json: jsonOption,
    },
    async run(args, io) {
      return readingProject(args, async (project) => {
        const systemId = systemIdFrom(args, project.db);
        const { result } = checkGaps(project.db, systemId);
        const out = args.values.out;
        if (typeof out === 'string') {
          const ext = path.extname(out).toLowerCase();
          if (ext !== '.xlsx' && ext !== '.pdf') {
            throw new UsageError('报告可以保存为 .xlsx 或 .pdf 文件（例如 --out 查漏补缺.xlsx）。');
          }
          const format = ext === '.pdf' ? 'pdf' : 'xlsx';
          writeFileAtomic(path.resolve(out), (await gapReport(project.db, systemId, format)).bytes);
        }
        if (args.values.json) {
          printJson(io, {
            summary: result.summary,
            indicators: result.indicators.map((r) => ({
              code: r.code,
              title: r.title,
              status: r.status,
              findings: r.findings.map(({ rule, period, need, have, message }) => ({
                rule,
                period,
                need,
                have,
                message,
              })),
            })),
          });
          return EXIT_OK;
        }
        const s = result.summary;
        io.out(`齐全 ${s.complete}，部分 ${s.partial}，缺失 ${s.missing}，无要求 ${s.none}（按末级指标计）`);
        for (const r of result.indicators) {
          if (r.findings.length === 0) continue;
          io.out(`${r.code} ${r.title}【${GAP_STATUS_LABELS[r.status]}】`);
          for (const f of r.findings) io.out(`  · ${f.message}`);
        }
        if (typeof out === 'string') io.out(`报告已保存：${path.resolve(out)}`);
        return EXIT_OK;
      });
    },
  },
};
