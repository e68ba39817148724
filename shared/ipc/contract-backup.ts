import { z } from 'zod';

/*
 * Contract entries for backing up a project to one file, restoring it elsewhere, and the
 * rolling daily copies of the database. Spread into `contract` in contract.ts. Backup and
 * restore are jobs: their results arrive with job.done (BackupResult; the opened project's
 * ProjectInfo for a restore), the same fields as the CLI's --json.
 */

/** The backup file's own extension (a zip; the installer associates it with 台账通). */
export const BACKUP_EXTENSION = 'taizhang';

/** Filters for open/save dialogs: our extension first, plain .zip accepted too. */
export const BACKUP_FILTERS = [
  { name: '台账通备份', extensions: [BACKUP_EXTENSION, 'zip'] },
  { name: '所有文件', extensions: ['*'] },
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The suggested name of a backup: "XX街道2026年度台账备份-20260305.taizhang" (local date).
 * Characters Windows refuses in file names are replaced.
 */
export function backupFileName(project: { name: string; year: number }, date = new Date()): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  const unit = project.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${unit}${project.year}年度台账备份-${day}.${BACKUP_EXTENSION}`;
}

/** What a finished backup reports (the CLI's `backup --json`; field names are stable). */
export const backupResultSchema = z.object({
  /** The backup file written. */
  zipPath: z.string(),
  /** Originals it holds. */
  files: z.number().int(),
  /** Size of the backup file. */
  bytes: z.number(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

/** One automatic copy of the database in the project's backups/ folder. */
export const dbBackupSchema = z.object({
  /** File name inside backups/, e.g. taizhang-2026-03-05.sqlite. */
  file: z.string(),
  /** The day it was made (YYYY-MM-DD, local). */
  date: z.string(),
  bytes: z.number(),
  /** Made just before restoring an older copy (the state that restore replaced). */
  beforeRestore: z.boolean(),
});
export type DbBackup = z.infer<typeof dbBackupSchema>;

const jobStarted = z.object({ jobId: z.string() });

export const backupMethods = {
  /**
   * Backs up the open project (database snapshot + originals) into one .taizhang (zip) file;
   * a job whose result is a BackupResult. `path` may name a folder: the file then gets
   * the suggested name inside it.
   */
  'projects.backup': {
    input: z.object({ path: z.string().trim().min(1, '请选择备份保存的位置') }).strict(),
    output: jobStarted,
  },
  /**
   * Restores a backup file into an empty or new folder and opens it like projects.open;
   * a job whose result is the opened project's ProjectInfo.
   */
  'projects.restore': {
    input: z
      .object({
        path: z.string().trim().min(1, '请选择备份文件'),
        dir: z.string().trim().min(1, '请选择恢复到的文件夹'),
      })
      .strict(),
    output: jobStarted,
  },
  /**
   * The automatic daily copies of the database, newest first: of the open project, or of the
   * project folder `dir` (one that cannot be opened because its database is damaged).
   */
  'projects.dbBackups': {
    input: z.object({ dir: z.string().min(1).optional() }).strict(),
    output: z.array(dbBackupSchema),
  },
  /**
   * Replaces a project's database by one of its automatic copies: the open project's, or with
   * `dir` that of a folder that cannot be opened (a damaged database). The current database is
   * first copied to backups/ (`before`), then the project is (re)opened.
   */
  'projects.restoreDbBackup': {
    input: z.object({ file: z.string().min(1), dir: z.string().min(1).optional() }).strict(),
    output: z.object({ before: z.string() }),
  },
} as const;
