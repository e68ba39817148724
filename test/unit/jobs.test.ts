import { describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/core/event-bus';
import { JobManager } from '../../electron/core/jobs/job-manager';
import { silentLogger } from '../../electron/core/log';
import type { CoreEvent } from '../../shared/ipc/events';

function setup() {
  const bus = new EventBus();
  const events: CoreEvent[] = [];
  bus.subscribe((e) => events.push(e));
  return { jobs: new JobManager(bus, silentLogger), events };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('jobs', () => {
  it('reports progress and then done with the result', async () => {
    const { jobs, events } = setup();
    const jobId = jobs.start({
      kind: 'test.count',
      title: '计数',
      run: async (ctx) => {
        for (let i = 1; i <= 5; i++) {
          await tick();
          ctx.progress({ current: i, total: 5, message: `第${i}项` });
        }
        return { counted: 5 };
      },
    });
    expect(events).toEqual([]); // nothing before the caller has the id
    const info = await jobs.settled(jobId);
    expect(info?.status).toBe('done');
    const progress = events.filter((e) => e.type === 'job.progress');
    expect(progress.length).toBeGreaterThanOrEqual(1);
    // The final progress event is never throttled away.
    expect(progress.at(-1)).toMatchObject({ jobId, current: 5, total: 5, message: '第5项' });
    expect(events.at(-1)).toEqual({ type: 'job.done', jobId, kind: 'test.count', result: { counted: 5 } });
  });

  it('throttles progress events', async () => {
    const { jobs, events } = setup();
    const jobId = jobs.start({
      kind: 'test.fast',
      title: '快速',
      run: async (ctx) => {
        for (let i = 1; i <= 10_000; i++) ctx.progress({ current: i, total: 10_000 });
      },
    });
    await jobs.settled(jobId);
    const progress = events.filter((e) => e.type === 'job.progress');
    expect(progress.length).toBeLessThan(10);
  });

  it('cancels a running job through its AbortSignal', async () => {
    const { jobs, events } = setup();
    let iterations = 0;
    const jobId = jobs.start({
      kind: 'test.endless',
      title: '无尽',
      run: async (ctx) => {
        for (;;) {
          ctx.throwIfCancelled();
          iterations++;
          ctx.progress({ current: iterations, total: 0 });
          await tick();
        }
      },
    });
    await new Promise((r) => setTimeout(r, 40));
    expect(jobs.cancel(jobId)).toBe(true);
    const info = await jobs.settled(jobId);
    expect(info?.status).toBe('cancelled');
    expect(events.at(-1)).toEqual({ type: 'job.cancelled', jobId, kind: 'test.endless' });
    const at = iterations;
    await new Promise((r) => setTimeout(r, 30));
    expect(iterations).toBe(at);
    expect(jobs.cancel(jobId)).toBe(false);
  });

  it('reports a failure as data in Chinese', async () => {
    const { jobs, events } = setup();
    const jobId = jobs.start({
      kind: 'test.fail',
      title: '失败',
      run: async () => {
        throw new Error('disk exploded at /secret/path');
      },
    });
    await jobs.settled(jobId);
    const failed = events.at(-1);
    expect(failed?.type).toBe('job.failed');
    if (failed?.type === 'job.failed') {
      expect(failed.error.code).toBe('INTERNAL');
      expect(failed.error.message).not.toContain('/secret/path');
    }
  });
});
