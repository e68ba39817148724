import { useRef } from 'react';
import type { CoreEvent } from '../../../shared/ipc/events';
import { isTerminalJobEvent } from '../../../shared/ipc/events';
import { AppError } from '../../../shared/ipc/result';
import type { AddReport } from '../../../shared/materials/api-types';
import { useCoreEvent } from '../hooks/use-core-event';

type Ended = Extract<CoreEvent, { type: 'job.done' | 'job.failed' | 'job.cancelled' }>;

function settle(event: Ended, resolve: (r: AddReport) => void, reject: (e: AppError) => void): void {
  if (event.type === 'job.done') resolve(event.result as AddReport);
  else if (event.type === 'job.failed') reject(new AppError(event.error.code, event.error.message));
  else reject(new AppError('CANCELLED', '已取消'));
}

/**
 * Where each add job's result goes. Every add job reports to the open dialog, whichever window
 * or batch started it (one user per project); a job started to be awaited (a retry with a
 * password) goes to its caller instead. A job can end before the call that started it returns,
 * so results that arrive while such a call is on its way are held until its job id is known.
 */
export function useAddJobResults(onReport: (report: AddReport) => void): {
  awaitJob: (start: () => Promise<{ jobId: string }>) => Promise<AddReport>;
} {
  const waiting = useRef(new Map<string, (event: Ended) => void>());
  const held = useRef(new Map<string, Ended>());
  const starting = useRef(0);

  const release = (event: Ended) => {
    if (event.type === 'job.done') onReport(event.result as AddReport);
  };

  useCoreEvent((event) => {
    if (!isTerminalJobEvent(event) || event.kind !== 'materials.add') return;
    const waiter = waiting.current.get(event.jobId);
    if (waiter) {
      waiting.current.delete(event.jobId);
      waiter(event);
    } else if (starting.current > 0) {
      held.current.set(event.jobId, event);
    } else {
      release(event);
    }
  });

  // Once no start call is on its way, whatever was held belongs to nobody waiting.
  const releaseHeld = () => {
    if (starting.current > 0) return;
    for (const event of held.current.values()) release(event);
    held.current.clear();
  };

  const awaitJob = async (start: () => Promise<{ jobId: string }>): Promise<AddReport> => {
    starting.current++;
    let jobId: string;
    try {
      jobId = (await start()).jobId;
    } catch (e) {
      starting.current--;
      releaseHeld();
      throw e;
    }
    starting.current--;
    const early = held.current.get(jobId);
    held.current.delete(jobId);
    releaseHeld();
    return new Promise<AddReport>((resolve, reject) => {
      if (early) settle(early, resolve, reject);
      else waiting.current.set(jobId, (event) => settle(event, resolve, reject));
    });
  };

  return { awaitJob };
}
