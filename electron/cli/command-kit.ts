import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { defaultSystemId } from '../core/gaps/gap-service';
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

/** --system for commands that work on one assessment system, the project's first by default. */
export const systemOption = { type: 'string', help: '测评体系编号（默认第一个，见 taizhang system list）' } as const;

/**
 * The system --system names, or the project's first (the one the app shows first). A
 * malformed number is a usage error (exit 2); a project without systems, or a number it
 * does not have, is NOT_FOUND with what to do.
 */
export function systemIdFrom(args: CommandArgs, db: Database): number {
  const given = args.values.system;
  if (given === undefined) {
    const id = defaultSystemId(db);
    if (id === null) throw new AppError('NOT_FOUND', '项目里还没有测评体系。请先用 taizhang system import 导入。');
    return id;
  }
  const id = Number(given);
  if (typeof given !== 'string' || !Number.isInteger(id) || id <= 0) {
    throw new UsageError(`测评体系编号“${String(given)}”无效，应是正整数。用 taizhang system list 查看编号。`);
  }
  if (db.prepare('SELECT 1 FROM systems WHERE id = ?').get(id) === undefined) {
    throw new AppError('NOT_FOUND', `项目里没有编号为 ${id} 的测评体系。用 taizhang system list 查看编号。`);
  }
  return id;
}

/** --max-mb: megabytes as people and portals state them ("不超过 2M"), fractions allowed (0.5). */
export function megabytesOption(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--max-mb “${String(v)}”应是大于 0 的兆字节数，例如 50 或 0.5。`);
  }
  return Math.floor(n * 1024 * 1024);
}

/** Indicator codes of one system → ids; an unknown code is an error, not a silently empty result. */
export function indicatorIdsByCode(db: Database, systemId: number, codes: string[]): number[] {
  return codes.map((code) => {
    const id = db
      .prepare('SELECT id FROM indicators WHERE system_id = ? AND code = ?')
      .pluck()
      .get(systemId, code.trim()) as number | undefined;
    if (id === undefined) {
      throw new AppError('NOT_FOUND', `这个测评体系中没有编码为“${code}”的指标。用 taizhang system show 查看编码。`);
    }
    return id;
  });
}

/** A string option's value, or undefined. */
export const stringOption = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A whole number > 0 given as an option; malformed is a usage error naming `what`. */
export function positiveIntOption(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n <= 0) {
    throw new UsageError(`${what}“${String(v)}”应是正整数。`);
  }
  return n;
}

/** The --indicator codes given (the option may repeat). */
export function indicatorCodes(args: CommandArgs): string[] {
  const v = args.values.indicator;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
}
