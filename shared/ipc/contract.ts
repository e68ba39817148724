import { z } from 'zod';
import { backupMethods } from './contract-backup';
import { binderMethods } from './contract-binder';
import { gapMethods } from './contract-gaps';
import { materialMethods } from './contract-materials';
import { reviewMethods } from './contract-review';
import { searchMethods } from './contract-search';
import { systemMethods } from './contract-systems';

/**
 * The one list of operations the UI (and tests, and the bridge) may ask the core for.
 * Each entry is `'domain.verb': { input, output }`; the core registers exactly one
 * handler per entry and validates input against `input` before the handler runs.
 * Long work returns `{ jobId }` at once and reports through job events (see events.ts).
 */

export const projectInfoSchema = z.object({
  /** Absolute path of the project folder. */
  dir: z.string(),
  /** 单位名称 (全宗名称): the unit this ledger belongs to. */
  name: z.string(),
  /** 年度 */
  year: z.number().int(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({
    systems: z.number().int(),
    indicators: z.number().int(),
    materials: z.number().int(),
    files: z.number().int(),
  }),
  /** Bytes held by the content store (originals only). */
  storeBytes: z.number(),
  /** Opened read-only (只读审阅, or another user holds the project): nothing can be changed. */
  readOnly: z.boolean(),
});
export type ProjectInfo = z.infer<typeof projectInfoSchema>;

export const recentProjectSchema = z.object({
  dir: z.string(),
  name: z.string(),
  year: z.number().int().nullable(),
  openedAt: z.string(),
  /** False when the folder no longer holds a project (moved, deleted, unplugged drive). */
  exists: z.boolean(),
});
export type RecentProject = z.infer<typeof recentProjectSchema>;

export const verifyReportSchema = z.object({
  checkedFiles: z.number().int(),
  okFiles: z.number().int(),
  /** Referenced by the database, absent from files/. */
  missing: z.array(z.object({ sha256: z.string(), names: z.array(z.string()) })),
  /** Present, but its bytes no longer hash to its name. */
  corrupt: z.array(z.object({ sha256: z.string(), names: z.array(z.string()) })),
  /** In files/ but referenced by nothing (harmless; kept, never deleted by verify). */
  orphans: z.array(z.string()),
  ok: z.boolean(),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

export const jobStatusSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobInfoSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  /** Chinese label shown in the jobs bar, e.g. "校验文件". */
  title: z.string(),
  status: jobStatusSchema,
  current: z.number(),
  total: z.number(),
  message: z.string(),
  startedAt: z.string(),
});
export type JobInfo = z.infer<typeof jobInfoSchema>;

/** A job of the open project as 任务记录 shows it, from the project's job table. */
export const jobRecordSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  title: z.string(),
  status: jobStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What the job returned (an AddReport, a BindResult, a VerifyReport…), as stored. */
  result: z.unknown(),
  /** Why it failed, in Chinese (also for a job cut off when the app stopped). */
  error: z.string().nullable(),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

const jobStarted = z.object({ jobId: z.string() });
const empty = z.object({}).strict();

/** A file-type filter for open/save dialogs, e.g. { name: 'Excel 表格', extensions: ['xlsx', 'xls'] }. */
export const fileFilterSchema = z.object({ name: z.string(), extensions: z.array(z.string()) });
export type FileFilter = z.infer<typeof fileFilterSchema>;

const yearSchema = z.number().int().min(1949).max(2100);

export const contract = {
  /** Versions and where this instance keeps its settings. */
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      /** Whether the host can show native folder pickers (Electron yes, browser bridge no). */
      nativeDialogs: z.boolean(),
      userName: z.string(),
      /** A .taizhang backup the app was started with (double-clicked in Explorer): the UI offers to restore it. */
      openFile: z.string().nullable(),
    }),
  },
  /** Ask the host for a folder; null when the user cancelled or the host has no dialogs. */
  'dialog.pickFolder': {
    input: z.object({ title: z.string().optional() }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** Ask the host for a file to open; null when cancelled or the host has no dialogs. */
  'dialog.pickFile': {
    input: z.object({ title: z.string().optional(), filters: z.array(fileFilterSchema).optional() }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** Ask the host where to save a file; null when cancelled or the host has no dialogs. */
  'dialog.saveFile': {
    input: z
      .object({ title: z.string().optional(), defaultName: z.string(), filters: z.array(fileFilterSchema).optional() })
      .strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'projects.recent': {
    input: empty,
    output: z.array(recentProjectSchema),
  },
  /** Drop a folder from the recent list (the folder itself is untouched). */
  'projects.forget': {
    input: z.object({ dir: z.string().min(1) }).strict(),
    output: z.object({}),
  },
  /** Create a new project in an empty (or not yet existing) folder and open it. */
  'projects.create': {
    input: z
      .object({
        dir: z.string().min(1, '请选择项目文件夹'),
        name: z.string().trim().min(1, '请填写单位名称').max(100),
        year: yearSchema,
      })
      .strict(),
    output: projectInfoSchema,
  },
  'projects.open': {
    input: z
      .object({
        dir: z.string().min(1, '请选择项目文件夹'),
        /** 只读审阅: open without the write lock, for inspectors; every change is refused. */
        readOnly: z.boolean().optional(),
      })
      .strict(),
    output: projectInfoSchema,
  },
  'projects.close': {
    input: empty,
    output: z.object({}),
  },
  /** The open project, or null on the start screen. */
  'projects.current': {
    input: empty,
    output: projectInfoSchema.nullable(),
  },
  /**
   * 打开示例项目: opens the sample project (the sample system with made-up materials linked
   * to a few indicators), making it first in the user's 文档\台账通示例 when it is not there.
   */
  'projects.openSample': {
    input: empty,
    output: projectInfoSchema.extend({
      /** The sample's original files, for practising 添加材料 by dragging. */
      sourcesDir: z.string(),
      /** Whether it was made just now (false: an earlier sample, with the user's practice in it). */
      created: z.boolean(),
    }),
  },
  /** Re-hash every stored file; a job whose result is a VerifyReport. */
  'projects.verify': {
    input: empty,
    output: jobStarted,
  },
  'jobs.list': {
    input: empty,
    output: z.array(jobInfoSchema),
  },
  /** 任务记录: the open project's jobs, newest first (empty with no project open). */
  'jobs.history': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(jobRecordSchema),
  },
  'jobs.cancel': {
    input: z.object({ jobId: z.string().min(1) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  ...systemMethods,
  ...materialMethods,
  ...gapMethods,
  ...binderMethods,
  ...searchMethods,
  ...reviewMethods,
  ...backupMethods,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
