import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../../electron/core/pdf/cjk-font';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { photo } from '../fixtures/evidence-files';
import { chooseOption, opened, startWithSample, type SampleApp } from './harness';

/** A PDF with the given Chinese text on each page (a real text layer, read at import). */
async function textPdf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await embedCjkFont(doc, pages.join(''), cjkFontFile('regular'));
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 50, y: 760, size: 18, font });
  return Buffer.from(await saveWithCjkFonts(doc));
}

/**
 * The search box and 高级搜索 (issue 7): a user finds an item by a two-character word in the
 * text of its second page and an indicator by its pinyin initials, with the keyboard, and
 * each opens in place; an unsorted photo opens under 待归类; 高级搜索 filters by 类型 and
 * keeps a saved search.
 */
describe('搜索 in the UI', () => {
  let app: SampleApp;
  /** 召开创建工作推进会: the minutes are linked to it. */
  let meetingLeaf: IndicatorNode;
  /** 垃圾分类, found as "ljfl". */
  let sortingLeaf: IndicatorNode;
  let minutesId: number;

  const box = () => app.page.getByRole('combobox', { name: '搜索指标、材料' });
  const results = () => app.page.getByRole('listbox', { name: '搜索结果' });
  const option = (text: string) => results().getByRole('option').filter({ hasText: text });
  const detail = () => app.page.getByRole('complementary', { name: '材料详情' });
  const centreTitle = () => app.page.locator('.tz-indicator-title');
  const noToasts = () =>
    expect.poll(() => app.page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

  const add = async (files: string[], indicatorIds: number[]) => {
    const { jobId } = await app.call('materials.add', { paths: files, indicatorIds });
    expect((await app.core.context.jobs.settled(jobId))?.status).toBe('done');
  };

  beforeAll(async () => {
    app = await startWithSample();
    meetingLeaf = app.indicators.find((n) => n.title === '召开创建工作推进会')!;
    sortingLeaf = app.indicators.find((n) => n.title === '垃圾分类')!;
    const src = path.join(app.workDir, '收到的 文件');
    fs.mkdirSync(src);
    const minutes = path.join(src, '第一季度创建工作推进会纪要.pdf');
    fs.writeFileSync(
      minutes,
      await textPdf(['第一季度创建工作推进会纪要', '参会人员签到表 共计四十二人', '下一步工作安排']),
    );
    const volunteers = path.join(src, '学雷锋志愿服务活动照片.jpg');
    fs.writeFileSync(volunteers, await photo({ seed: 3 }));
    await add([minutes], [meetingLeaf.id]);
    await add([volunteers], [app.indicators.find((n) => n.title === '志愿服务活动')!.id]);
    const inbox = path.join(src, '垃圾分类宣传栏照片.jpg');
    fs.writeFileSync(inbox, await photo({ seed: 5 }));
    await add([inbox], []);
    minutesId = (await app.call('materials.list', { indicatorId: meetingLeaf.id }))[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('finds an item by a two-character word on its second page and opens it at that page (keyboard only)', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await page.getByRole('tree', { name: '指标树' }).waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('签到');
    const hit = option('第一季度创建工作推进会纪要');
    await hit.waitFor();
    // The kind in words, the page, and the word marked in the text around it.
    await expect.poll(() => hit.textContent()).toContain('材料');
    await expect.poll(() => hit.textContent()).toContain('第2页');
    await expect.poll(() => hit.locator('mark').first().textContent()).toBe('签到');
    await app.screenshot('search.png');

    // ↓ / ↑ move the active option (aria-activedescendant follows); Enter opens it.
    const options = results().getByRole('option');
    const index = await options.evaluateAll(
      (els, id) => els.findIndex((el) => el.textContent?.includes(id)),
      '第一季度创建工作推进会纪要',
    );
    await expect.poll(() => options.nth(0).getAttribute('aria-selected')).toBe('true');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => hit.getAttribute('aria-selected')).toBe('true');
    expect(await box().getAttribute('aria-activedescendant')).toBe(await hit.getAttribute('id'));
    await page.keyboard.press('Enter');

    await expect.poll(() => results().count()).toBe(0);
    await expect.poll(() => centreTitle().textContent()).toBe(`${meetingLeaf.code} ${meetingLeaf.title}`);
    await expect.poll(() => detail().getByLabel('题名').inputValue()).toBe('第一季度创建工作推进会纪要');
    // The large page view opens at the page whose text matched.
    const preview = page.locator('.ant-modal').filter({ hasText: '第 2 / 3 页' });
    await preview.waitFor();
    await opened(preview);
    await preview.locator('img.tz-page-preview-img').waitFor();
    await app.screenshot('search-open.png');
    await preview.locator('.tz-page-preview-footer').getByRole('button', { name: '关闭' }).click();
    await preview.waitFor({ state: 'hidden' });
    expect((await app.call('materials.get', { id: minutesId })).title).toBe('第一季度创建工作推进会纪要');
  });

  it('finds an indicator by its pinyin initials and selects it in the tree', async () => {
    const { page } = app;
    await box().click();
    await box().fill('');
    await page.keyboard.type('ljfl');
    const hit = option('垃圾分类').filter({ hasText: '指标' }).first();
    await hit.waitFor();
    await expect.poll(() => hit.textContent()).toContain(sortingLeaf.code);
    await expect.poll(() => options0Selected()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => centreTitle().textContent()).toBe(`${sortingLeaf.code} ${sortingLeaf.title}`);
    // The tree opened its branch and shows it selected.
    const node = page.getByRole('tree', { name: '指标树' }).locator('.ant-tree-treenode-selected');
    await expect.poll(() => node.textContent()).toContain('垃圾分类');
    // Esc closes the list, a second Esc empties the box.
    await box().click();
    await results().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => results().count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => box().inputValue()).toBe('');

    // Typed fast and Enter at once: the answer to the last keys is the one opened, when it comes.
    const network = app.indicators.find((n) => n.title === '网络文明')!;
    await box().click();
    await page.keyboard.type('wlwm');
    await page.keyboard.press('Enter');
    await expect.poll(() => centreTitle().textContent()).toBe(`${network.code} ${network.title}`);
  });

  /** The first option is the active one (the best hit starts active). */
  const options0Selected = async () =>
    (await results().getByRole('option').first().getAttribute('aria-selected')) === 'true';

  it('opens an unsorted item under 待归类 with a click', async () => {
    const { page } = app;
    await box().click();
    await box().fill('');
    await page.keyboard.type('宣传栏');
    const hit = option('垃圾分类宣传栏照片');
    await hit.click();
    await expect.poll(() => centreTitle().textContent()).toBe('待归类');
    await expect.poll(() => detail().getByLabel('题名').inputValue()).toBe('垃圾分类宣传栏照片');
  });

  it('高级搜索: words and conditions together, results in a table, saved searches', async () => {
    const { page } = app;
    await box().click();
    await box().fill('照片');
    await results().waitFor();
    await page.getByRole('button', { name: '高级搜索…' }).click();
    const drawer = page.locator('.tz-advanced-drawer');
    await drawer.getByRole('status').filter({ hasText: '找到 2 件' }).waitFor();
    expect(await drawer.getByLabel('关键词').inputValue()).toBe('照片');

    // Only those under 志愿服务 (A4 and everything under it).
    await drawer.getByRole('combobox', { name: '指标' }).click();
    await page.keyboard.type('志愿服务');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^A4 志愿服务$/ }).click();
    await drawer.getByRole('status').filter({ hasText: '找到 1 件' }).waitFor();
    const rows = drawer.locator('.tz-advanced-table .ant-table-row');
    await expect.poll(() => rows.first().textContent()).toContain('学雷锋志愿服务活动照片');
    await expect.poll(() => rows.first().textContent()).toContain('照片'); // its 类型, fetched with the item
    await app.screenshot('search-advanced.png');

    // Saved under a name, the conditions come back with one click.
    await drawer.getByRole('button', { name: '保存搜索…' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '保存搜索' });
    await opened(dialog);
    await dialog.getByLabel('搜索名称').fill('志愿服务照片');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = drawer.getByRole('list', { name: '保存的搜索' });
    await saved.getByRole('button', { name: '志愿服务照片', exact: true }).waitFor();
    expect((await app.call('search.saved', {})).map((s) => s.name)).toEqual(['志愿服务照片']);

    await drawer.getByRole('button', { name: '清空条件' }).click();
    await drawer.getByText('输入关键词，或在左侧选择条件').waitFor();
    await saved.getByRole('button', { name: '志愿服务照片', exact: true }).click();
    await drawer.getByRole('status').filter({ hasText: '找到 1 件' }).waitFor();

    // 类型 and 状态 filters combine with the words.
    await drawer.getByRole('combobox', { name: '整理状态' }).click();
    await chooseOption(page, '已整理');
    await drawer.getByRole('status').filter({ hasText: '找到 0 件' }).waitFor();
    // Close the option list (not with Esc: that is the drawer's).
    await drawer.locator('.tz-advanced-summary').click();

    await saved.getByRole('button', { name: '删除“志愿服务照片”' }).click();
    await page.locator('.ant-popover').getByRole('button', { name: '删除' }).click();
    await drawer.getByText('还没有保存的搜索', { exact: false }).waitFor();
    expect(await app.call('search.saved', {})).toEqual([]);

    // A row opens the item in the main window.
    await drawer.getByRole('button', { name: '清空条件' }).click();
    await drawer.getByLabel('关键词').fill('志愿服务活动照片');
    await drawer.getByRole('status').filter({ hasText: '找到 1 件' }).waitFor();
    await rows.first().click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => detail().getByLabel('题名').inputValue()).toBe('学雷锋志愿服务活动照片');
    await noToasts();
    expect(app.pageErrors).toEqual([]);
  });
});
