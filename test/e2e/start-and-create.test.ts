import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseMenuEntry, startApp, type E2eApp } from './harness';

/**
 * The first thing every user does: start the app, create a project in a folder whose path
 * has Chinese characters and a space, work in it, close it, and find it in the recent list.
 */
describe('start screen → new project → main window', () => {
  let app: E2eApp;
  let projectDir: string;
  /** Takes an entry of the menu under the project's name in the top bar. */
  const projectMenu = (entry: string) => chooseMenuEntry(app.page.locator('.tz-project-switch'), entry);

  beforeAll(async () => {
    app = await startApp();
    projectDir = path.join(app.workDir, '2026年 创文迎检');

    // Two earlier projects, one of whose folders has since disappeared, so the recent
    // list shows both of its states.
    const gone = path.join(app.workDir, '旧项目 2024');
    await app.call('projects.create', { dir: gone, name: 'XX社区居委会', year: 2024 });
    await app.call('projects.create', {
      dir: path.join(app.workDir, '2025年 创卫复审'),
      name: 'XX街道办事处',
      year: 2025,
    });
    await app.call('projects.close', {});
    fs.rmSync(gone, { recursive: true, force: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the start screen with recent projects', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await page.getByRole('button', { name: /新建项目/ }).waitFor();
    await expect(page.title()).resolves.toBe('台账通');
    await page.getByText('创文创卫台账资料的收集、查漏补缺与装订成卷').waitFor();

    const recent = page.locator('.tz-recent-item');
    await expect.poll(() => recent.count()).toBe(2);
    const missing = page.locator('.tz-recent-item-missing');
    await expect(missing.textContent()).resolves.toContain('找不到（可能已移动或U盘未插入）');
    await expect(missing.textContent()).resolves.toContain('XX社区居委会');
    await expect(page.locator('.tz-recent-item', { hasText: '2025年度' }).textContent()).resolves.toContain(
      '2025年 创卫复审',
    );
    await app.screenshot('start-screen.png');

    // 移除 forgets the entry (the folder itself is not touched).
    await missing.getByRole('button', { name: '移除' }).click();
    await expect.poll(() => recent.count()).toBe(1);
    const left = await app.call('projects.recent', {});
    expect(left.map((r) => r.name)).toEqual(['XX街道办事处']);
  });

  it('creates a project and shows the main window', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /新建项目/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建项目' });
    await dialog.waitFor();

    // Submitting empty says what is missing, in Chinese, next to the field.
    await dialog.getByRole('button', { name: '创建项目' }).click();
    await dialog.getByText('请填写单位名称').waitFor();

    await dialog.getByLabel('单位名称').fill('XX街道办事处');
    await dialog.getByLabel('年度').fill('2026');
    await dialog.getByLabel('项目文件夹').fill(projectDir);
    await app.screenshot('new-project.png');
    await dialog.getByRole('button', { name: '创建项目' }).click();

    const topBar = page.locator('header.tz-topbar');
    await topBar.getByText('XX街道办事处').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect(topBar.textContent()).resolves.toContain('2026年度');
    await page.getByText('还没有测评体系').waitFor();
    await page.getByRole('button', { name: '导入Excel' }).waitFor();
    // With nothing selected, the right pane says where the work stands and what comes next.
    const steps = page.getByRole('region', { name: '工作步骤' });
    await steps.getByText('在左侧点“导入Excel”导入市里下发的指标表').waitFor();
    await expect(steps.getByText('已完成').count()).resolves.toBe(0);
    await page.getByText('就绪').waitFor();

    expect(fs.statSync(path.join(projectDir, 'taizhang.sqlite')).isFile()).toBe(true);
    expect(fs.statSync(path.join(projectDir, 'files')).isDirectory()).toBe(true);
    await app.screenshot('main-shell.png');
  });

  it('focuses search with Ctrl+K and says when nothing matches', async () => {
    const { page } = app;
    await page.keyboard.press('Control+k');
    const search = page.getByPlaceholder('搜索指标、材料 (Ctrl+K)');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('志愿服务');
    await page.getByText('暂无匹配的指标或材料').waitFor();
    await app.screenshot('main-shell-search.png');
    await page.keyboard.press('Escape');
    await page.getByText('暂无匹配的指标或材料').waitFor({ state: 'detached' });
  });

  it('verifies the project files as a job with its result in the jobs bar', async () => {
    const { page } = app;
    await projectMenu('校验文件');
    await page.locator('.tz-jobs').getByText('校验完成：项目中还没有文件').waitFor();
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    await app.screenshot('main-shell-verified.png');
  });

  it('shows a running job with its progress, and cancels it', async () => {
    const { page } = app;
    // A stand-in for a long import: the jobs bar only knows the job through core events.
    const jobId = app.core.context.jobs.start({
      kind: 'e2e.slow',
      title: '导入材料',
      run: async (job) => {
        for (let i = 0; i <= 1000; i++) {
          job.throwIfCancelled();
          job.progress({ current: i, total: 1000, message: `照片${i}.jpg` });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
    });
    const bar = page.locator('.tz-jobs');
    await bar.getByText('导入材料').waitFor();
    await bar.locator('.ant-progress').waitFor();
    await expect.poll(() => bar.locator('.tz-job-count').textContent()).toMatch(/^[1-9]\d*\/1000$/);
    await bar.getByRole('button', { name: '取消' }).click();
    await bar.getByText('导入材料已取消').waitFor();
    await expect(app.core.context.jobs.settled(jobId)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('shows the project information', async () => {
    const { page } = app;
    await projectMenu('项目信息');
    const dialog = page.getByRole('dialog', { name: '项目信息' });
    await dialog.getByText(projectDir).waitFor();
    await expect(dialog.textContent()).resolves.toContain('0 件');
    await app.screenshot('project-info.png');
    await dialog.getByRole('button', { name: /关闭|Close/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('closes the project, lists it first among recent projects, and saved it on disk', async () => {
    const { page } = app;
    await projectMenu('关闭项目');
    await page.getByRole('button', { name: /新建项目/ }).waitFor();

    const first = page.locator('.tz-recent-item').first();
    await expect.poll(() => first.textContent()).toContain('2026年度');
    await expect(first.textContent()).resolves.toContain(projectDir);
    await expect(page.locator('.tz-recent-item').count()).resolves.toBe(2);

    // Closed, so the lock is gone and the database can be read as any other tool would.
    expect(fs.existsSync(path.join(projectDir, 'taizhang.lock'))).toBe(false);
    const db = new Database(path.join(projectDir, 'taizhang.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT name, year FROM project').all()).toEqual([{ name: 'XX街道办事处', year: 2026 }]);
    } finally {
      db.close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
