import { randomUUID } from 'node:crypto';
import type { JobInfo } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import type { EventBus } from '../event-bus';
import { toRpcError } from '../errors';
import type { Logger } from '../log';

export type ProgressUpdate = {
  current: number;
  total: number;
  message?: string;
  /** A short machine name for the phase, e.g. 'hash', 'copy', 'render'. */
  step?: string;
};

export type JobContext = {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  /** Throws a CANCELLED AppError when the job was cancelled; call between units of work. */
  throwIfCancelled(): void;
};

export type JobSpec<T> = {
  kind: string;
  /** Chinese label for the jobs bar. */
  title: string;
  run: (ctx: JobContext) => Promise<T>;
};

export type JobRecorder = {
  started(info: JobInfo): void;
  finished(info: JobInfo, outcome: { result?: unknown; error?: { code: string; message: string } }): void;
};

type RunningJob = { info: JobInfo; controller: AbortController; lastEmit: number; promise: Promise<void> };

/** Progress events are throttled to this interval; terminal events are never dropped. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Runs long work in the background: returns a jobId at once, reports progress on the
 * event bus, and finishes with exactly one of job.done / job.failed / job.cancelled.
 */
export class JobManager {
  private readonly jobs = new Map<string, RunningJob>();
  private recorder: JobRecorder | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly log: Logger,
    /** Gives a job's failure its meaning in context (the project folder went away), as the dispatcher does. */
    private readonly explain: (e: unknown) => unknown = (e) => e,
  ) {}

  /** Where finished jobs are written down (the open project's jobs table), if anywhere. */
  setRecorder(recorder: JobRecorder | null): void {
    this.recorder = recorder;
  }

  start<T>(spec: JobSpec<T>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const info: JobInfo = {
      jobId,
      kind: spec.kind,
      title: spec.title,
      status: 'running',
      current: 0,
      total: 0,
      message: '',
      startedAt: new Date().toISOString(),
    };
    const job: RunningJob = { info, controller, lastEmit: 0, promise: Promise.resolve() };
    this.jobs.set(jobId, job);
    this.safeRecord(() => this.recorder?.started({ ...info }));

    const ctx: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (u) => this.progress(job, u),
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', '任务已取消');
      },
    };
    // Start on the next tick so the caller receives the jobId before any event.
    job.promise = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => spec.run(ctx))
      .then(
        (result) => this.finish(job, { result }),
        (error: unknown) => this.finish(job, { error }),
      );
    return jobId;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.info.status !== 'running') return false;
    job.controller.abort();
    return true;
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  /** Resolves when the job has finished (any outcome); for tests and orderly shutdown. */
  async settled(jobId: string): Promise<JobInfo | undefined> {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    await job.promise;
    return { ...job.info };
  }

  /** Cancels everything still running and waits for it to stop. */
  async shutdown(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    await Promise.all([...this.jobs.values()].map((j) => j.promise));
  }

  private progress(job: RunningJob, u: ProgressUpdate): void {
    if (job.info.status !== 'running') return;
    job.info.current = u.current;
    job.info.total = u.total;
    job.info.message = u.message ?? job.info.message;
    const now = Date.now();
    const last = u.total > 0 && u.current >= u.total;
    if (!last && now - job.lastEmit < PROGRESS_INTERVAL_MS) return;
    job.lastEmit = now;
    this.bus.emit({
      type: 'job.progress',
      jobId: job.info.jobId,
      kind: job.info.kind,
      title: job.info.title,
      step: u.step ?? '',
      current: u.current,
      total: u.total,
      message: job.info.message,
    });
  }

  private finish(job: RunningJob, outcome: { result?: unknown; error?: unknown }): void {
    const { jobId, kind } = job.info;
    const cancelled =
      job.controller.signal.aborted || (outcome.error instanceof AppError && outcome.error.code === 'CANCELLED');
    if (outcome.error === undefined && !cancelled) {
      job.info.status = 'done';
      this.safeRecord(() => this.recorder?.finished({ ...job.info }, { result: outcome.result }));
      this.bus.emit({ type: 'job.done', jobId, kind, result: outcome.result });
    } else if (cancelled) {
      job.info.status = 'cancelled';
      this.safeRecord(() =>
        this.recorder?.finished({ ...job.info }, { error: { code: 'CANCELLED', message: '任务已取消' } }),
      );
      this.bus.emit({ type: 'job.cancelled', jobId, kind });
    } else {
      job.info.status = 'failed';
      const error = toRpcError(this.explain(outcome.error), this.log);
      this.safeRecord(() => this.recorder?.finished({ ...job.info }, { error }));
      this.bus.emit({ type: 'job.failed', jobId, kind, error });
    }
  }

  private safeRecord(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log.error('could not record job', e);
    }
  }
}
