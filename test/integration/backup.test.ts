import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ZipFile } from 'yazl';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { backupProject, BACKUP_MANIFEST, backupTarget } from '../../electron/core/project/backup';
import { DAILY_KEEP, ensureDailyBackup, listDbBackups } from '../../electron/core/project/daily-backup';
import { projectPaths } from '../../electron/core/project/layout';
import { createProject, openProject, type Project } from '../../electron/core/project/project';
import { restoreBackup } from '../../electron/core/project/restore';
import { verifyProject } from '../../electron/core/project/verify';
import type { BackupResult } from '../../shared/ipc/contract-backup';
import type { ProjectInfo } from '../../shared/ipc/contract';
import { pdf, photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

/** A project with real materials: three photos and two PDFs. */
async function projectWithMaterials(label = '备份 项目'): Promise<Project> {
  const dir = path.join(tempDir(), label);
  const project = createProject(dir, { name: 'XX街道办事处', year: 2026 }, { userName: '测试员' });
  const src = tempDir('材料');
  for (const seed of [1, 2, 3]) fs.writeFileSync(path.join(src, `志愿服务照片${seed}.jpg`), await photo({ seed }));
  fs.writeFileSync(path.join(src, '创建工作方案.pdf'), await pdf(3));
  fs.writeFileSync(path.join(src, '会议纪要.pdf'), await pdf(1));
  await addMaterials(project, [src]);
  return project;
}

const zipOf = (build: (zip: ZipFile) => void): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const zip = new ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    build(zip);
    zip.end();
  });

const counts = (info: ProjectInfo) => ({ ...info.counts, storeBytes: info.storeBytes });

describe('project backup and restore', () => {
  it('backs up to one zip and restores it into a Chinese path with spaces: same counts, files verify clean', async () => {
    const project = await projectWithMaterials();
    const before = project.info();
    const out = path.join(tempDir('备份 去处'), 'U盘 备份');
    fs.mkdirSync(out);
    const target = backupTarget(project, out, new Date(2026, 2, 5));
    expect(path.basename(target)).toBe('XX街道办事处2026年度台账备份-20260305.taizhang');

    const progress: number[] = [];
    const result = await backupProject(project, target, { onProgress: (p) => progress.push(p.files) });
    expect(result).toEqual({ zipPath: target, files: before.counts.files, bytes: fs.statSync(target).size });
    expect(progress.at(-1)).toBe(before.counts.files);
    expect(fs.readdirSync(out)).toEqual([path.basename(target)]); // no .part left
    project.close();

    const dir = path.join(tempDir('恢复 目标'), '恢复后的 项目');
    const restored = await restoreBackup(target, dir);
    expect(restored).toEqual({ dir, name: 'XX街道办事处', year: 2026, files: before.counts.files });
    expect(fs.readdirSync(dir).sort()).toEqual(['cache', 'files', 'taizhang.sqlite']);
    // Nothing else was left beside it (the temp folder was renamed into place).
    expect(fs.readdirSync(path.dirname(dir))).toEqual([path.basename(dir)]);

    const reopened = openProject(dir, { userName: '测试员' });
    try {
      expect(counts(reopened.info())).toEqual(counts(before));
      const report = await verifyProject(reopened);
      expect(report).toMatchObject({ ok: true, okFiles: before.counts.files, orphans: [] });
      const titles = reopened.db.prepare('SELECT title FROM materials ORDER BY title').pluck().all();
      expect(titles).toHaveLength(5);
    } finally {
      reopened.close();
    }
  });

  it('restores into an empty folder that already exists (as made in Explorer), filling it in place', async () => {
    const project = await projectWithMaterials('已有 文件夹');
    const out = path.join(tempDir(), '备份.taizhang');
    await backupProject(project, out);
    project.close();
    const parent = tempDir('恢复 位置');
    const dir = path.join(parent, '新建文件夹');
    fs.mkdirSync(dir);
    const folderBefore = fs.statSync(dir).ino;
    await restoreBackup(out, dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['cache', 'files', 'taizhang.sqlite']);
    // The same folder, filled; the temp folder beside it is gone.
    expect(fs.statSync(dir).ino).toBe(folderBefore);
    expect(fs.readdirSync(parent)).toEqual(['新建文件夹']);
    const copy = openProject(dir, { userName: '测试员', readOnly: true });
    try {
      expect((await verifyProject(copy)).ok).toBe(true);
    } finally {
      copy.close();
    }
  });

  it('backs up a consistent database while the project is open and being written', async () => {
    const project = await projectWithMaterials();
    const out = path.join(tempDir(), '写入中.taizhang');
    const src = tempDir('更多材料');
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(src, `新照片${i}.jpg`), await photo({ seed: 20 + i }));
    // Materials keep being added while the backup runs.
    const [result] = await Promise.all([backupProject(project, out), addMaterials(project, [src])]);
    const dir = path.join(tempDir(), '恢复');
    await restoreBackup(out, dir);
    const copy = openProject(dir, { userName: '测试员', readOnly: true });
    try {
      expect(copy.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const report = await verifyProject(copy);
      expect(report.ok).toBe(true);
      expect(report.checkedFiles).toBe(result.files);
      expect(copy.info().counts.materials).toBeGreaterThanOrEqual(5);
    } finally {
      copy.close();
      project.close();
    }
  });

  it('a cancelled backup leaves no file, not even the .part', async () => {
    const project = await projectWithMaterials();
    const folder = tempDir();
    const out = path.join(folder, '取消.taizhang');
    const controller = new AbortController();
    const run = backupProject(project, out, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.files === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(folder)).toEqual([]);
    project.close();
  });

  it('adds .taizhang to a bare name, accepts .zip, and refuses a place inside the project', async () => {
    const project = await projectWithMaterials();
    const folder = tempDir();
    expect(backupTarget(project, path.join(folder, '备份'))).toBe(path.join(folder, '备份.taizhang'));
    expect(backupTarget(project, path.join(folder, '备份.ZIP'))).toBe(path.join(folder, '备份.ZIP'));
    expect(() => backupTarget(project, path.join(project.dir, 'x.taizhang'))).toThrow(/不能保存在项目文件夹/);
    project.close();
  });

  describe('restore refuses', () => {
    let backup: string;
    const made = async () => {
      if (backup) return backup;
      const project = await projectWithMaterials();
      backup = path.join(tempDir(), '好的备份.taizhang');
      await backupProject(project, backup);
      project.close();
      return backup;
    };

    it('a folder that is not empty, and leaves it as it was', async () => {
      const dir = tempDir('已有文件');
      fs.writeFileSync(path.join(dir, '别人的.docx'), 'x');
      await expect(restoreBackup(await made(), dir)).rejects.toThrow(/已有其他文件.*空文件夹/);
      expect(fs.readdirSync(dir)).toEqual(['别人的.docx']);
    });

    it('a zip that is not a 台账通 backup', async () => {
      const other = path.join(tempDir(), '照片合集.zip');
      fs.writeFileSync(other, await zipOf((z) => z.addBuffer(Buffer.from('hello'), 'a.txt')));
      const dir = path.join(tempDir(), '目标');
      await expect(restoreBackup(other, dir)).rejects.toThrow(/《照片合集\.zip》不是台账通备份文件/);
      expect(fs.existsSync(dir)).toBe(false);
      const text = path.join(tempDir(), '说明.taizhang');
      fs.writeFileSync(text, '这不是压缩包');
      await expect(restoreBackup(text, dir)).rejects.toThrow(/不是台账通备份文件/);
    });

    it('a truncated backup (copy cut short), leaving nothing behind', async () => {
      const bytes = fs.readFileSync(await made());
      const cut = path.join(tempDir(), '没拷完.taizhang');
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const parent = tempDir();
      await expect(restoreBackup(cut, path.join(parent, '目标'))).rejects.toThrow(/不完整或已损坏.*重新拷贝/);
      expect(fs.readdirSync(parent)).toEqual([]);
    });

    it('a backup whose original was altered (checksum), naming the file', async () => {
      const bytes = Buffer.from(fs.readFileSync(await made()));
      // Flip bytes in the middle of the first stored photo's data (stored, not deflated).
      const at = bytes.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
      bytes[at + 400] = bytes[at + 400]! ^ 0xff;
      const bad = path.join(tempDir(), '坏了.taizhang');
      fs.writeFileSync(bad, bytes);
      const parent = tempDir();
      await expect(restoreBackup(bad, path.join(parent, '目标'))).rejects.toThrow(
        /1 个文件已损坏（校验值不符），例如《志愿服务照片\d\.jpg》/,
      );
      expect(fs.readdirSync(parent)).toEqual([]);
    });

    it('an entry whose path escapes the folder (zip-slip)', async () => {
      const good = await zipOf((z) => {
        z.addBuffer(Buffer.from(JSON.stringify({ app: '台账通', format: 1 })), BACKUP_MANIFEST);
        z.addBuffer(Buffer.from('pwned'), 'files/aa/__/__/evil.txt');
      });
      // yazl refuses to write such a name, so write a harmless one and rename it in the bytes.
      const evil = Buffer.from(good.toString('latin1').replaceAll('__/__', '../..'), 'latin1');
      const file = path.join(tempDir(), '被改过.taizhang');
      fs.writeFileSync(file, evil);
      const parent = tempDir();
      await expect(restoreBackup(file, path.join(parent, '目标'))).rejects.toThrow(
        /指向恢复文件夹以外的路径（files\/aa\/\.\.\/\.\.\/evil\.txt）/,
      );
      expect(fs.readdirSync(parent)).toEqual([]);
      expect(fs.existsSync(path.join(parent, 'evil.txt'))).toBe(false);
    });
  });

  describe('through the contract', () => {
    it('projects.backup and projects.restore are jobs; the restored project is opened and remembered', async () => {
      const { call, core } = testCore();
      const src = tempDir('材料');
      fs.writeFileSync(path.join(src, '照片.jpg'), await photo({ seed: 9 }));
      fs.writeFileSync(path.join(src, '通知.pdf'), await pdf(2));
      const first = await call('projects.create', { dir: path.join(tempDir(), '原 项目'), name: '文明办', year: 2026 });
      await jobResult(core, (await call('materials.add', { paths: [src] })).jobId);
      const folder = tempDir('备份');
      const { jobId } = await call('projects.backup', { path: folder });
      const result = await jobResult<BackupResult>(core, jobId);
      expect(path.dirname(result.zipPath)).toBe(folder);
      expect(result.files).toBe(2);

      const dir = path.join(tempDir(), '恢复 到这里');
      const restore = await call('projects.restore', { path: result.zipPath, dir });
      const info = await jobResult<ProjectInfo>(core, restore.jobId);
      expect(info).toMatchObject({ dir, name: '文明办', year: 2026, readOnly: false });
      expect(info.counts).toEqual((await call('projects.current', {}))!.counts);
      expect(info.counts.materials).toBe(2);
      expect((await call('projects.recent', {})).map((r) => r.dir)).toEqual([dir, first.dir]);
    });

    it('a non-empty target is refused at once, before any job starts', async () => {
      const { fail } = testCore();
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
      const error = await fail('projects.restore', { path: path.join(dir, 'a.txt'), dir });
      expect(error.message).toMatch(/已有其他文件/);
    });
  });

  describe('rolling daily copies of the database', () => {
    it('one per day, the newest 7 kept', async () => {
      const project = await projectWithMaterials();
      const day = (d: number) => new Date(2026, 2, d, 9, 30);
      expect(await ensureDailyBackup(project, { now: day(1) })).toMatch(/taizhang-2026-03-01\.sqlite$/);
      expect(await ensureDailyBackup(project, { now: new Date(2026, 2, 1, 17, 0) })).toBeNull();
      for (let d = 2; d <= 10; d++) await ensureDailyBackup(project, { now: day(d) });
      const list = listDbBackups(project.dir);
      expect(list.map((b) => b.date)).toEqual(
        [10, 9, 8, 7, 6, 5, 4].map((d) => `2026-03-${String(d).padStart(2, '0')}`),
      );
      expect(list).toHaveLength(DAILY_KEEP);
      expect(fs.readdirSync(projectPaths(project.dir).backups)).toHaveLength(DAILY_KEEP);
      expect(list[0]!.bytes).toBe(fs.statSync(path.join(projectPaths(project.dir).backups, list[0]!.file)).size);
      // A copy is a whole database holding the materials.
      const copy = new BetterSqlite3(path.join(projectPaths(project.dir).backups, list[0]!.file), { readonly: true });
      expect(copy.prepare('SELECT count(*) FROM materials').pluck().get()).toBe(5);
      copy.close();
      // Backups are not originals: verify does not count them, the backup zip does not carry them.
      const report = await verifyProject(project);
      expect(report.orphans).toEqual([]);
      project.close();
    });

    it('made in the background when the app opens a project for writing; restoreDbBackup keeps the state it replaces', async () => {
      const { call, core } = testCore();
      const dir = path.join(tempDir(), '自动 备份');
      await call('projects.create', { dir, name: '文明办', year: 2026 });
      await expect.poll(async () => (await call('projects.dbBackups', {})).length, { timeout: 5000 }).toBe(1);
      const [today] = await call('projects.dbBackups', {});
      expect(today).toMatchObject({
        beforeRestore: false,
        file: expect.stringMatching(/^taizhang-\d{4}-\d\d-\d\d\.sqlite$/),
      });

      const src = tempDir('材料');
      fs.writeFileSync(path.join(src, '后来加的.jpg'), await photo({ seed: 33 }));
      await jobResult(core, (await call('materials.add', { paths: [src] })).jobId);
      expect((await call('projects.current', {}))!.counts.materials).toBe(1);

      const { before } = await call('projects.restoreDbBackup', { file: today!.file });
      expect(before).toMatch(/-before-restore\.sqlite$/);
      const info = (await call('projects.current', {}))!;
      expect(info).toMatchObject({ dir, readOnly: false });
      expect(info.counts.materials).toBe(0);
      const list = await call('projects.dbBackups', {});
      expect(list.map((b) => b.file)).toContain(before);
      // ...and going back to the state before the restore works the same way.
      await call('projects.restoreDbBackup', { file: before });
      expect((await call('projects.current', {}))!.counts.materials).toBe(1);
      await expect(call('projects.restoreDbBackup', { file: '../taizhang.sqlite' })).rejects.toThrow(/找不到自动备份/);
    });
  });

  it('CLI: backup --json {zipPath, files, bytes} and restore --json {dir, name, year, files}', async () => {
    const project = await projectWithMaterials();
    const dir = project.dir;
    project.close();
    const run = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
      return { code, stdout, stderr };
    };
    const out = path.join(tempDir('命令行'), '备份.taizhang');
    const backup = await run('backup', dir, '--out', out, '--json');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toEqual({ zipPath: out, files: 5, bytes: fs.statSync(out).size });

    const target = path.join(tempDir(), '命令行 恢复');
    const restore = await run('restore-backup', out, '--to', target, '--json');
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toEqual({ dir: target, name: 'XX街道办事处', year: 2026, files: 5 });

    const again = await run('restore-backup', out, '--to', target);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/已经是一个台账通项目/);
    const plain = await run('backup', dir, '--out', path.join(tempDir(), '文字'));
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/已备份到《.*文字\.taizhang》（5 个文件/);
  });
});

// The database of a project cannot be opened (damaged): its daily copies are still reachable.
describe('restoring a daily copy into a project that cannot be opened', () => {
  const client = testCore();
  const { call, fail } = client;
  const core = () => client.core;

  it('lists the copies of the folder, puts one back, keeps the damaged file and opens the project', async () => {
    const project = await projectWithMaterials('损坏 项目');
    const dir = project.dir;
    const copy = await ensureDailyBackup(project, { now: new Date(2026, 2, 5, 9, 0) });
    const titles = project.db.prepare('SELECT title FROM materials ORDER BY title').pluck().all();
    project.close();
    // Damage the database file as a failing disk or a half-copied folder would.
    const dbFile = path.join(dir, 'taizhang.sqlite');
    const damaged = Buffer.alloc(fs.statSync(dbFile).size, 0x5a);
    fs.writeFileSync(dbFile, damaged);
    fs.rmSync(`${dbFile}-wal`, { force: true });
    const refused = await fail('projects.open', { dir });
    expect(refused.code).toBe('DB_CORRUPT');
    expect(refused.message).toContain('backups');

    const list = await call('projects.dbBackups', { dir });
    expect(list.map((b) => b.file)).toEqual([path.basename(copy!)]);
    const { before } = await call('projects.restoreDbBackup', { dir, file: list[0]!.file });
    const info = await call('projects.current', {});
    expect(info).toMatchObject({ dir, readOnly: false });
    expect((await call('materials.list', {})).map((m) => m.title).sort()).toEqual([...titles].sort());
    // The damaged file is kept byte for byte, and listed as the state before the restore.
    expect(fs.readFileSync(path.join(dir, 'backups', before)).equals(damaged)).toBe(true);
    expect((await call('projects.dbBackups', {})).map((b) => [b.file, b.beforeRestore])).toContainEqual([before, true]);
    expect((await verifyProject(core().context.session.current()!)).ok).toBe(true);
  });
});
