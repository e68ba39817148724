import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo } from '../fixtures/evidence-files';
import { jobResult } from '../helpers/core-client';
import { opened, startWithSample, type SampleApp } from './harness';

/** A project whose database was damaged (a failing USB stick, a half-copied folder) is not a dead end. */
describe('opening a project with a damaged database', () => {
  let app: SampleApp;
  let damaged: Buffer;

  beforeAll(async () => {
    app = await startWithSample();
    const src = path.join(app.workDir, '照片');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, '志愿服务.jpg'), await photo({ seed: 51 }));
    await jobResult(app.core, (await app.call('materials.add', { paths: [src] })).jobId);
    // Today's copy is made in the background when a project is opened; it holds the system, not yet the photo.
    for (let waited = 0; (await app.call('projects.dbBackups', {})).length === 0; waited += 100) {
      if (waited > 15_000) throw new Error('no daily copy was made after opening the project');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await app.call('projects.close', {});
    const dbFile = path.join(app.projectDir, 'taizhang.sqlite');
    damaged = Buffer.alloc(fs.statSync(dbFile).size, 0x5a);
    fs.writeFileSync(dbFile, damaged);
    fs.rmSync(`${dbFile}-wal`, { force: true });
    await app.page.goto(app.bridge.url);
  });

  afterAll(() => app?.close());

  it('says so when opened from the recent list and puts the daily copy back, keeping the damaged file', async () => {
    const { page } = app;
    await page.locator('.tz-recent-item', { hasText: 'XX街道办事处' }).locator('.tz-recent-open').click();
    const confirm = page.locator('.ant-modal-confirm');
    await opened(confirm);
    await expect(confirm.textContent()).resolves.toContain('项目数据库已损坏');
    await confirm.getByRole('button', { name: '从自动备份恢复…' }).click();

    const daily = page.getByRole('dialog', { name: '自动备份' });
    await opened(daily);
    await daily.getByText('的数据库已损坏，无法打开').waitFor();
    await app.screenshot('damaged-project.png');
    await daily.getByRole('button', { name: '恢复到此备份' }).click();
    const sure = page.locator('.ant-modal-confirm').filter({ hasText: '恢复到' });
    await opened(sure);
    await sure.getByRole('button', { name: '恢复', exact: true }).click();

    // The project opens with what the copy holds: the system is back.
    await page.locator('.tz-project-switch', { hasText: 'XX街道办事处' }).waitFor();
    const info = (await app.call('projects.current', {}))!;
    expect(info).toMatchObject({ dir: app.projectDir, readOnly: false });
    expect(info.counts.indicators).toBe(app.indicators.length);
    const kept = (await app.call('projects.dbBackups', {})).find((b) => b.beforeRestore)!;
    expect(fs.readFileSync(path.join(app.projectDir, 'backups', kept.file)).equals(damaged)).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
