import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { photo, pdf } from '../fixtures/evidence-files';
import { openIndicator, startWithSample, type SampleApp } from './harness';

/** A user selects an indicator, adds photos and a PDF, and sees them with thumbnails under it. */
describe('materials in the UI', () => {
  let app: SampleApp;
  let leaf: IndicatorNode;
  const files: string[] = [];

  beforeAll(async () => {
    app = await startWithSample();
    leaf = app.indicators.find((n) => n.level === 3)!;
    const src = path.join(app.workDir, '微信 收到的文件');
    fs.mkdirSync(src);
    const add = (name: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(src, name), bytes);
      files.push(path.join(src, name));
    };
    add('领导小组会议照片 2024.3.15.jpg', await photo({ width: 1200, height: 900, seed: 11 }));
    add(
      'IMG_20240316_101500.jpg',
      await photo({ width: 900, height: 1200, seed: 12, exifDate: '2024:03:16 10:15:00' }),
    );
    add('关于成立创建工作领导小组的通知.pdf', await pdf(2));
    add('空文件.pdf', Buffer.alloc(0));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds files to the selected indicator and shows them with thumbnails and an import report', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await openIndicator(app, leaf);
    await page.locator('.tz-pane-centre input[type=file]:not([webkitdirectory])').setInputFiles(files);

    const report = page.getByRole('dialog', { name: '添加结果' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('已添加 3 件');
    await expect(report.textContent()).resolves.toMatch(/空文件\.pdf.*失败.*空文件/);
    await app.screenshot('materials-report.png');
    await report.getByRole('button', { name: '知道了' }).click();

    const rows = page.locator('.tz-material-list .ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    // Photos and PDFs alike (a PDF's first page) have a picture.
    await expect.poll(() => page.locator('.tz-material-list img.tz-thumb').count()).toBe(3);
    await expect(page.locator('.tz-indicator-header').textContent()).resolves.toContain('3 件');
    const listed = await app.call('materials.list', { indicatorId: leaf.id });
    expect(listed.map((m) => m.title).sort()).toEqual(
      ['IMG 20240316 101500', '关于成立创建工作领导小组的通知', '领导小组会议照片 2024.3.15'].sort(),
    );
    await app.screenshot('materials-list.png');
  });

  it('opens an item, edits its description and status, and shows the grid', async () => {
    const { page } = app;
    await page.locator('.tz-material-list .ant-table-row', { hasText: 'IMG 20240316 101500' }).click();
    const detail = page.locator('.tz-material-detail');
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toContain('来自照片拍摄时间');
    await detail.getByRole('textbox', { name: '题名' }).fill('创建工作领导小组会议现场');
    await detail.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await app.screenshot('material-detail.png');
    const saved = (await app.call('materials.list', { indicatorId: leaf.id })).find((m) => m.date === '2024-03-16')!;
    expect(saved).toMatchObject({ title: '创建工作领导小组会议现场', titleMadeUp: false });

    await page.getByText('缩略图', { exact: true }).click();
    await expect.poll(() => page.locator('.tz-grid-item').count()).toBe(3);
    await app.screenshot('materials-grid.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('merges two selected photos into one item from the batch bar', async () => {
    const { page } = app;
    await page.getByText('列表', { exact: true }).click();
    const photoRows = page.locator('.tz-material-list .ant-table-row').filter({ hasText: '照片' });
    await expect.poll(() => photoRows.count()).toBe(2);
    for (let i = 0; i < 2; i++) await photoRows.nth(i).locator('.ant-checkbox-input').check();
    const bar = page.getByRole('toolbar', { name: '批量操作' });
    await bar.getByText('已选 2 件').waitFor();
    await app.screenshot('materials-batch.png');
    await bar.getByRole('button', { name: '合并为一件' }).click();
    await page.getByText('已合并为一件').waitFor();
    await expect.poll(() => page.locator('.tz-material-list .ant-table-row').count()).toBe(2);
    const items = await app.call('materials.list', { indicatorId: leaf.id });
    expect(items.map((m) => m.files.length).sort()).toEqual([1, 2]);
    expect(app.pageErrors).toEqual([]);
  });
});
