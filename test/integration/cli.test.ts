import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { openProject } from '../../electron/core/project/project';
import { tempDir } from '../helpers/temp-dir';
import { REPO_ROOT } from '../helpers/node-child';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

/** Runs the installed `taizhang` bin in its own process, as a script would. */
function bin(args: string[], options: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron/cli/bin.mjs'), ...args], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    ...options,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('taizhang CLI', () => {
  it('init → info → verify, in text and as JSON, with exit 0', async () => {
    const dir = path.join(tempDir(), '创文 台账 2026');
    const init = await cli('init', dir, '--name', 'XX街道办事处', '--year', '2026', '--json');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ dir, name: 'XX街道办事处', year: 2026 });

    const info = await cli('info', dir);
    expect(info).toMatchObject({ code: 0, stderr: '' });
    expect(info.stdout).toContain('项目：XX街道办事处（2026年度）');
    const infoJson = JSON.parse((await cli('info', dir, '--json')).stdout);
    expect(infoJson.counts).toEqual({ systems: 0, indicators: 0, materials: 0, files: 0 });

    const verify = await cli('verify', dir, '--json');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toEqual({
      checkedFiles: 0,
      okFiles: 0,
      missing: [],
      corrupt: [],
      orphans: [],
      ok: true,
    });
    expect((await cli('verify', dir)).stdout).toContain('项目文件完好');
  });

  it('verify exits 1 and says what is wrong when a stored file is damaged', async () => {
    const dir = path.join(tempDir(), 'p');
    expect((await cli('init', dir, '--name', '单位')).code).toBe(0);
    const project = openProject(dir, { userName: 't' });
    const r = await project.store.putBuffer(Buffer.from('原件'));
    const now = new Date().toISOString();
    project.db.prepare('INSERT INTO blobs (sha256, size, created_at) VALUES (?, 6, ?)').run(r.sha256, now);
    project.close();
    fs.writeFileSync(project.store.pathOf(r.sha256), '改过');
    const out = await cli('verify', dir, '--json');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).corrupt).toEqual([{ sha256: r.sha256, names: [] }]);
    expect(out.stderr).toMatch(/损坏 1 个文件/);
  });

  it('handled failures exit 1 with one Chinese line on stderr and no stack trace', async () => {
    const busy = tempDir();
    fs.writeFileSync(path.join(busy, '其他.txt'), 'x');
    const notEmpty = await cli('init', busy);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/^错误：.*已有其他文件/);
    expect(notEmpty.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const missing = await cli('info', path.join(busy, '不存在'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/找不到文件夹/);

    const notProject = await cli('verify', busy, '--json');
    expect(notProject.code).toBe(1);
    expect(notProject.stdout).toBe('');
    expect(notProject.stderr).toMatch(/不是台账通项目/);
  });

  it('usage errors exit 2 with the command help; --help is Chinese and exits 0', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('未知命令') });
    expect(await cli('init')).toMatchObject({ code: 2, stderr: expect.stringContaining('缺少项目文件夹') });
    expect(await cli('info', 'a', 'b')).toMatchObject({ code: 2, stderr: expect.stringContaining('多余的参数') });
    expect(await cli('init', tempDir(), '--year', '26')).toMatchObject({ code: 2 });
    expect(await cli('info', '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining('参数有误') });
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('台账通命令行工具');
    for (const c of ['init', 'info', 'verify']) expect(help.stdout).toContain(c);
    expect((await cli('verify', '--help')).stdout).toContain('用法：taizhang verify');
  });

  it('runs as the package bin in its own process', () => {
    const dir = path.join(tempDir(), '命令行 项目');
    const init = bin(['init', dir, '--name', '文明办', '--json']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout).name).toBe('文明办');
    expect(bin(['info', dir]).stdout).toContain('文明办');
    expect(bin(['nonsense']).code).toBe(2);
  });

  it('refuses a folder the user may not write to, in Chinese, creating nothing', () => {
    // A folder others may only read. Root ignores permission bits, so as root the bin runs as "nobody".
    const parent = tempDir();
    fs.chmodSync(parent, 0o555);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const target = path.join(parent, '无权限 项目');
    const r = bin(['init', target], asNobody);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/没有权限.*无权限 项目/);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
