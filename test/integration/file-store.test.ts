import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, openProject, type Project } from '../../electron/core/project/project';
import { verifyProject } from '../../electron/core/project/verify';
import { tempDir } from '../helpers/temp-dir';
import { spawnTs, waitForExit, waitForOutput } from '../helpers/node-child';

const user = { userName: '测试员' };
const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
function newProject(): Project {
  const p = createProject(path.join(tempDir(), '项目'), { name: '单位', year: 2026 }, user);
  open.push(p);
  return p;
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Registers a stored file as part of a material, as material import (issue 4) will. */
function addMaterialFile(project: Project, sha256: string, size: number, name: string): void {
  const now = new Date().toISOString();
  project.db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(sha256, size, now);
  const m = project.db
    .prepare('INSERT INTO materials (title, created_at, updated_at) VALUES (?, ?, ?)')
    .run(name, now, now);
  project.db
    .prepare(
      'INSERT INTO material_files (material_id, position, sha256, original_name, imported_at) VALUES (?, 1, ?, ?, ?)',
    )
    .run(m.lastInsertRowid, sha256, name, now);
}

describe('file store', () => {
  it('addresses files by SHA-256 under files/ab/<sha256> and keeps the bytes exact', async () => {
    const project = newProject();
    const bytes = Buffer.from('创建文明城市工作方案（2026）');
    const r = await project.store.putBuffer(bytes);
    expect(r).toEqual({ sha256: sha(bytes), size: bytes.length, existed: false });
    const file = path.join(project.dir, 'files', r.sha256.slice(0, 2), r.sha256);
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(fs.readdirSync(path.join(project.dir, 'tmp'))).toEqual([]);
  });

  it('stores identical bytes once, from any source, and never touches the original', async () => {
    const project = newProject();
    const src = path.join(tempDir(), '志愿服务 照片.jpg');
    const bytes = Buffer.alloc(300_000, 7);
    fs.writeFileSync(src, bytes);
    const mtime = fs.statSync(src).mtimeMs;
    const a = await project.store.putFile(src);
    const b = await project.store.putBuffer(bytes);
    const copy = path.join(path.dirname(src), '副本.jpg');
    fs.copyFileSync(src, copy);
    const c = await project.store.putFile(copy);
    expect([a.existed, b.existed, c.existed]).toEqual([false, true, true]);
    expect(new Set([a.sha256, b.sha256, c.sha256]).size).toBe(1);
    expect([...project.store.list()]).toEqual([a.sha256]);
    expect(fs.readFileSync(src)).toEqual(bytes);
    expect(fs.statSync(src).mtimeMs).toBe(mtime);
  });

  it('leaves no partial file in files/ when the writing process is killed mid-write', async () => {
    const dir = path.join(tempDir(), '被中断的项目');
    createProject(dir, { name: '单位', year: 2026 }, user).close();
    const writer = spawnTs('test/fixtures/slow-store-write.ts', [dir]);
    await waitForOutput(writer, 'writing');
    const partials = fs.readdirSync(path.join(dir, 'tmp'));
    expect(partials.length).toBe(1);
    expect(fs.statSync(path.join(dir, 'tmp', partials[0]!)).size).toBeGreaterThan(0);
    writer.kill('SIGKILL');
    await waitForExit(writer);
    const filesDir = path.join(dir, 'files');
    expect(fs.readdirSync(filesDir)).toEqual([]);
    // Opening again (the lock is stale now) clears the leftover temp file.
    const project = openProject(dir, user);
    open.push(project);
    expect(fs.existsSync(path.join(dir, 'tmp'))).toBe(false);
    expect(await verifyProject(project)).toMatchObject({ ok: true, checkedFiles: 0, orphans: [] });
  });

  it('verify re-hashes every file and reports missing, corrupt and unreferenced files by name', async () => {
    const project = newProject();
    const good = Buffer.from('好的文件');
    const lost = Buffer.from('将被删除的文件');
    const damaged = Buffer.from('将被改动的文件');
    const stray = Buffer.from('没有材料引用的文件');
    for (const [b, name] of [
      [good, '工作方案.pdf'],
      [lost, '会议记录.docx'],
      [damaged, '活动照片.jpg'],
    ] as const) {
      const r = await project.store.putBuffer(b);
      addMaterialFile(project, r.sha256, b.length, name);
    }
    await project.store.putBuffer(stray);
    fs.rmSync(project.store.pathOf(sha(lost)));
    fs.writeFileSync(project.store.pathOf(sha(damaged)), '被篡改');

    const progress: number[] = [];
    const report = await verifyProject(project, { onProgress: (done) => progress.push(done) });
    expect(report).toEqual({
      checkedFiles: 3,
      okFiles: 1,
      missing: [{ sha256: sha(lost), names: ['会议记录.docx'] }],
      corrupt: [{ sha256: sha(damaged), names: ['活动照片.jpg'] }],
      orphans: [sha(stray)],
      ok: false,
    });
    expect(progress).toEqual([1, 2, 3]);
  });

  it('verify can be cancelled', async () => {
    const project = newProject();
    for (let i = 0; i < 5; i++) {
      const b = Buffer.from(`文件${i}`);
      const r = await project.store.putBuffer(b);
      addMaterialFile(project, r.sha256, b.length, `文件${i}.pdf`);
    }
    const controller = new AbortController();
    const run = verifyProject(project, {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    });
    await expect(run).rejects.toThrow();
  });
});
