import fs from 'node:fs';
import path from 'node:path';
import { FileProblem } from './inspect-file';

/*
 * Expands what the user dropped (files and folders, in any mix) into the files to add, in
 * a stable order. Folder trees from Windows Explorer can hold thousands of files, links
 * that point back up (a loop), names no program can open: each problem is reported for
 * its path and the walk goes on.
 */

export type WalkedFile = { path: string; /** The folder the user dropped, for link suggestions. */ root: string };
export type WalkProblem = { path: string; problem: FileProblem };

/** Windows' classic MAX_PATH; longer paths fail in many Office and PDF tools. */
const WINDOWS_MAX_PATH = 260;

const SKIP = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

export function walkPaths(inputs: string[]): { files: WalkedFile[]; problems: WalkProblem[] } {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();

  const visit = (p: string, root: string) => {
    if (p.length > WINDOWS_MAX_PATH && process.platform === 'win32') {
      problems.push({
        path: p,
        problem: new FileProblem(
          'PATH_TOO_LONG',
          `路径太长（超过 260 个字符），Windows 无法可靠地读取：${p}。请把文件移到层级较浅的文件夹后再添加。`,
        ),
      });
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ELOOP')
        problems.push({ path: p, problem: new FileProblem('LOOP', `《${p}》是指向自身的快捷链接（循环），已跳过。`) });
      else if (code === 'EACCES' || code === 'EPERM')
        problems.push({ path: p, problem: new FileProblem('UNREADABLE', `没有权限读取《${p}》。请检查文件权限。`) });
      else problems.push({ path: p, problem: new FileProblem('NOT_FOUND', `找不到《${p}》，它可能已被移动或删除。`) });
      return;
    }
    if (stat.isDirectory()) {
      const real = fs.realpathSync(p);
      if (seenDirs.has(real)) {
        problems.push({
          path: p,
          problem: new FileProblem('LOOP', `文件夹《${p}》通过链接指回了已读过的文件夹（循环），已跳过。`),
        });
        return;
      }
      seenDirs.add(real);
      let names: string[];
      try {
        names = fs.readdirSync(p);
      } catch {
        problems.push({
          path: p,
          problem: new FileProblem('UNREADABLE', `没有权限读取文件夹《${p}》。请检查文件夹权限。`),
        });
        return;
      }
      names.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true }));
      for (const name of names) {
        if (SKIP.has(name.toLowerCase()) || name.startsWith('~$')) continue;
        visit(path.join(p, name), root);
      }
      return;
    }
    if (stat.isFile()) files.push({ path: p, root });
  };

  for (const input of inputs) {
    const abs = path.resolve(input);
    visit(abs, abs);
  }
  return { files, problems };
}
