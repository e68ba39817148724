import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, photo } from '../fixtures/evidence-files';
import { jobResult } from '../helpers/core-client';
import { startApp, type E2eApp } from './harness';

/** 回收站 in the UI: restore, delete chosen items for good, and 清空回收站 — each asked first. */
describe('the trash in the UI', () => {
  let app: E2eApp;

  const node = (label: string) => app.page.locator('.tz-fixed-nodes .tz-node', { hasText: label });
  const countShown = (label: string, count: number) =>
    node(label)
      .locator('.tz-node-count', { hasText: new RegExp(`^\\(${count}\\)$`) })
      .waitFor();
  const row = (title: string) => app.page.locator('.tz-material-list .ant-table-row', { hasText: title });
  const confirmDialog = () => app.page.locator('.ant-modal-confirm');

  beforeAll(async () => {
    app = await startApp();
    const dir = path.join(app.workDir, '2026年 创文迎检');
    await app.call('projects.create', { dir, name: 'XX街道办事处', year: 2026 });
    const src = path.join(app.workDir, '旧材料');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, '过期通知.pdf'), await pdf(2));
    fs.writeFileSync(path.join(src, '重复照片.jpg'), await photo({ seed: 41 }));
    fs.writeFileSync(path.join(src, '模糊照片.jpg'), await photo({ seed: 42 }));
    fs.writeFileSync(path.join(src, '留用照片.jpg'), await photo({ seed: 43 }));
    const { jobId } = await app.call('materials.add', { paths: [src] });
    await jobResult(app.core, jobId);
    const items = await app.call('materials.list', {});
    const ids = items.filter((m) => m.title !== '留用照片').map((m) => m.id);
    await app.call('materials.trash', { ids });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('restores one item, deletes one for good, then empties the rest after saying how many', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await countShown('回收站', 3);
    await node('回收站').click();
    await row('过期通知').waitFor();

    await row('重复照片').click();
    await page.getByRole('toolbar', { name: '回收站批量操作' }).getByRole('button', { name: '恢复' }).click();
    await page.getByText('已恢复 1 件').waitFor();
    await countShown('回收站', 2);

    await row('模糊照片').click();
    await page.getByRole('toolbar', { name: '回收站批量操作' }).getByRole('button', { name: '永久删除' }).click();
    await expect(confirmDialog().textContent()).resolves.toContain('永久删除选中的 1 件材料');
    await confirmDialog().getByRole('button', { name: '永久删除' }).click();
    await page.getByText('已永久删除 1 件材料').waitFor();
    await countShown('回收站', 1);

    await page.getByRole('button', { name: '清空回收站' }).click();
    await expect(confirmDialog().textContent()).resolves.toContain('清空回收站（1 件材料）');
    // Cancelling keeps everything.
    await confirmDialog()
      .getByRole('button', { name: '取 消' })
      .or(confirmDialog().getByRole('button', { name: '取消' }))
      .click();
    await expect(app.call('materials.counts', {})).resolves.toMatchObject({ trash: 1 });

    await page.getByRole('button', { name: '清空回收站' }).click();
    await app.screenshot('trash-confirm.png');
    await confirmDialog().getByRole('button', { name: '永久删除' }).click();
    await countShown('回收站', 0);
    await expect(page.getByRole('button', { name: '清空回收站' }).isDisabled()).resolves.toBe(true);

    expect(await app.call('materials.counts', {})).toEqual({ inbox: 2, trash: 0, all: 2 });
    expect((await app.call('materials.list', {})).map((m) => m.title).sort()).toEqual(['留用照片', '重复照片'].sort());
    expect(app.pageErrors).toEqual([]);
  });
});
