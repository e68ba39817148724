import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../../electron/core/pdf/cjk-font';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { photo } from '../fixtures/evidence-files';
import { chooseMenuEntry, expandBranch, opened, startWithSample, type SampleApp } from './harness';

/** A PDF with the given Chinese text on each page. */
async function textPdf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await embedCjkFont(doc, pages.join(''), cjkFontFile('regular'));
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 22, font });
  return Buffer.from(await saveWithCjkFonts(doc));
}

/**
 * 审阅 and 只读审阅 (issue 7 point 5): a reviewer pages through an indicator's evidence with
 * the keyboard, marks one item 合格 and one 需补充 with a comment (the item becomes 待补充 and
 * its 收集人 sees a notification under the bell); an inspector opens the project read-only,
 * sees the banner, and cannot change anything.
 */
describe('审阅 in the UI', () => {
  let app: SampleApp;
  /** 成立创建工作领导小组, collected by 张丽. */
  let leaf: IndicatorNode;
  let branch: IndicatorNode;
  /** Item ids in binding order. */
  let ids: number[];

  const drawer = () => app.page.locator('.tz-review-drawer');
  const progress = () => drawer().locator('.tz-review-progress');
  const sideTitle = () => drawer().locator('.tz-review-title');
  const detail = () => app.page.getByRole('complementary', { name: '材料详情' });
  const noToasts = () =>
    expect.poll(() => app.page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

  beforeAll(async () => {
    app = await startWithSample();
    leaf = app.indicators.find((n) => n.title === '成立创建工作领导小组')!;
    branch = app.indicators.find((n) => n.id === leaf.parentId)!;
    const src = path.join(app.workDir, '领导小组 材料');
    fs.mkdirSync(src);
    const files = [
      ['关于成立创建工作领导小组的通知.pdf', await textPdf(['关于成立创建工作领导小组的通知', '领导小组成员名单'])],
      ['领导小组成员分工表.pdf', await textPdf(['领导小组成员分工表'])],
      ['领导小组第一次会议照片.jpg', await photo({ seed: 7, width: 800, height: 600 })],
    ] as const;
    for (const [name, bytes] of files) fs.writeFileSync(path.join(src, name), bytes);
    const { jobId } = await app.call('materials.add', {
      paths: files.map(([name]) => path.join(src, name)),
      indicatorIds: [leaf.id],
    });
    expect((await app.core.context.jobs.settled(jobId))?.status).toBe('done');
    ids = (await app.call('review.items', { indicatorId: branch.id })).items.map((i) => i.material.id);
    expect(ids).toHaveLength(3);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('pages through the evidence of an indicator with the keyboard and marks items 合格 / 需补充', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await page.getByRole('tree', { name: '指标树' }).getByText(branch.title, { exact: true }).click();
    await page.locator('.tz-toolbar').getByRole('button', { name: '审阅' }).click();
    await opened(drawer());
    await expect.poll(() => progress().textContent()).toBe('第 1/3 件');
    const titles = await Promise.all(ids.map(async (id) => (await app.call('materials.get', { id })).title));
    await expect.poll(() => sideTitle().textContent()).toBe(titles[0]);
    // Large pages of the item, one under another.
    await drawer().locator('.tz-review-page img').first().waitFor();

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => progress().textContent()).toBe('第 2/3 件');
    await page.keyboard.press('j');
    await expect.poll(() => progress().textContent()).toBe('第 3/3 件');
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => progress().textContent()).toBe('第 1/3 件');

    // 合格: recorded, and on to the next item.
    await drawer().locator('.tz-review-actions').getByRole('button', { name: /合格/ }).click();
    await expect.poll(() => progress().textContent()).toBe('第 2/3 件');
    await expect
      .poll(async () => (await app.call('review.items', { indicatorId: branch.id })).items[0]!.review?.verdict)
      .toBe('ok');
    expect((await app.call('materials.get', { id: ids[0]! })).status).toBe('selected');

    // 需补充 wants the missing part written down first.
    await drawer()
      .locator('.tz-review-actions')
      .getByRole('button', { name: /需补充/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: '写明还缺什么' }).waitFor();
    await expect.poll(() => progress().textContent()).toBe('第 2/3 件');
    await drawer().getByLabel('审阅意见').fill('缺少主要领导签字页');
    // Typing J / K in the comment box is writing, not paging.
    await drawer().getByLabel('审阅意见').press('k');
    await expect.poll(() => progress().textContent()).toBe('第 2/3 件');
    await drawer().getByLabel('审阅意见').press('Backspace');
    await drawer()
      .locator('.tz-review-actions')
      .getByRole('button', { name: /需补充/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: '已通知张丽' }).waitFor();
    await expect.poll(() => progress().textContent()).toBe('第 3/3 件');
    const marked = await app.call('materials.get', { id: ids[1]! });
    expect(marked.status).toBe('incomplete');
    expect(marked.statusComment).toBe('缺少主要领导签字页');

    // The list on the left shows each verdict in words.
    const list = drawer().getByRole('list', { name: '材料（装订顺序）' });
    await expect.poll(() => list.getByRole('listitem').nth(0).textContent()).toContain('合格');
    await expect.poll(() => list.getByRole('listitem').nth(1).textContent()).toContain('需补充');
    await expect.poll(() => list.getByRole('listitem').nth(2).textContent()).toContain('未审');
    await noToasts();
    await drawer().locator('.tz-review-page img').first().waitFor();
    await app.screenshot('review.png');
    await drawer()
      .getByRole('button', { name: /关闭|Close/ })
      .first()
      .click();
    await drawer().waitFor({ state: 'hidden' });
  });

  it('tells the collector under the bell, and opens the item from the notification', async () => {
    const { page } = app;
    const { items, unread } = await app.call('notifications.list', {});
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ personName: '张丽', materialId: ids[1], body: '缺少主要领导签字页' });

    const bell = page.getByRole('button', { name: '通知：1 条未读' });
    await bell.click();
    const popup = page.locator('.ant-popover').filter({ hasText: '通知' });
    await opened(popup);
    await popup.getByText('致 张丽', { exact: false }).waitFor();
    await app.screenshot('review-notifications.png');
    await popup.getByRole('button', { name: /需补充/ }).click();
    const status = detail()
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: '整理状态' }) });
    await expect.poll(() => status.textContent()).toContain('待补充');
    await expect.poll(() => detail().getByLabel('审核意见').inputValue()).toBe('缺少主要领导签字页');
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
    expect((await app.call('notifications.list', {})).unread).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('只读审阅: the banner shows, nothing can be changed, the core refuses a change', async () => {
    const { page } = app;
    await chooseMenuEntry(page.locator('.tz-project-switch'), '打开其他项目…');
    const dialog = page.locator('.ant-modal').filter({ hasText: '打开项目' });
    await opened(dialog);
    await dialog.getByLabel('项目文件夹').fill(app.projectDir);
    await dialog.getByRole('checkbox', { name: '以只读方式打开（供检查组审阅）' }).check();
    await dialog.getByRole('button', { name: '打开' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: '只读审阅：不能修改' }).waitFor();
    expect((await app.call('projects.current', {}))!.readOnly).toBe(true);

    await expandBranch(page, branch.title);
    await page.getByRole('tree', { name: '指标树' }).getByText(leaf.title, { exact: true }).click();
    expect(await page.getByRole('button', { name: '添加材料' }).isDisabled()).toBe(true);
    await page.locator('.tz-material-list .ant-table-row').first().click();
    const title = detail().getByLabel('题名');
    await expect.poll(() => title.isDisabled()).toBe(true);
    expect(await detail().getByRole('button', { name: '删除' }).isDisabled()).toBe(true);
    expect(await detail().getByRole('button', { name: /保存/ }).isDisabled()).toBe(true);
    // Looking at pages large still works.
    await detail().locator('.tz-page-tile').first().click();
    const preview = page.locator('.ant-modal').filter({ hasText: '上一页' });
    await opened(preview);
    expect(await preview.getByRole('button', { name: '向左转' }).count()).toBe(0);
    expect(await preview.getByRole('button', { name: /下一页/ }).isDisabled()).toBe(false);
    await preview.locator('.tz-page-preview-footer').getByRole('button', { name: '关闭' }).click();
    await preview.waitFor({ state: 'hidden' });
    await app.screenshot('readonly.png');

    // The review screen is for looking only.
    await page.locator('.tz-topbar').getByRole('button', { name: '审阅' }).click();
    await opened(drawer());
    await drawer().getByText('只读审阅：只能查看').waitFor();
    expect(await drawer().locator('.tz-review-actions').getByRole('button', { name: /合格/ }).count()).toBe(0);
    await drawer()
      .getByRole('button', { name: /关闭|Close/ })
      .first()
      .click();
    await drawer().waitFor({ state: 'hidden' });

    // Whatever asks, the core says no in words.
    const r = await app.core.dispatch('materials.update', { ids: [ids[0]], patch: { title: '改过的题名' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('LOCKED');
    expect(!r.ok && r.error.message).toContain('只读审阅');
    expect((await app.call('materials.get', { id: ids[0]! })).title).not.toBe('改过的题名');
    await noToasts();
    expect(app.pageErrors).toEqual([]);
  });
});
