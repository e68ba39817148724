import fs from 'node:fs';
import os from 'node:os';
import { pathKey } from '../settings/app-settings';
import { AppError } from '../../../shared/ipc/result';

export type LockOwner = { user: string; host: string; pid: number; since: string };

export type ProjectLock = { file: string; release(): void };

/**
 * Lock files this process holds now. A lock with this process's own pid that is not in here was
 * left behind: its release found the folder gone (USB stick pulled while open) and the stick
 * is back. Taking it over is safe; refusing would lock the user out of their own project.
 */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM means the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      user: String(parsed.user ?? '未知用户'),
      host: parsed.host,
      pid: parsed.pid,
      since: String(parsed.since ?? ''),
    };
  } catch {
    return null;
  }
}

function formatSince(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Takes the write lock of a project folder (`taizhang.lock`, created exclusively). A lock
 * left by a crashed process on this same computer is taken over; a live one, or one held
 * from another computer (a shared drive), is refused with the holder's name.
 */
export function acquireLock(file: string, user: string): ProjectLock {
  const me: LockOwner = { user, host: os.hostname(), pid: process.pid, since: new Date().toISOString() };
  // One lock per folder however its path is spelt (Windows does not tell D:\\Proj from d:\\proj).
  const key = pathKey(file);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      held.add(key);
      return {
        file,
        release: () => {
          held.delete(key);
          const owner = readOwner(file);
          if (owner && owner.pid === me.pid && owner.host === me.host) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const owner = readOwner(file);
      const mine = owner !== null && owner.host === me.host && owner.pid === me.pid;
      const stale =
        owner === null ||
        (owner.host === me.host && owner.pid !== me.pid && !isAlive(owner.pid)) ||
        (mine && !held.has(key));
      if (stale && attempt === 0) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (owner && owner.host === me.host && owner.pid === me.pid) {
        throw new AppError('CONFLICT', '这个项目已在本窗口中打开。');
      }
      const who = owner ? `${owner.user}（电脑 ${owner.host}）` : '另一个程序';
      const since = owner ? formatSince(owner.since) : '';
      throw new AppError(
        'LOCKED',
        `项目正被 ${who}${since ? ` 自 ${since} 起` : ''}使用，不能同时打开修改。请先在那边关闭项目；如果确认对方已经退出，可以删除项目文件夹中的 taizhang.lock 后再打开。`,
      );
    }
  }
  throw new AppError('LOCKED', '无法锁定项目文件夹，请稍后重试。');
}
