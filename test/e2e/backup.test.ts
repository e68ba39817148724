import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, photo } from '../fixtures/evidence-files';
import { jobResult } from '../helpers/core-client';
import { chooseMenuEntry, opened, startWithSample, type SampleApp } from './harness';

/** 备份项目 from the project menu, then 从备份恢复 on the start screen into an empty folder. */
describe('backup and restore in the UI', () => {
  let app: SampleApp;
  const titles = ['志愿服务活动照片', '文明实践站挂牌', '创建工作方案'];

  const projectMenu = (entry: string) => chooseMenuEntry(app.page.locator('.tz-project-switch'), entry);

  beforeAll(async () => {
    app = await startWithSample({ folder: '2026年 创文迎检' });
    const src = path.join(app.workDir, '材料');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, `${titles[0]}.jpg`), await photo({ seed: 3 }));
    fs.writeFileSync(path.join(src, `${titles[1]}.jpg`), await photo({ seed: 4 }));
    fs.writeFileSync(path.join(src, `${titles[2]}.pdf`), await pdf(2));
    await jobResult(app.core, (await app.call('materials.add', { paths: [src] })).jobId);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('backs the project up to one file, closes it, and restores it elsewhere with the same materials', async () => {
    const { page } = app;
    const before = (await app.call('projects.current', {}))!;
    await page.goto(app.bridge.url);
    await page.locator('.tz-project-switch').waitFor();

    // 备份项目… : the browser preview asks for a folder (Electron shows its save dialog).
    await projectMenu('备份项目…');
    const backupDialog = page.getByRole('dialog', { name: '备份项目' });
    await opened(backupDialog);
    const field = backupDialog.getByLabel('保存到文件夹');
    await expect(field.inputValue()).resolves.toBe(app.workDir);
    const backupDir = path.join(app.workDir, 'U盘 备份');
    await field.fill(backupDir);
    await expect(backupDialog.textContent()).resolves.toMatch(/文件名：XX街道办事处2026年度台账备份-\d{8}\.taizhang/);
    await app.screenshot('backup-dialog.png');
    await backupDialog.getByRole('button', { name: '开始备份' }).click();
    await backupDialog.waitFor({ state: 'hidden' });

    const done = page.locator('.tz-jobs').getByText(/^已备份到《.*》（3 个文件，[\d.]+ (KB|MB)）$/);
    await done.waitFor();
    await app.screenshot('backup-done.png');
    const [zipName] = fs.readdirSync(backupDir);
    expect(zipName).toMatch(/^XX街道办事处2026年度台账备份-\d{8}\.taizhang$/);
    const zipPath = path.join(backupDir, zipName!);
    await expect(done.textContent()).resolves.toContain(zipPath);

    // 自动备份… lists today's copy of the database, made when the project was opened.
    await projectMenu('自动备份…');
    const daily = page.getByRole('dialog', { name: '自动备份' });
    await opened(daily);
    await daily.getByText('每日自动备份').waitFor();
    await expect(daily.getByRole('button', { name: '恢复到此备份' }).count()).resolves.toBe(1);
    await app.screenshot('backup-daily-list.png');
    // Going back to a copy is asked first, naming its day; cancelling changes nothing.
    await daily.getByRole('button', { name: '恢复到此备份' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await opened(confirm);
    await expect(confirm.textContent()).resolves.toMatch(/恢复到 \d{4}-\d\d-\d\d 的自动备份？.*当前的数据会先另存一份/);
    await app.screenshot('backup-daily-confirm.png');
    await confirm
      .getByRole('button', { name: '取 消' })
      .or(confirm.getByRole('button', { name: '取消' }))
      .click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await app.call('projects.current', {}))!.counts).toEqual(before.counts);
    await daily.getByRole('button', { name: '关闭' }).first().click();
    await daily.waitFor({ state: 'hidden' });

    await projectMenu('关闭项目');
    await page.getByRole('button', { name: '从备份恢复' }).waitFor();
    await app.screenshot('backup-start-screen.png');
    await page.getByRole('button', { name: '从备份恢复' }).click();
    const restoreDialog = page.getByRole('dialog', { name: '从备份恢复' });
    await opened(restoreDialog);
    await restoreDialog.getByLabel('备份文件').fill(zipPath);
    const target = path.join(app.workDir, '恢复的 项目');
    // A folder that is not empty is refused in the dialog, and nothing starts.
    await restoreDialog.getByLabel('恢复到文件夹').fill(backupDir);
    await restoreDialog.getByRole('button', { name: '开始恢复' }).click();
    await restoreDialog.getByText(/已有其他文件/).waitFor();
    await restoreDialog.getByLabel('恢复到文件夹').fill(target);
    await app.screenshot('backup-restore-dialog.png');
    await restoreDialog.getByRole('button', { name: '开始恢复' }).click();

    // The restored project opens by itself, with the same materials.
    await restoreDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.tz-project-switch').getAttribute('title')).toBe(target);
    await page.getByText('已从备份恢复“XX街道办事处”（2026年度），共 3 个文件。').waitFor();
    const info = (await app.call('projects.current', {}))!;
    expect(info.dir).toBe(target);
    expect(info.counts).toEqual(before.counts);
    await page.locator('.tz-fixed-nodes .tz-node', { hasText: '待归类' }).click();
    for (const title of titles) await page.locator('.tz-material-list').getByText(title).waitFor();
    await app.screenshot('backup-restored.png');
    expect((await app.call('projects.recent', {}))[0]!.dir).toBe(target);
    expect(app.pageErrors).toEqual([]);
  });
});
