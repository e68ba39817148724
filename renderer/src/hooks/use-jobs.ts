import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobInfo, JobStatus } from '../../../shared/ipc/contract';
import type { CoreEvent } from '../../../shared/ipc/events';
import { api } from '../api';
import { describeJob, type Outcome, type Tone } from './job-outcome';
import { useCoreEvent } from './use-core-event';

export type { Tone };

export type JobView = {
  jobId: string;
  kind: string;
  title: string;
  status: JobStatus;
  current: number;
  total: number;
  message: string;
  /** Set when finished. */
  outcome?: Outcome;
  /** Finished and on its way out (drives the fade). */
  leaving?: boolean;
};

/** Titles for jobs that finish before their first progress event reaches us. */
const KNOWN_TITLES: Record<string, string> = {
  'projects.verify': '校验项目文件',
  'projects.backup': '备份项目',
  'projects.restore': '从备份恢复',
};

/** How long a finished job stays in the bar; longer when the user must read or act. */
const LINGER_MS: Record<Tone, number> = { success: 4000, info: 4000, warning: 12000, error: 12000 };
const FADE_MS = 600;

function outcomeOf(event: Extract<CoreEvent, { type: 'job.done' | 'job.failed' | 'job.cancelled' }>): Outcome {
  if (event.type === 'job.done') return describeJob(event.kind, 'done', event.result);
  if (event.type === 'job.failed') return describeJob(event.kind, 'failed', undefined, event.error.message);
  return describeJob(event.kind, 'cancelled');
}

/** The one line the jobs bar shows for a finished job. */
export function outcomeText(job: JobView): string {
  if (job.status === 'done') return job.outcome?.text ?? `${job.title}完成`;
  if (job.status === 'failed') return `${job.title}失败：${job.outcome?.text ?? ''}`;
  if (job.status === 'cancelled') return `${job.title}已取消`;
  return '';
}

/**
 * The jobs the bar shows, kept current from core events. Finished jobs stay briefly with
 * a one-line outcome, then fade out.
 */
export function useJobs(): { jobs: JobView[]; cancel: (jobId: string) => Promise<void> } {
  const [jobs, setJobs] = useState<JobView[]>([]);
  // The source of truth, updated synchronously so an event handler can tell what is
  // already known (setState updaters run later, and twice under StrictMode).
  const current = useRef<JobView[]>([]);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const update = useCallback((change: (list: JobView[]) => JobView[]) => {
    current.current = change(current.current);
    setJobs(current.current);
  }, []);

  const later = useCallback((ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      fn();
    }, ms);
    timers.current.add(timer);
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  // Jobs started before this window opened (or before a reload) are still worth showing,
  // and jobs that finished before their first progress event need their real title.
  const adoptFromCore = useCallback(async () => {
    const result = await api.tryCall('jobs.list', {});
    if (!result.ok) return;
    const byId = new Map(result.value.map((j: JobInfo) => [j.jobId, j]));
    update((list) => {
      const known = new Set(list.map((j) => j.jobId));
      const titled = list.map((j) => {
        const info = byId.get(j.jobId);
        return info && info.title !== j.title ? { ...j, title: info.title } : j;
      });
      const fresh = result.value
        .filter((j) => j.status === 'running' && !known.has(j.jobId))
        .map((j): JobView => ({ ...j }));
      return [...titled, ...fresh];
    });
  }, [update]);

  useEffect(() => {
    void adoptFromCore();
  }, [adoptFromCore]);

  useCoreEvent((event) => {
    if (event.type === 'project.changed') return;
    const { jobId, kind } = event;
    const existing = current.current.find((j) => j.jobId === jobId);
    const base: JobView = existing ?? {
      jobId,
      kind,
      title: event.type === 'job.progress' ? event.title : (KNOWN_TITLES[kind] ?? '后台任务'),
      status: 'running',
      current: 0,
      total: 0,
      message: '',
    };
    let next: JobView;
    if (event.type === 'job.progress') {
      if (base.status !== 'running') return; // a late progress event must not revive a finished job
      next = { ...base, title: event.title, current: event.current, total: event.total, message: event.message };
    } else {
      const status: JobStatus =
        event.type === 'job.done' ? 'done' : event.type === 'job.failed' ? 'failed' : 'cancelled';
      next = { ...base, status, outcome: outcomeOf(event) };
    }
    update((list) => (existing ? list.map((j) => (j.jobId === jobId ? next : j)) : [...list, next]));
    if (!existing && event.type !== 'job.progress') void adoptFromCore();
    if (next.outcome) {
      const linger = next.outcome.lingerMs ?? LINGER_MS[next.outcome.tone];
      later(linger, () => update((list) => list.map((j) => (j.jobId === jobId ? { ...j, leaving: true } : j))));
      later(linger + FADE_MS, () => update((list) => list.filter((j) => j.jobId !== jobId)));
    }
  });

  const cancel = useCallback(async (jobId: string) => {
    await api.call('jobs.cancel', { jobId });
  }, []);

  return { jobs, cancel };
}
