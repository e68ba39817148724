import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AddReport } from '../../shared/materials/api-types';
import { INTERRUPTED } from '../../electron/core/jobs/job-history';
import { photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

// 任务记录: what the project's jobs came to, kept in its database, readable after a restart.
describe('jobs.history', () => {
  const { core, call } = testCore();

  it('is empty with no project open', async () => {
    expect(await call('jobs.history', {})).toEqual([]);
  });

  it('lists the jobs newest first with their stored results and failures', async () => {
    const dir = path.join(tempDir(), '任务 项目');
    await call('projects.create', { dir, name: '单位', year: 2026 });
    const src = tempDir('材料');
    fs.writeFileSync(path.join(src, '照片.jpg'), await photo({ seed: 3 }));
    fs.writeFileSync(path.join(src, '空文件.pdf'), '');
    const add = await call('materials.add', { paths: [src] });
    await jobResult(core, add.jobId);
    const verify = await call('projects.verify', {});
    await jobResult(core, verify.jobId);

    const history = await call('jobs.history', {});
    expect(history.map((j) => [j.jobId, j.kind, j.status])).toEqual([
      [verify.jobId, 'projects.verify', 'done'],
      [add.jobId, 'materials.add', 'done'],
    ]);
    const report = history[1]!.result as AddReport;
    expect(report.added).toHaveLength(1);
    expect(report.failed.map((f) => path.basename(f.path))).toEqual(['空文件.pdf']);
    expect(history[1]!.finishedAt).not.toBeNull();
    expect(await call('jobs.history', { limit: 1 })).toHaveLength(1);
  });

  it('reports a job the app stopped in the middle of (still "running" in the database) as not finished', async () => {
    const project = core.context.session.current()!;
    project.db
      .prepare(
        "INSERT INTO jobs (id, kind, title, status, started_at) VALUES ('cut-off', 'binder.build', '装订成卷', 'running', ?)",
      )
      .run(new Date(Date.now() + 1000).toISOString());
    const [cutOff] = await call('jobs.history', {});
    expect(cutOff).toMatchObject({ jobId: 'cut-off', status: 'failed', error: INTERRUPTED, finishedAt: null });
  });
});
