import os from 'node:os';
import type { CoreEvent } from '../../shared/ipc/events';
import { AppError } from '../../shared/ipc/result';
import { ProjectSession, type CoreContext, type Host } from './context';
import { EventBus } from './event-bus';
import { appHandlers } from './handlers/app-handlers';
import { backupHandlers } from './handlers/backup-handlers';
import { projectHandlers } from './handlers/project-handlers';
import { systemHandlers } from './handlers/system-handlers';
import { binderHandlers } from './handlers/binder-handlers';
import { gapHandlers } from './handlers/gap-handlers';
import { materialHandlers } from './handlers/material-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { searchHandlers } from './handlers/search-handlers';
import { warmUpSearch } from './search/search-service';
import { JobManager } from './jobs/job-manager';
import { recordJobsIn } from './jobs/job-recorder';
import { createFileLogger, type Logger } from './log';
import { explainFailure } from './project/folder-access';
import { createDispatch, HandlerRegistry, type Dispatch } from './rpc/dispatcher';
import { AppSettingsStore } from './settings/app-settings';
import { APP_VERSION } from './version';

export type CoreOptions = {
  /** Where app-level settings and logs live (not a project folder). */
  dataDir: string;
  userName?: string;
  host?: Host;
  log?: Logger;
};

export type Core = {
  dispatch: Dispatch;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  context: CoreContext;
  /** Cancels running jobs and closes the open project (releasing its lock). */
  close(): Promise<void>;
};

function defaultUserName(): string {
  try {
    return os.userInfo().username || '未知用户';
  } catch {
    return '未知用户';
  }
}

/**
 * Builds the whole service layer behind one dispatcher. Electron main, the HTTP bridge,
 * the CLI and tests all create a core this way and differ only in their transport.
 */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? createFileLogger(options.dataDir);
  const bus = new EventBus();
  // A failure while the open project's folder is gone (USB stick pulled) is reported as that.
  const explain = (e: unknown) => explainFailure(e, session.current());
  const jobs = new JobManager(bus, log, explain);
  const settings = new AppSettingsStore(options.dataDir);
  const session = new ProjectSession((project) => {
    jobs.setRecorder(project ? recordJobsIn(project.db, log) : null);
    bus.emit({ type: 'project.changed', dir: project?.dir ?? null });
    // Build the indicator search index (pinyin of every title, ~0.2–0.5 s) just after opening,
    // so the first keystroke in the search box does not wait for it.
    if (project) {
      setTimeout(() => {
        if (session.current() !== project) return;
        try {
          warmUpSearch(project.db);
        } catch (e) {
          log.error('search warm-up failed', e);
        }
      }, 0);
    }
  });
  const context: CoreContext = {
    dataDir: options.dataDir,
    userName: options.userName ?? settings.read().userName ?? defaultUserName(),
    version: APP_VERSION,
    host: options.host ?? { nativeDialogs: false },
    log,
    bus,
    jobs,
    settings,
    session,
  };
  const registry = new HandlerRegistry();
  registry.registerAll(appHandlers(context));
  registry.registerAll(projectHandlers(context));
  registry.registerAll(systemHandlers(context));
  registry.registerAll(materialHandlers(context));
  registry.registerAll(gapHandlers(context));
  registry.registerAll(binderHandlers(context));
  registry.registerAll(searchHandlers(context));
  registry.registerAll(reviewHandlers(context));
  registry.registerAll(backupHandlers(context));
  const missing = registry.missing();
  if (missing.length) throw new Error(`no handler for: ${missing.join(', ')}`);

  return {
    // The errors projects.* raise on purpose name their own folder (opening another project
    // must not be blamed on the one that went away).
    dispatch: createDispatch(registry, log, (e, method) =>
      method.startsWith('projects.') && e instanceof AppError ? e : explain(e),
    ),
    onEvent: (listener) => bus.subscribe(listener),
    context,
    async close() {
      await jobs.shutdown();
      session.set(null);
    },
  };
}
