import { ZodError } from 'zod';
import { AppError, type RpcError } from '../../shared/ipc/result';
import type { Logger } from './log';

/**
 * Turns anything thrown by a handler into an RpcError a user can read. AppErrors keep
 * their Chinese message; known system errors get a Chinese explanation; everything else
 * is logged with its stack and reported as a generic internal error. Stacks never leave.
 */
export function toRpcError(e: unknown, log?: Logger): RpcError {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  if (e instanceof ZodError) return { code: 'INVALID_INPUT', message: describeZodError(e) };
  const sys = systemErrorMessage(e);
  if (sys) return sys;
  log?.error('internal error', e);
  return {
    code: 'INTERNAL',
    message: '程序内部出错，操作没有完成。请重试；如果反复出现，请把日志文件发给技术支持。',
  };
}

export function describeZodError(e: ZodError): string {
  const parts = e.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `“${issue.path.join('.')}”` : '输入';
    return `${where}：${issue.message}`;
  });
  return `输入有误：${parts.join('；')}`;
}

type ErrnoLike = { code?: unknown; path?: unknown; message?: unknown };

function systemErrorMessage(e: unknown): RpcError | null {
  if (typeof e !== 'object' || e === null) return null;
  const err = e as ErrnoLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const path = typeof err.path === 'string' ? `《${err.path}》` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'PERMISSION_DENIED',
        message: `没有权限访问${path || '该文件'}。请检查文件夹权限，或换一个文件夹。`,
      };
    case 'ENOENT':
      return { code: 'NOT_FOUND', message: `找不到${path || '文件'}。它可能已被移动或删除。` };
    case 'ENOSPC':
      return {
        code: 'INTERNAL',
        message: `磁盘空间不足${path ? `（写入${path}时）` : ''}，操作没有完成。请清理该磁盘或换一个位置后重试。`,
      };
    case 'EROFS':
      return {
        code: 'PERMISSION_DENIED',
        message: `${path || '目标位置'}所在的磁盘是只读的（例如写保护的U盘或光盘），无法写入。请换一个可以写入的位置。`,
      };
    case 'EFBIG':
      return {
        code: 'INTERNAL',
        message: `文件太大，无法写入${path}：目标磁盘（例如 FAT32 格式的U盘）不支持超过 4 GB 的文件。请保存到电脑硬盘（如 D 盘），或使用 exFAT/NTFS 格式的U盘。`,
      };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return {
        code: 'DB_CORRUPT',
        message:
          '项目数据库已损坏。项目文件夹里的 backups 文件夹中有每天自动保存的数据库副本：关闭台账通，把损坏的 taizhang.sqlite 改名保留，再把最近的一份副本复制到项目文件夹并改名为 taizhang.sqlite；也可以用“从备份恢复”恢复整个项目。',
      };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'LOCKED', message: '项目数据库正被其他程序使用，请稍后重试。' };
    default:
      return null;
  }
}
