import fs from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import { registerSearchFunctions } from '../search/sql-functions';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

export type OpenDatabaseOptions = {
  /** Create the file if missing (only project creation does this). */
  create?: boolean;
  readOnly?: boolean;
  /** Override for tests of the migration runner. */
  migrations?: readonly Migration[];
};

function corruptError(file: string, cause: unknown): AppError {
  return new AppError(
    'DB_CORRUPT',
    `项目数据库《${file}》已损坏，无法打开。台账通不会覆盖它。可以用项目文件夹 backups 里每天自动保存的副本恢复（打开项目时会提供），或用“从备份恢复”恢复整个项目。`,
    { cause },
  );
}

/**
 * Opens (or creates) a project database: WAL, foreign keys, integrity check, migrations.
 * Never creates a new file over a missing or damaged one unless asked to create.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const list = options.migrations ?? migrations;
  if (!options.create && !fs.existsSync(file)) {
    throw new AppError('NOT_A_PROJECT', `找不到项目数据库《${file}》。这个文件夹不是台账通项目。`);
  }
  let db: Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: !options.create, readonly: options.readOnly ?? false });
  } catch (e) {
    throw corruptError(file, e);
  }
  try {
    // Before migrations: the search index's triggers (and migration 5 itself) call them.
    registerSearchFunctions(db);
    if (!options.readOnly) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL never corrupts the database; a power cut can only lose the last
      // commits, which an import re-does (it skips what is stored). It saves an fsync per item.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 3000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corruptError(file, new Error(String(check)));
    const current = db.pragma('user_version', { simple: true }) as number;
    const latest = list.length;
    if (current > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `项目《${file}》是用更新版本的台账通保存的（数据库版本 ${current}，本程序只支持到 ${latest}）。请先升级台账通再打开，本程序不会改动它。`,
      );
    }
    if (current < latest) {
      if (options.readOnly) {
        throw new AppError('CONFLICT', `项目《${file}》需要先用新版本升级数据库，请以可写方式打开一次。`);
      }
      applyMigrations(db, list, current);
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw corruptError(file, e);
    throw e;
  }
}

/** All pending migrations run in one transaction: either the database moves to the latest version or it is untouched. */
function applyMigrations(db: Database, list: readonly Migration[], from: number): void {
  db.transaction(() => {
    for (const m of list.slice(from)) m.up(db);
    db.pragma(`user_version = ${list.length}`);
  })();
}

export { LATEST_SCHEMA_VERSION };
