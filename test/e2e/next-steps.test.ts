import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo } from '../fixtures/evidence-files';
import { jobResult } from '../helpers/core-client';
import { openIndicator, startWithSample, type SampleApp } from './harness';

/** 工作步骤 in the right pane: where the work stands, each step in words, and the way to the next one. */
describe('工作步骤 with nothing selected', () => {
  let app: SampleApp;
  const steps = () => app.page.getByRole('region', { name: '工作步骤' });

  beforeAll(async () => {
    app = await startWithSample();
    const src = path.join(app.workDir, '新到的照片');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, '志愿服务.jpg'), await photo({ seed: 12 }));
    fs.writeFileSync(path.join(src, '宣传栏.jpg'), await photo({ seed: 13 }));
    await jobResult(app.core, (await app.call('materials.add', { paths: [src] })).jobId);
    await app.page.goto(app.bridge.url);
  });

  afterAll(() => app?.close());

  it('says the system is in, two items wait in 待归类, and how many indicators are missing', async () => {
    const { page } = app;
    await steps().getByText('已导入').waitFor();
    const done = steps().locator('li.tz-step-done');
    await expect(done.count()).resolves.toBe(1);
    await expect(done.textContent()).resolves.toContain('导入测评体系已完成');
    await steps().getByText('还有 2 件材料待归类').waitFor();
    const gaps = await app.call('gaps.check', { systemId: app.systemId });
    await steps().getByText(`${gaps.summary.missing} 个缺失`).waitFor();
    await app.screenshot('next-steps.png');

    // The way on: 查看待归类 opens the inbox with the two items.
    await steps().getByRole('button', { name: '查看待归类（2）' }).click();
    await page.locator('.tz-indicator-title', { hasText: '待归类' }).waitFor();
    await expect(page.locator('.tz-material-list .ant-table-row').count()).resolves.toBe(2);
    // Ticking both says what is chosen and where the batch actions are.
    for (const row of await page.locator('.tz-material-list .ant-table-row').all())
      await row.locator('.ant-checkbox-input').check();
    await page.getByRole('region', { name: '已选材料' }).getByText('已选 2 件材料').waitFor();
    for (const row of await page.locator('.tz-material-list .ant-table-row').all())
      await row.locator('.ant-checkbox-input').uncheck();
  });

  it('opens the items of the list one after another with ↓ and ↑ (keyboard only)', async () => {
    const { page } = app;
    const rows = page.locator('.tz-material-list .ant-table-row');
    const titles = await rows.locator('.tz-material-title').allTextContents();
    const detailTitle = () =>
      page.getByRole('complementary', { name: '材料详情' }).getByRole('textbox', { name: '题名' });
    await page.getByRole('group', { name: /材料列表/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => detailTitle().inputValue()).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => detailTitle().inputValue()).toBe(titles[1]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => detailTitle().inputValue()).toBe(titles[0]);
    expect(app.pageErrors).toEqual([]);
  });

  it('says what every toolbar action does when the pointer rests on it', async () => {
    const { page } = app;
    const leaf = app.indicators.find((n) => n.level === 3)!;
    await openIndicator(app, leaf);
    await page.locator('.tz-indicator-title', { hasText: leaf.title }).waitFor();
    const actions = page.locator(
      '.tz-topbar-actions button, .tz-project-switch, .tz-system-bar button, .tz-toolbar .ant-btn, .tz-toolbar .ant-segmented',
    );
    const count = await actions.count();
    expect(count).toBeGreaterThanOrEqual(10);
    const said: string[] = [];
    for (let i = 0; i < count; i++) {
      const action = actions.nth(i);
      const name = (await action.textContent())?.trim() || (await action.getAttribute('aria-label')) || `#${i}`;
      // The project switch carries a native title (folder and what its menu holds); the rest an antd tooltip.
      const title = await action.getAttribute('title');
      if (title) {
        said.push(`${name}: ${title}`);
        continue;
      }
      await action.hover();
      // The tooltip shown now: not hidden and not on its way out (the last one fades for a moment).
      const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden):not([class*="-leave"])');
      const shown = await tip
        .first()
        .waitFor({ timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      said.push(`${name}: ${shown ? await tip.first().textContent() : ''}`);
      await page.mouse.move(0, 400);
      await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
    }
    expect(
      said.filter((s) => s.endsWith(': ')),
      said.join('\n'),
    ).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('keeps 任务记录: each job of the project with what it came to, readable after its report is gone', async () => {
    const { page } = app;
    await page.locator('.tz-jobs').getByRole('button', { name: '任务记录' }).click();
    const drawer = page.locator('.tz-job-history');
    const add = drawer.locator('.tz-job-record', { hasText: '添加材料' });
    await add.waitFor();
    await expect(add.textContent()).resolves.toContain('完成');
    await expect(add.textContent()).resolves.toContain('已添加 2 件');
    await app.screenshot('job-history.png');
    expect(app.pageErrors).toEqual([]);
  });
});
