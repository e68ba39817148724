import os from 'node:os';
import { openProject, type Project } from '../core/project/project';
import { UsageError } from './cli-io';
import type { Io } from './cli-io';

/* What every CLI command is made of: its arguments, and opening the project it names. */

export type CommandArgs = {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
};

export type Command = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; help: string; multiple?: boolean }>;
  run(args: CommandArgs, io: Io): Promise<number>;
};

export function userName(): string {
  try {
    return os.userInfo().username || '命令行';
  } catch {
    return '命令行';
  }
}

export function onePath(args: CommandArgs, what: string): string {
  const [dir, ...rest] = args.positionals;
  if (!dir) throw new UsageError(`缺少${what}。`);
  if (rest.length) throw new UsageError(`多余的参数：${rest.join(' ')}`);
  return dir;
}

/** Opens the project named by the one positional argument without taking its lock, so it works while the app has it open. */
export async function readingProject(args: CommandArgs, work: (project: Project) => Promise<number>): Promise<number> {
  const project = openProject(onePath(args, '项目文件夹'), { userName: userName(), readOnly: true });
  try {
    return await work(project);
  } finally {
    project.close();
  }
}

/** The --json option every listing command has. */
export const jsonOption = { type: 'boolean', help: '以 JSON 输出，供脚本使用' } as const;
