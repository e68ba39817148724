import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, openProject, type Project } from '../../electron/core/project/project';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { AppError } from '../../shared/ipc/result';
import { tempDir } from '../helpers/temp-dir';
import { spawnTs, waitForExit, waitForOutput } from '../helpers/node-child';

const user = { userName: '李会计' };
const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
function track(p: Project): Project {
  open.push(p);
  return p;
}

function expectAppError(fn: () => unknown, code: string, text?: RegExp): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe(code);
    if (text) expect(err.message).toMatch(text);
    return err;
  }
  throw new Error(`expected ${code}`);
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('project folder', () => {
  it('creates a project in a Chinese path with spaces, with database, store and audit entry', () => {
    const dir = path.join(tempDir(), '2026年 创文迎检', 'XX街道 台账');
    const project = track(createProject(dir, { name: ' XX街道办事处 ', year: 2026 }, user));
    expect(fs.existsSync(path.join(dir, 'taizhang.sqlite'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'files')).isDirectory()).toBe(true);
    const info = project.info();
    expect(info).toMatchObject({ dir, name: 'XX街道办事处', year: 2026, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(info.counts).toEqual({ systems: 0, indicators: 0, materials: 0, files: 0 });
    const audit = project.db.prepare('SELECT user_name, action FROM audit_log').all();
    expect(audit).toEqual([{ user_name: '李会计', action: 'project.create' }]);
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    project.close();
    expect(fs.existsSync(path.join(dir, 'taizhang.lock'))).toBe(false);
    const again = track(openProject(dir, user));
    expect(again.info().name).toBe('XX街道办事处');
  });

  it('refuses a non-empty folder and leaves it exactly as it was', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '会议记录.docx'), 'x');
    expectAppError(() => createProject(dir, { name: '单位', year: 2026 }, user), 'CONFLICT', /已有其他文件/);
    expect(fs.readdirSync(dir)).toEqual(['会议记录.docx']);
  });

  it('refuses to create over an existing project', () => {
    const dir = path.join(tempDir(), 'p');
    createProject(dir, { name: '单位', year: 2026 }, user).close();
    expectAppError(() => createProject(dir, { name: '单位', year: 2026 }, user), 'CONFLICT', /已经是一个台账通项目/);
  });

  it('does not open a folder that is not a project, and creates nothing in it', () => {
    const dir = tempDir();
    expectAppError(() => openProject(dir, user), 'NOT_A_PROJECT', /不是台账通项目/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expectAppError(() => openProject(path.join(dir, '没有'), user), 'NOT_FOUND', /找不到文件夹/);
  });

  it('lets only one instance open a project for writing and names who holds it', async () => {
    const dir = path.join(tempDir(), 'shared');
    createProject(dir, { name: '单位', year: 2026 }, user).close();
    const other = spawnTs('test/fixtures/hold-project.ts', [dir, '王小明']);
    try {
      await waitForOutput(other, 'holding');
      const err = expectAppError(() => openProject(dir, user), 'LOCKED', /王小明/);
      expect(err.message).toMatch(/taizhang\.lock/);
      // Reading is still allowed (CLI info/verify while the app is open).
      const ro = track(openProject(dir, { ...user, readOnly: true }));
      expect(ro.info().name).toBe('单位');
    } finally {
      other.kill('SIGKILL');
      await waitForExit(other);
    }
    // The holder crashed: its stale lock is taken over.
    const project = track(openProject(dir, user));
    expect(project.readOnly).toBe(false);
  });

  it('refuses a database written by a newer version, without touching it', () => {
    const dir = path.join(tempDir(), 'future');
    createProject(dir, { name: '单位', year: 2026 }, user).close();
    const file = path.join(dir, 'taizhang.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    expectAppError(() => openProject(dir, user), 'DB_TOO_NEW', /升级台账通/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'taizhang.lock'))).toBe(false);
  });

  it('refuses a corrupted database with advice and never replaces it', () => {
    const dir = path.join(tempDir(), 'corrupt');
    createProject(dir, { name: '单位', year: 2026 }, user).close();
    const file = path.join(dir, 'taizhang.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    fs.closeSync(fd);
    const before = sha(file);
    const size = fs.statSync(file).size;
    expectAppError(() => openProject(dir, user), 'DB_CORRUPT', /已损坏.*backups.*自动保存的副本恢复/);
    expect(sha(file)).toBe(before);
    expect(fs.statSync(file).size).toBe(size);
    expect(fs.existsSync(path.join(dir, 'taizhang.lock'))).toBe(false);
  });

  it('detects damage inside the database, not only in its header', () => {
    const dir = path.join(tempDir(), 'inner');
    const project = createProject(dir, { name: '单位', year: 2026 }, user);
    const insert = project.db.prepare('INSERT INTO units (name, note) VALUES (?, ?)');
    project.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`单位${i}`, 'x'.repeat(200));
    })();
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    project.close();
    const file = path.join(dir, 'taizhang.sqlite');
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    // Overwrite a run of pages in the middle (past the schema page).
    fs.writeSync(fd, Buffer.alloc(16384, 0xff), 0, 16384, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expectAppError(() => openProject(dir, user), 'DB_CORRUPT');
  });
});
