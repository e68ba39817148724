import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { photo, pdf } from '../fixtures/evidence-files';
import { chooseOption, opened, openIndicator, startWithSample, type SampleApp } from './harness';

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
    // Merging changes what the items are: it is asked first, saying how to undo it.
    const confirm = page.locator('.ant-modal-confirm');
    await opened(confirm);
    await expect(confirm.textContent()).resolves.toContain('把选中的 2 件合并为一件？');
    await confirm.getByRole('button', { name: '合并', exact: true }).click();
    await page.getByText('已合并为一件').waitFor();
    await expect.poll(() => page.locator('.tz-material-list .ant-table-row').count()).toBe(2);
    const items = await app.call('materials.list', { indicatorId: leaf.id });
    expect(items.map((m) => m.files.length).sort()).toEqual([1, 2]);
    expect(app.pageErrors).toEqual([]);
  });

  it('fills in 责任者 and a part of 照片说明 for the chosen items at once, and 撤销 puts them back', async () => {
    const { page } = app;
    const rows = page.locator('.tz-material-list .ant-table-row');
    const before = await app.call('materials.list', { indicatorId: leaf.id });
    for (let i = 0; i < 2; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
    const bar = page.getByRole('toolbar', { name: '批量操作' });
    await bar.getByRole('button', { name: '批量填写…' }).click();
    const dialog = page.getByRole('dialog', { name: '批量填写（2 件）' });
    await opened(dialog);
    await dialog.getByLabel('责任者').fill('XX街道文明办');
    await dialog.getByLabel('地点').fill('新时代文明实践站');
    await app.screenshot('materials-batch-edit.png');
    await dialog.getByRole('button', { name: '填写到选中的材料' }).click();
    const done = page.locator('.tz-undo-message', { hasText: '已为 2 件填写' });
    await done.waitFor();
    const after = await app.call('materials.list', { indicatorId: leaf.id });
    for (const m of after) {
      expect(m.responsible).toBe('XX街道文明办');
      expect(m.caption.place).toBe('新时代文明实践站');
      // Parts left empty in the dialog stay as each item had them.
      expect(m.caption.subject).toBe(before.find((b) => b.id === m.id)!.caption.subject);
    }

    await done.getByRole('button', { name: '撤销' }).click();
    await page.getByText('已撤销').waitFor();
    const undone = await app.call('materials.list', { indicatorId: leaf.id });
    expect(undone.map((m) => [m.id, m.responsible, m.caption])).toEqual(
      before.map((m) => [m.id, m.responsible, m.caption]),
    );
  });

  it('deletes the chosen items from the batch bar and 撤销 brings them back from the trash', async () => {
    const { page } = app;
    const rows = page.locator('.tz-material-list .ant-table-row');
    const bar = page.getByRole('toolbar', { name: '批量操作' });
    await bar.getByText('已选 2 件').waitFor();
    await bar.getByRole('button', { name: '删除' }).click();
    const done = page.locator('.tz-undo-message', { hasText: '已把 2 件移到回收站' });
    await done.waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await done.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await app.call('materials.list', { trash: true })).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('sets the status of the chosen items and 撤销 gives each its own status back', async () => {
    const { page } = app;
    const before = await app.call('materials.list', { indicatorId: leaf.id });
    const rows = page.locator('.tz-material-list .ant-table-row');
    for (let i = 0; i < 2; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
    const bar = page.getByRole('toolbar', { name: '批量操作' });
    await bar.getByText('已选 2 件').waitFor();
    await bar.getByRole('combobox', { name: '批量修改状态' }).click();
    await chooseOption(page, '已整理');
    const done = page.locator('.tz-undo-message', { hasText: '已设为“已整理”' });
    await done.waitFor();
    await expect
      .poll(async () => (await app.call('materials.list', { indicatorId: leaf.id })).map((m) => m.status))
      .toEqual(['organized', 'organized']);
    // The select is ready for the next change, not showing the last one as if it were a filter.
    await expect(bar.locator('.ant-select-placeholder', { hasText: '状态改为…' }).count()).resolves.toBe(1);
    await done.getByRole('button', { name: '撤销' }).click();
    const statuses = (list: { id: number; status: string; statusComment: string }[]) =>
      list.map((m) => [m.id, m.status, m.statusComment]);
    await expect
      .poll(async () => statuses(await app.call('materials.list', { indicatorId: leaf.id })))
      .toEqual(statuses(before));
    expect(app.pageErrors).toEqual([]);
  });
});
