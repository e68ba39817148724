import { backupProject, backupTarget } from '../core/project/backup';
import { restoreBackup } from '../core/project/restore';
import { EXIT_OK, formatBytes, printJson, UsageError } from './cli-io';
import { jsonOption, onePath, readingProject, stringOption, type Command } from './command-kit';

/*
 * `taizhang backup` and `taizhang restore-backup` (`restore` is the trash's, from issue 4). Their --json is a public interface (issue 8):
 * backup {zipPath, files, bytes}, restore-backup {dir, name, year, files}; names stay, more may be added.
 */

export const backupCommands: Record<string, Command> = {
  backup: {
    summary: '把项目（数据库和全部原始文件）备份成一个 .taizhang 文件，可在台账通打开时进行',
    usage: 'taizhang backup <项目文件夹> --out <备份文件或文件夹> [--json]',
    options: {
      out: { type: 'string', help: '备份文件（.taizhang 或 .zip）；给文件夹时自动命名' },
      json: jsonOption,
    },
    async run(args, io) {
      const out = stringOption(args.values.out);
      if (!out) throw new UsageError('缺少 --out：备份保存到哪里，例如 --out E:\\台账备份');
      // Read-only: works while the app has the project open (the database is copied consistently).
      return readingProject(args, async (project) => {
        const result = await backupProject(project, backupTarget(project, out));
        if (args.values.json) printJson(io, result);
        else io.out(`已备份到《${result.zipPath}》（${result.files} 个文件，${formatBytes(result.bytes)}）。`);
        return EXIT_OK;
      });
    },
  },
  'restore-backup': {
    summary: '把 .taizhang 备份恢复到一个空文件夹（或新文件夹），并检查每个文件是否完好',
    usage: 'taizhang restore-backup <备份文件> --to <空文件夹> [--json]',
    options: {
      to: { type: 'string', help: '恢复到的文件夹：不存在，或是空的' },
      json: jsonOption,
    },
    async run(args, io) {
      const file = onePath(args, '备份文件');
      const to = stringOption(args.values.to);
      if (!to) throw new UsageError('缺少 --to：恢复到哪个空文件夹，例如 --to D:\\台账资料\\2026年创文');
      const result = await restoreBackup(file, to);
      if (args.values.json) printJson(io, result);
      else io.out(`已恢复“${result.name}”（${result.year}年度，${result.files} 个文件）到：${result.dir}`);
      return EXIT_OK;
    },
  },
};
