import fs from 'node:fs';
import { writeFileAtomic } from '../store/write-file-atomic';
import path from 'node:path';

export type RecentEntry = { dir: string; name: string; year: number | null; openedAt: string };

export type WindowState = { x?: number; y?: number; width: number; height: number; maximized: boolean };

export type AppSettings = {
  recentProjects: RecentEntry[];
  /** The name written to audit logs; defaults to the OS account name. */
  userName?: string;
  window?: WindowState;
  /**
   * The folder each kind of file dialog was last used in (see dialogPurpose), so the next one
   * opens there rather than in 文档 every time.
   */
  dialogFolders?: Record<string, string>;
};

const MAX_RECENT = 12;

/**
 * App-level settings in `<dataDir>/settings.json` (not per project): recent projects,
 * window state. Written atomically so a crash cannot leave half a file; a damaged file
 * is set aside and defaults are used rather than refusing to start.
 */
export class AppSettingsStore {
  private readonly file: string;
  private cache: AppSettings | null = null;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  read(): AppSettings {
    if (this.cache) return this.cache;
    let settings: AppSettings = { recentProjects: [] };
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<AppSettings>;
      settings = { ...parsed, recentProjects: Array.isArray(parsed.recentProjects) ? parsed.recentProjects : [] };
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT' && fs.existsSync(this.file)) {
        fs.renameSync(this.file, `${this.file}.damaged-${Date.now()}`);
      }
    }
    this.cache = settings;
    return settings;
  }

  update(change: (s: AppSettings) => AppSettings): AppSettings {
    const next = change(structuredClone(this.read()));
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.cache = next;
    return next;
  }

  rememberProject(entry: Omit<RecentEntry, 'openedAt'>): void {
    this.update((s) => ({
      ...s,
      recentProjects: [
        { ...entry, openedAt: new Date().toISOString() },
        ...s.recentProjects.filter((r) => !samePath(r.dir, entry.dir)),
      ].slice(0, MAX_RECENT),
    }));
  }

  /** Where the last dialog of this purpose was used, if that folder still exists. */
  dialogFolder(purpose: string): string | undefined {
    const folder = this.read().dialogFolders?.[purpose];
    return folder && fs.existsSync(folder) ? folder : undefined;
  }

  rememberDialogFolder(purpose: string, folder: string): void {
    if (this.read().dialogFolders?.[purpose] === folder) return;
    this.update((s) => ({ ...s, dialogFolders: { ...s.dialogFolders, [purpose]: folder } }));
  }

  forgetProject(dir: string): void {
    this.update((s) => ({ ...s, recentProjects: s.recentProjects.filter((r) => !samePath(r.dir, dir)) }));
  }
}

/** Windows paths are case-insensitive; compare them as the OS would. */
export function samePath(a: string, b: string): boolean {
  return pathKey(a) === pathKey(b);
}

/** A path as the OS tells paths apart: resolved, and on Windows without case (D:\\Proj is d:\\proj). */
export function pathKey(p: string): string {
  const r = path.resolve(p);
  return process.platform === 'win32' ? r.toLowerCase() : r;
}

/**
 * Which remembered folder a file dialog starts in: one for project folders, and one per kind
 * of file opened or saved (told apart by the filter's extensions), so choosing an Excel table
 * does not send the next PDF save to the Excel folder.
 */
export function dialogPurpose(kind: 'folder' | 'open' | 'save', filters?: { extensions: string[] }[]): string {
  if (kind === 'folder') return kind;
  const extensions = [...new Set((filters ?? []).flatMap((f) => f.extensions.map((e) => e.toLowerCase())))].sort();
  return `${kind}:${extensions.join(',') || '*'}`;
}
