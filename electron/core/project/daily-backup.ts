import fs from 'node:fs';
import path from 'node:path';
import type { DbBackup } from '../../../shared/ipc/contract-backup';
import { AppError } from '../../../shared/ipc/result';
import type { Logger } from '../log';
import { DB_FILE, projectPaths } from './layout';
import type { Project } from './project';

/*
 * Rolling copies of the database in <project>/backups/: one per day the project is opened
 * for writing, the newest DAILY_KEEP kept. They guard against a wrong bulk edit or a damaged
 * database; the originals are never changed in place, so a database copy is enough to go back.
 */

export const DAILY_KEEP = 7;

const DAILY = /^taizhang-(\d{4}-\d{2}-\d{2})\.sqlite$/;
const BEFORE_RESTORE = /^taizhang-(\d{4}-\d{2}-\d{2})-(\d{9})-before-restore\.sqlite$/;

const pad = (n: number) => String(n).padStart(2, '0');
const pad3 = (n: number) => String(n).padStart(3, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export const dailyBackupName = (date: Date) => `taizhang-${localDay(date)}.sqlite`;

/** The copies in backups/, newest first (daily ones and those made before a restore). */
export function listDbBackups(projectDir: string): DbBackup[] {
  const dir = projectPaths(projectDir).backups;
  if (!fs.existsSync(dir)) return [];
  const list: (DbBackup & { sortKey: string })[] = [];
  for (const file of fs.readdirSync(dir)) {
    const daily = DAILY.exec(file);
    const before = BEFORE_RESTORE.exec(file);
    const date = daily?.[1] ?? before?.[1];
    if (!date) continue;
    let bytes: number;
    try {
      bytes = fs.statSync(path.join(dir, file)).size;
    } catch {
      continue; // pruned meanwhile
    }
    list.push({ file, date, bytes, beforeRestore: !!before, sortKey: `${date}-${before?.[2] ?? '999999999'}` });
  }
  return list.sort((a, b) => b.sortKey.localeCompare(a.sortKey)).map(({ sortKey: _, ...rest }) => rest);
}

/** Copies the database with SQLite's online backup into backups/, via a .part file and a rename. */
async function copyDatabase(project: Project, name: string): Promise<string> {
  const dir = projectPaths(project.dir).backups;
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  const part = `${target}.part`;
  try {
    await project.db.backup(part);
    fs.renameSync(part, target);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
  return target;
}

/** Keeps the newest `keep` of each kind; older copies are deleted. */
function prune(projectDir: string, keep: number): void {
  const dir = projectPaths(projectDir).backups;
  const all = listDbBackups(projectDir);
  for (const group of [all.filter((b) => !b.beforeRestore), all.filter((b) => b.beforeRestore)]) {
    for (const old of group.slice(keep)) fs.rmSync(path.join(dir, old.file), { force: true });
  }
}

/**
 * Makes today's copy of the database unless backups/ already has one, then prunes. Resolves
 * to the file made, or null when today's copy existed. Leftover .part files of a copy cut
 * short (the app closed meanwhile) are removed first.
 */
export async function ensureDailyBackup(
  project: Project,
  options: { now?: Date; keep?: number } = {},
): Promise<string | null> {
  const now = options.now ?? new Date();
  const dir = projectPaths(project.dir).backups;
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.part')) fs.rmSync(path.join(dir, f), { force: true });
  }
  const name = dailyBackupName(now);
  if (fs.existsSync(path.join(dir, name))) return null;
  const made = await copyDatabase(project, name);
  prune(project.dir, options.keep ?? DAILY_KEEP);
  return made;
}

/**
 * Today's copy in the background, shortly after a project was opened for writing: it never
 * delays or fails the opening. A failure is logged; so is nothing when the project was
 * closed meanwhile (the copy simply waits for the next opening). Resolves when finished.
 */
export async function startDailyBackup(
  project: Project,
  log: Logger,
  stillOpen: () => boolean,
  delayMs = 500,
): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (!stillOpen()) return;
  try {
    const made = await ensureDailyBackup(project);
    if (made) log.info('daily database backup', { file: path.basename(made) });
  } catch (e) {
    if (stillOpen()) log.error('daily database backup failed', e);
  }
}

/** The path of one listed copy; anything else (another folder, another file) is refused. */
export function dbBackupPath(projectDir: string, file: string): string {
  if (!listDbBackups(projectDir).some((b) => b.file === file)) {
    throw new AppError('NOT_FOUND', `找不到自动备份《${file}》。它可能已被清理，请刷新列表后重选。`);
  }
  return path.join(projectPaths(projectDir).backups, file);
}

const beforeRestoreName = (d: Date) =>
  `taizhang-${localDay(d)}-${localTime(d)}${pad3(d.getMilliseconds())}-before-restore.sqlite`;

/**
 * Saves the current database beside the daily copies before a restore replaces it, under a
 * name no other copy has (restoring one such copy must never overwrite it first).
 */
export function backupBeforeRestore(project: Project, now = new Date()): Promise<string> {
  const dir = projectPaths(project.dir).backups;
  let at = now;
  while (fs.existsSync(path.join(dir, beforeRestoreName(at)))) at = new Date(at.getTime() + 1);
  return copyDatabase(project, beforeRestoreName(at));
}

/**
 * Keeps a database that cannot be opened (damaged) as it is, byte for byte with its WAL, beside
 * the daily copies before a restore replaces it: SQLite's backup cannot read it, and whatever
 * it still holds may be wanted later.
 */
export function keepDamagedDatabase(projectDir: string, now = new Date()): string {
  const dir = projectPaths(projectDir).backups;
  fs.mkdirSync(dir, { recursive: true });
  let at = now;
  while (fs.existsSync(path.join(dir, beforeRestoreName(at)))) at = new Date(at.getTime() + 1);
  const target = path.join(dir, beforeRestoreName(at));
  const db = path.join(projectDir, DB_FILE);
  if (fs.existsSync(`${db}-wal`)) fs.copyFileSync(`${db}-wal`, `${target}-wal`);
  fs.copyFileSync(db, target);
  return target;
}

/**
 * Puts a copy in place of the project's database. The project must be closed (no
 * connection, no lock held by us). The copy goes in as a temp file beside the database and
 * is renamed over it; the old WAL and shared-memory files would belong to the old database,
 * so they go first.
 */
export function replaceDatabase(projectDir: string, copy: string): void {
  const db = path.join(projectDir, DB_FILE);
  const temp = `${db}.restoring`;
  fs.copyFileSync(copy, temp);
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(`${db}-wal`, { force: true });
  fs.rmSync(`${db}-shm`, { force: true });
  fs.renameSync(temp, db);
}
