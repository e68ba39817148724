import type { SearchHit, SearchKind } from '../../shared/ipc/contract-search';
import { openProject } from '../core/project/project';
import { reindex } from '../core/search/reindex';
import { search } from '../core/search/search-service';
import { EXIT_OK, printJson, UsageError, type Io } from './cli-io';
import { jsonOption, positiveIntOption, userName, type Command } from './command-kit';

/*
 * `taizhang search` and `taizhang reindex`. The --json of search is a public interface
 * (issue 7): {hits:[{kind, id, code?, title, snippet?, score}]}, plus page/fileId for a
 * material found by its page text, systemId and match; names stay, more may be added.
 */

const KINDS: Record<string, SearchKind> = { indicator: 'indicator', material: 'material', all: 'all' };

function printHits(io: Io, hits: SearchHit[]): void {
  if (hits.length === 0) return io.out('没有找到。');
  for (const h of hits) {
    if (h.kind === 'indicator') {
      io.out(`[指标] ${h.code ? `${h.code} ` : ''}${h.title}`);
    } else {
      const where = h.page !== undefined ? `（第 ${h.page} 页）` : '';
      io.out(`[材料] #${h.id} ${h.title}${where}`);
    }
    if (h.snippet) io.out(`    ${h.snippet}`);
  }
}

export const searchCommands: Record<string, Command> = {
  search: {
    summary: '搜索指标（编码、名称、拼音）和材料（题名、文号、责任者、全文）',
    usage: 'taizhang search <项目文件夹> <搜索词> [--type indicator|material] [--system 编号] [--limit 条数] [--json]',
    options: {
      type: { type: 'string', help: '只搜索 indicator（指标）或 material（材料），默认都搜' },
      system: { type: 'string', help: '只搜索这个测评体系的指标（编号见 taizhang system list）' },
      limit: { type: 'string', help: '最多显示多少条（默认 50）' },
      json: jsonOption,
    },
    async run(args, io) {
      const [dir, ...words] = args.positionals;
      if (!dir) throw new UsageError('缺少项目文件夹。');
      const text = words.join(' ').trim();
      if (!text) throw new UsageError('缺少搜索词，例如：taizhang search 项目 B3.2');
      const type = args.values.type;
      const kind = type === undefined ? 'all' : typeof type === 'string' ? KINDS[type] : undefined;
      if (!kind) throw new UsageError('--type 只能是 indicator（指标）或 material（材料）。');
      const systemId = positiveIntOption(args.values.system, '测评体系编号');
      const limit = positiveIntOption(args.values.limit, '条数');
      if (limit !== undefined && limit > 500) throw new UsageError('--limit 最多 500。');
      const project = openProject(dir, { userName: userName(), readOnly: true });
      try {
        const result = search(project.db, { text, kind, systemId, limit });
        if (args.values.json) printJson(io, { hits: result.hits });
        else printHits(io, result.hits);
        return EXIT_OK;
      } finally {
        project.close();
      }
    },
  },
  reindex: {
    summary: '重建搜索索引（平时自动保持最新；数据库被其他工具改动后使用）',
    usage: 'taizhang reindex <项目文件夹> [--json]',
    options: { json: jsonOption },
    async run(args, io) {
      const [dir, ...rest] = args.positionals;
      if (!dir) throw new UsageError('缺少项目文件夹。');
      if (rest.length) throw new UsageError(`多余的参数：${rest.join(' ')}`);
      const project = openProject(dir, { userName: userName() });
      try {
        const result = await reindex(project.db);
        if (args.values.json) printJson(io, result);
        else
          io.out(
            `已重建搜索索引：材料 ${result.items} 件，页面文字 ${result.pages} 页，用时 ${(result.ms / 1000).toFixed(1)} 秒。`,
          );
        return EXIT_OK;
      } finally {
        project.close();
      }
    },
  },
};
