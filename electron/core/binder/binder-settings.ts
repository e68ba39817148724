import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { binderSettingsSchema, type BinderSettings } from '../../../shared/ipc/contract-binder';
import { bundledFont } from '../pdf/cjk-font';
import type { Project } from '../project/project';
import type { LayoutOptions, PlanOptions } from './types';

/*
 * The binder's options, kept per project in its settings table: an office binds the same
 * ledger many times (each late document means a rebuild) and should set 立卷人, margins and
 * the font once. A damaged or older value falls back to the defaults field by field.
 */

const KEY = 'binder.settings';
const MB = 1024 * 1024;

/** Where volumes go when the user has not chosen a folder: 案卷 in the project folder. */
export const DEFAULT_OUT_FOLDER = '案卷';

export function readBinderSettings(db: Database): BinderSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  let stored: Record<string, unknown> = {};
  try {
    stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    stored = {};
  }
  // Field by field: one bad value (hand-edited, from an older version) costs only that field.
  const defaults = binderSettingsSchema.parse({});
  const shape = binderSettingsSchema.shape;
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (!(key in stored)) continue;
    const checked = shape[key].safeParse(stored[key]);
    if (checked.success) out[key] = checked.data;
  }
  return out as BinderSettings;
}

export function saveBinderSettings(project: Project, settings: BinderSettings): BinderSettings {
  const value = binderSettingsSchema.parse(settings);
  project.db.transaction(() => {
    project.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(value));
    project.audit({ action: 'binder.settings', entity: 'project', detail: value });
  })();
  return value;
}

export function outputDir(project: Project, settings: BinderSettings): string {
  return settings.outDir ?? path.join(project.dir, DEFAULT_OUT_FOLDER);
}

/** The saved settings as the binder's plan and layout options. */
export function bindOptionsFrom(settings: BinderSettings, userName: string): PlanOptions & LayoutOptions {
  return {
    by: settings.by,
    maxPages: settings.maxPages,
    maxVolumeBytes: settings.maxVolumeMb === null ? undefined : settings.maxVolumeMb * MB,
    linkedItems: settings.linkedItems,
    photosPerPage: settings.photosPerPage,
    duplex: settings.duplex,
    numberPosition: settings.numberPosition,
    bindingMarginMm: settings.bindingMarginMm,
    dividers: settings.dividers,
    fontFile: settings.fontFile,
    retention: settings.retention,
    filer: settings.filer || userName,
    checker: settings.checker,
    archiveCode: settings.archiveCode,
    sizeLimitBytes: settings.sizeLimitMb * MB,
    spineWidthMm: settings.spineWidthMm || undefined,
  };
}

/**
 * Fonts the binder can use on this machine. `file: null` is the default (黑体 on Windows,
 * else the bundled 思源黑体); then Windows' other Chinese fonts when present, and the bundled
 * one by name so a Windows user can still choose it.
 */
export function availableFonts(windir = process.env.WINDIR): { name: string; file: string | null }[] {
  const present = (file: string) =>
    windir && fs.existsSync(path.join(windir, 'Fonts', file)) ? path.join(windir, 'Fonts', file) : null;
  const simhei = present('simhei.ttf');
  const fonts: { name: string; file: string | null }[] = [
    { name: simhei ? '黑体（默认）' : '思源黑体（默认，内置）', file: null },
  ];
  for (const [name, file] of [
    ['仿宋', 'simfang.ttf'],
    ['楷体', 'simkai.ttf'],
  ] as const) {
    const full = present(file);
    if (full) fonts.push({ name, file: full });
  }
  if (simhei) fonts.push({ name: '思源黑体（内置）', file: bundledFont('regular') });
  return fonts;
}

/** PDFs (volumes, 卷脊) in a folder, newest first; none when the folder does not exist yet. */
export function listOutputs(dir: string): { file: string; name: string; bytes: number; modifiedAt: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.pdf'))
    .map((e) => {
      const file = path.join(dir, e.name);
      const st = fs.statSync(file);
      return { file, name: e.name, bytes: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
}
