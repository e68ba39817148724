import { useCallback, useRef, useState } from 'react';
import type { CoreEvent } from '../../../shared/ipc/events';
import { api } from '../api';
import { errorText } from '../errors';
import { useCoreEvent } from '../hooks/use-core-event';

export type TrackedJob<R> = {
  status: 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'cancelled';
  jobId: string | null;
  current: number;
  total: number;
  message: string;
  /** The job's result once done. */
  result: R | null;
  /** A failed start or a failed job, in the user's words. */
  error: string | null;
  cancelling: boolean;
};

const IDLE: TrackedJob<never> = {
  status: 'idle',
  jobId: null,
  current: 0,
  total: 0,
  message: '',
  result: null,
  error: null,
  cancelling: false,
};

export const jobPercent = (job: { current: number; total: number; status: string }): number =>
  job.status === 'done' ? 100 : job.total > 0 ? Math.min(100, Math.floor((job.current / job.total) * 100)) : 0;

/**
 * One job of one kind that this screen starts and follows to its end: progress, result,
 * failure, cancel. Events can arrive before the call that started the job returns its id, so
 * the events of this kind seen while starting are kept and replayed once the id is known.
 */
export function useTrackedJob<R>(kind: string): {
  job: TrackedJob<R>;
  start: (begin: () => Promise<{ jobId: string }>) => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
} {
  const [job, setJob] = useState<TrackedJob<R>>(IDLE);
  const current = useRef<string | null>(null);
  const starting = useRef(false);
  const held = useRef<CoreEvent[]>([]);

  const apply = useCallback((event: CoreEvent) => {
    if (event.type === 'project.changed') return;
    setJob((j) => {
      if (j.jobId !== event.jobId) return j;
      switch (event.type) {
        case 'job.progress':
          if (j.status !== 'running') return j;
          return { ...j, current: event.current, total: event.total, message: event.message };
        case 'job.done':
          return { ...j, status: 'done', result: event.result as R, cancelling: false };
        case 'job.failed':
          return { ...j, status: 'failed', error: event.error.message, cancelling: false };
        case 'job.cancelled':
          return { ...j, status: 'cancelled', cancelling: false };
      }
    });
  }, []);

  useCoreEvent((event) => {
    if (event.type === 'project.changed' || event.kind !== kind) return;
    if (event.jobId === current.current) apply(event);
    else if (starting.current) held.current.push(event);
  });

  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>) => {
      if (starting.current) return;
      starting.current = true;
      held.current = [];
      setJob({ ...IDLE, status: 'starting', message: '正在准备…' });
      try {
        const { jobId } = await begin();
        current.current = jobId;
        setJob((j) => ({ ...j, status: 'running', jobId }));
        for (const event of held.current) if (event.type !== 'project.changed' && event.jobId === jobId) apply(event);
      } catch (e) {
        setJob({ ...IDLE, status: 'failed', error: errorText(e) });
      } finally {
        starting.current = false;
        held.current = [];
      }
    },
    [apply],
  );

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (!jobId) return;
    setJob((j) => ({ ...j, cancelling: true }));
    const r = await api.tryCall('jobs.cancel', { jobId });
    // Already finished: its done event says what happened.
    if (!r.ok || !r.value.cancelled) setJob((j) => ({ ...j, cancelling: false }));
  }, []);

  const reset = useCallback(() => {
    current.current = null;
    setJob(IDLE);
  }, []);

  return { job, start, cancel, reset };
}
