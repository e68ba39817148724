import type { FileFilter } from '../../shared/ipc/contract';
import type { EventBus } from './event-bus';
import type { JobManager } from './jobs/job-manager';
import type { Logger } from './log';
import type { Project } from './project/project';
import type { AppSettingsStore } from './settings/app-settings';

/** What the front end that hosts the core can do for it (native dialogs exist only in Electron). */
export type Host = {
  nativeDialogs: boolean;
  /** The user's 文档 folder (Electron); where 打开示例项目 puts the sample. Without it, the data folder. */
  documentsDir?: string;
  /** A backup file (.taizhang) the app was started with (double-clicked in Explorer); handed over once, then null. */
  openFile?: () => string | null;
  /** `defaultFolder`: where the dialog starts (the folder the last one of its kind was used in). */
  pickFolder?: (title?: string, defaultFolder?: string) => Promise<string | null>;
  pickFile?: (options: { title?: string; filters?: FileFilter[]; defaultFolder?: string }) => Promise<string | null>;
  saveFile?: (options: {
    title?: string;
    defaultName: string;
    filters?: FileFilter[];
    defaultFolder?: string;
  }) => Promise<string | null>;
  /** Opens a file or folder with the system's default program (the PDF viewer for volumes). */
  openPath?: (file: string) => Promise<void>;
  /** Shows a file selected in Explorer. */
  showInFolder?: (file: string) => void;
  /** Printers installed (Windows); empty when the host cannot list them. */
  listPrinters?: () => Promise<string[]>;
  /** Prints a PDF: to a printer with duplex where the host can, else through the system viewer. */
  printPdf?: (file: string, options: { printer?: string; duplex: boolean }) => Promise<void>;
};

/** Holds the one project a core instance has open (the app works on one ledger at a time). */
export class ProjectSession {
  private project: Project | null = null;

  constructor(private readonly onChange: (project: Project | null) => void) {}

  current(): Project | null {
    return this.project;
  }

  set(project: Project | null): void {
    if (this.project && this.project !== project) this.project.close();
    this.project = project;
    this.onChange(project);
  }
}

export type CoreContext = {
  dataDir: string;
  userName: string;
  version: string;
  host: Host;
  log: Logger;
  bus: EventBus;
  jobs: JobManager;
  settings: AppSettingsStore;
  session: ProjectSession;
};
