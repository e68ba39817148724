import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainFailure, isReadOnlyError } from '../../electron/core/project/folder-access';
import { createProject } from '../../electron/core/project/project';
import { AppError } from '../../shared/ipc/result';
import { testCore } from '../helpers/core-client';
import { REPO_ROOT, waitForExit } from '../helpers/node-child';
import { tempDir } from '../helpers/temp-dir';

/*
 * The project folder is not where or what the app needs: moved or its USB stick pulled while
 * open, moved while closed, or on a medium that cannot be written. Linux keeps an open SQLite
 * file working after its folder is renamed or deleted (Windows would fail with SQLITE_IOERR),
 * so what is exercised here is the check every project call makes before it starts.
 */

const UNAVAILABLE = /无法访问项目文件夹《.*》：U盘可能已拔出，或文件夹已被移动、改名。.*重新连接/;

async function openSample() {
  const client = testCore();
  const dir = path.join(tempDir(), 'U盘', '2026年 创文台账');
  await client.call('projects.create', { dir, name: 'XX街道', year: 2026 });
  const { systemId } = await client.call('systems.importSample', {});
  return { ...client, dir, systemId };
}

describe('the project folder goes away while open', () => {
  it('answers every project call with PROJECT_UNAVAILABLE naming the folder, and reconnects once it is back', async () => {
    const { call, fail, dir, systemId } = await openSample();
    // Saved at once (SQLite commits each change): it must be there after reconnecting.
    await call('systems.update', { systemId, patch: { name: '拔出前改的名字' } });
    const away = `${dir}-已移走`;
    fs.renameSync(dir, away);

    for (const [method, input] of [
      ['systems.list', {}],
      ['systems.tree', { systemId }],
      ['materials.list', { inbox: true }],
      ['materials.counts', {}],
      ['search.query', { text: '志愿' }],
      ['systems.update', { systemId, patch: { name: '拔出后改的名字' } }],
      ['projects.verify', {}],
    ] as const) {
      const error = await fail(method, input as never);
      expect(error.code, method).toBe('PROJECT_UNAVAILABLE');
      expect(error.message).toMatch(UNAVAILABLE);
      expect(error.message).toContain(`《${dir}》`);
    }

    // 重新连接 while it is still away: the old place says where it looked.
    await call('projects.close', {});
    const notFound = await fail('projects.open', { dir });
    expect(notFound.code).toBe('NOT_FOUND');
    expect(notFound.message).toContain(`《${dir}》`);
    expect(notFound.message).toMatch(/U盘未插入/);

    // Back in place: it opens (the lock its release could not remove is taken over) with the change made before.
    fs.renameSync(away, dir);
    const info = await call('projects.open', { dir });
    expect(info.dir).toBe(dir);
    expect((await call('systems.list', {}))[0]?.name).toBe('拔出前改的名字');
    await call('systems.update', { systemId, patch: { name: '重新连接后改的名字' } });
    expect((await call('systems.list', {}))[0]?.name).toBe('重新连接后改的名字');
  });

  it('writes nothing into a folder recreated at the old place once the folder is deleted', async () => {
    const { fail, dir } = await openSample();
    fs.rmSync(dir, { recursive: true, force: true });
    const error = await fail('materials.upload', {
      files: [{ fileName: '照片.png', dataBase64: Buffer.from('x').toString('base64') }],
    });
    expect(error.code).toBe('PROJECT_UNAVAILABLE');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('reports an I/O error of the storage as PROJECT_UNAVAILABLE even while the folder is still there', () => {
    // Simulated: a real SQLITE_IOERR needs a failing device, which this machine cannot provide.
    const dir = path.join(tempDir(), '网络盘 项目');
    const here = { dir, available: () => true };
    const gone = { dir, available: () => false };
    const ioError = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    expect(explainFailure(ioError, here)).toMatchObject({ code: 'PROJECT_UNAVAILABLE' });
    const eio = (file: string) => Object.assign(new Error('x'), { code: 'EIO', path: file });
    expect(explainFailure(eio(path.join(dir, 'files', 'ab', 'cd')), here)).toMatchObject({
      code: 'PROJECT_UNAVAILABLE',
    });
    // A device error on another drive (a backup written to a USB stick that was pulled) is not the project's.
    const elsewhere = eio(path.join(tempDir(), 'U盘', '备份.taizhang.part'));
    expect(explainFailure(elsewhere, here)).toBe(elsewhere);
    // Other failures keep their own meaning while the folder is reachable …
    const missingFile = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    expect(explainFailure(missingFile, here)).toBe(missingFile);
    const invalid = new AppError('INVALID_INPUT', '输入有误');
    expect(explainFailure(invalid, gone)).toBe(invalid);
    expect(explainFailure(ioError, null)).toBe(ioError);
    // … and are explained by its absence once it is not.
    expect(explainFailure(missingFile, gone)).toMatchObject({ code: 'PROJECT_UNAVAILABLE' });
    expect(explainFailure(new AppError('NOT_FOUND', '找不到文件'), gone)).toMatchObject({
      code: 'PROJECT_UNAVAILABLE',
    });
  });
});

describe('a recent project whose folder moved', () => {
  it('is listed as missing; opening it at its new place and forgetting the old entry replaces it', async () => {
    const { call, dir } = await openSample();
    await call('projects.close', {});
    const moved = path.join(path.dirname(dir), '新位置 台账');
    fs.renameSync(dir, moved);
    expect(await call('projects.recent', {})).toMatchObject([{ dir, exists: false }]);
    // What 重新查找… does.
    await call('projects.open', { dir: moved });
    await call('projects.forget', { dir });
    expect(await call('projects.recent', {})).toMatchObject([{ dir: moved, exists: true }]);
  });
});

/** The children's temp folder, shared so that tsx's compile cache in it serves the second child too. */
let childTmp: string | undefined;

/** Runs the fixture as a user the folder's permission bits apply to (root ignores them). */
async function openAsOtherUser(dir: string): Promise<Record<string, unknown>> {
  const work = tempDir();
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  const tmp = (childTmp ??= fs.mkdtempSync(path.join(work, 'tmp-')));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const d of [work, dataDir, tmp]) fs.chmodSync(d, 0o777);
    for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
      if (d.startsWith(path.dirname(work))) fs.chmodSync(d, 0o755);
    }
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/open-read-only-folder.ts', dir, dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, TMPDIR: tmp, HOME: work },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await waitForExit(child);
  if (code !== 0) throw new Error(`child failed (${code}): ${err}`);
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('a project folder that cannot be written', () => {
  it('is refused for editing with FOLDER_READ_ONLY and opens read-only (a copy of the database) for review', async () => {
    const parent = tempDir();
    const dir = path.join(parent, '光盘 项目');
    createProject(dir, { name: '光盘单位', year: 2026 }, { userName: '李会计' }).close();
    fs.chmodSync(parent, 0o755);
    for (const sub of ['', 'files', 'cache']) fs.chmodSync(path.join(dir, sub), 0o555);
    try {
      const r = await openAsOtherUser(dir);
      expect(r.editing).toMatchObject({ ok: false, error: { code: 'FOLDER_READ_ONLY' } });
      const message = (r.editing as { error: { message: string } }).error.message;
      expect(message).toContain(`《${dir}》`);
      expect(message).toMatch(/以只读方式打开/);
      expect(r.leftLock).toBe(false);
      expect(r.readOnly).toMatchObject({ ok: true, value: { dir, name: '光盘单位', readOnly: true } });
      expect(r.systems).toMatchObject({ ok: true, value: [] });
      expect(r.change).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      // The temp copy of the database is gone once the project is closed.
      expect(r.snapshots).toEqual([]);
      // Nothing was written into the folder.
      expect(fs.readdirSync(dir).sort()).toEqual(['cache', 'files', 'taizhang.sqlite']);
    } finally {
      for (const sub of ['', 'files', 'cache']) fs.chmodSync(path.join(dir, sub), 0o755);
    }
  }, 120_000);

  it('is refused for editing when only the database file is read-only (copied from a CD), leaving no lock', async () => {
    const parent = tempDir();
    const dir = path.join(parent, '复制来的 项目');
    createProject(dir, { name: '复制单位', year: 2026 }, { userName: '李会计' }).close();
    fs.chmodSync(parent, 0o755);
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(path.join(dir, 'taizhang.sqlite'), 0o444);
    const r = await openAsOtherUser(dir);
    expect(r.editing).toMatchObject({ ok: false, error: { code: 'FOLDER_READ_ONLY' } });
    expect(r.leftLock).toBe(false);
    expect(r.readOnly).toMatchObject({ ok: true, value: { name: '复制单位', readOnly: true } });
  }, 120_000);

  it('treats EROFS (write-protected medium) like a missing permission', () => {
    // Simulated: mounting a read-only file system is not possible in this container.
    expect(isReadOnlyError(Object.assign(new Error('read-only file system'), { code: 'EROFS' }))).toBe(true);
    expect(isReadOnlyError(Object.assign(new Error('x'), { code: 'SQLITE_READONLY_DIRECTORY' }))).toBe(true);
    expect(isReadOnlyError(Object.assign(new Error('x'), { code: 'SQLITE_READONLY_DBMOVED' }))).toBe(false);
    expect(isReadOnlyError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
  });
});
