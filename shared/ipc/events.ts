import type { RpcError } from './result';
import type { JobStatus } from './contract';

/**
 * Events the core pushes to every connected UI (Electron IPC, SSE on the bridge, tests).
 * Progress events are throttled by the core; done/failed/cancelled are always delivered.
 */
export type CoreEvent =
  | {
      type: 'job.progress';
      jobId: string;
      kind: string;
      title: string;
      step: string;
      current: number;
      total: number;
      message: string;
    }
  | { type: 'job.done'; jobId: string; kind: string; result: unknown }
  | { type: 'job.failed'; jobId: string; kind: string; error: RpcError }
  | { type: 'job.cancelled'; jobId: string; kind: string }
  /** The open project changed (opened, closed, or its content was edited). */
  | { type: 'project.changed'; dir: string | null };

export type CoreEventType = CoreEvent['type'];

export function isTerminalJobEvent(
  e: CoreEvent,
): e is Extract<CoreEvent, { type: 'job.done' | 'job.failed' | 'job.cancelled' }> {
  return e.type === 'job.done' || e.type === 'job.failed' || e.type === 'job.cancelled';
}

export function statusOfTerminal(e: CoreEvent): JobStatus | null {
  if (e.type === 'job.done') return 'done';
  if (e.type === 'job.failed') return 'failed';
  if (e.type === 'job.cancelled') return 'cancelled';
  return null;
}
