import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { pdf } from '../fixtures/evidence-files';
import { expandBranch, startWithSample, type SampleApp } from './harness';

/**
 * 查漏补缺 in the UI: a user gives an indicator a rule in the editor, sees it 缺失 on the tree
 * and in the dashboard, adds the missing 方案 and sees it turn 齐全, exports the report, and
 * keeps the office's own events.
 */
describe('查漏补缺 in the UI', () => {
  let app: SampleApp;
  let leaf: IndicatorNode;
  /** Another leaf under the same branch. */
  let sibling: IndicatorNode;
  let branch: IndicatorNode;
  let planFile: string;

  const tree = () => app.page.getByRole('tree', { name: '指标树' });
  /** The tree row of an indicator (its title element carries the id). */
  const node = (id: number) => tree().locator(`[data-indicator-id="${id}"]`);
  const editor = () => app.page.getByRole('complementary', { name: '指标详情' });
  const preview = () => editor().locator('.tz-gap-preview');
  const dashboard = () => app.page.locator('.tz-gaps-drawer');
  const dashboardRow = (title: string) => dashboard().locator('.tz-gap-table .ant-table-row', { hasText: title });
  /** antd's Select: open it, then click the option (its list is rendered in a popup at the end of the body). */
  const choose = async (select: string, option: string) => {
    await editor().getByRole('combobox', { name: select }).click();
    await app.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  /** Waits until antd's toast messages are gone, so screenshots show the screen, not the toast. */
  /**
   * The editor's 保存. By role and a loose name: antd can leave the loading icon of the last
   * save in the button (invisible, its leave motion unfinished), which adds "loading" to the name.
   */
  const save = () => editor().locator('.tz-editor-actions').getByRole('button', { name: /保存/ });
  const noToasts = () =>
    expect.poll(() => app.page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  const openDashboard = async () => {
    await app.page.locator('header.tz-topbar').getByRole('button', { name: '查漏补缺' }).click();
    await dashboard().getByRole('tab', { name: '检查结果' }).waitFor();
  };
  const closeDashboard = async () => {
    await dashboard()
      .getByRole('button', { name: /关闭|Close/ })
      .first()
      .click();
    await dashboard().waitFor({ state: 'hidden' });
  };

  beforeAll(async () => {
    app = await startWithSample();
    const { indicators } = app;
    leaf = indicators.find((n) => n.level === 3 && n.applicable && n.methods.includes('材料审核'))!;
    sibling = indicators.find((n) => n.parentId === leaf.parentId && n.id !== leaf.id && n.applicable)!;
    branch = indicators.find((n) => n.id === leaf.parentId)!;
    const src = path.join(app.workDir, '收到的 文件');
    fs.mkdirSync(src);
    planFile = path.join(src, '创建工作领导小组工作方案.pdf');
    // Dated inside the sample's 测评期间 (2025-08-01 to 2026-07-31), as a real plan would be.
    fs.writeFileSync(planFile, await pdf(2, { created: new Date(2025, 9, 10, 9, 0, 0) }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives a leaf a 材料类型 rule in the editor and shows it 缺失 on the tree, in the editor and in the dashboard', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    // Every node carries its status as a word or a percentage, not only a colour.
    await expect.poll(() => node(branch.parentId!).locator('.tz-gap-pct').textContent()).toBe('○0%');
    await expandBranch(page, branch.title);
    await expect.poll(() => node(leaf.id).locator('.tz-gap-tag').textContent()).toBe('○缺失');
    await tree().getByText(leaf.title, { exact: true }).click();
    await preview().getByText('没有任何材料').waitFor();

    await editor().getByRole('button', { name: '添加规则' }).click();
    await choose('规则类型', '材料类型');
    await choose('材料类型', '方案');
    await expect(editor().locator('.tz-rule-preview').textContent()).resolves.toBe('将检查：需要：方案');
    await editor().getByRole('group', { name: '添加规则' }).getByRole('button', { name: '添加' }).click();
    await editor().locator('.tz-rule', { hasText: '需要：方案' }).waitFor();
    // Not saved yet: the result shown is of the saved rules, and says so.
    await editor().getByText('改动还没保存：保存后按新的设置重新检查。').waitFor();
    await save().click();
    await page.getByText('已保存').waitFor();

    // The preview is checked again after the save and names what is missing.
    await preview().getByText('缺少类型为“方案”的材料').waitFor();
    await expect(editor().getByText('改动还没保存').count()).resolves.toBe(0);
    const stored = (await app.call('systems.tree', { systemId: 1 })).indicators.find((n) => n.id === leaf.id)!;
    expect(stored.rules).toContainEqual({
      type: 'docType',
      params: { kind: '方案' },
      text: '需要：方案',
      confirmed: true,
    });
    const checked = (await app.call('gaps.check', { systemId: 1 })).indicators.find((r) => r.id === leaf.id)!;
    expect(checked.status).toBe('missing');
    expect(checked.findings.map((f) => f.message)).toContain('缺少类型为“方案”的材料');
    await expect(node(leaf.id).locator('.tz-gap-tag').textContent()).resolves.toBe('○缺失');

    // The dashboard lists it with its reasons and people; a click on the row goes to it in the tree.
    await tree().getByText(sibling.title, { exact: true }).click();
    await openDashboard();
    const summary = await app.call('gaps.check', { systemId: 1 });
    await expect(dashboard().locator('.tz-gap-stat-missing .tz-gap-stat-count').textContent()).resolves.toBe(
      String(summary.summary.missing),
    );
    const row = dashboardRow(leaf.title);
    await expect(row.textContent()).resolves.toContain('缺失');
    await expect(row.textContent()).resolves.toContain('缺少类型为“方案”的材料');
    await expect(row.textContent()).resolves.toContain(leaf.collector);
    await noToasts();
    await app.screenshot('gaps-dashboard-missing.png');

    // The text filter narrows the table to that indicator.
    await dashboard().getByRole('textbox', { name: '搜索指标' }).fill(leaf.title);
    await expect.poll(() => dashboard().locator('.tz-gap-table .ant-table-row').count()).toBe(1);
    await row.click();
    await dashboard().waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.tz-indicator-title').textContent()).toBe(`${leaf.code} ${leaf.title}`);
    await expect(
      tree().locator('.ant-tree-node-selected [data-indicator-id]').getAttribute('data-indicator-id'),
    ).resolves.toBe(String(leaf.id));
    await app.screenshot('gaps-tree-missing.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('turns the indicator 齐全 once the missing 方案 is added, on the tree and in the dashboard', async () => {
    const { page } = app;
    await page.locator('.tz-pane-centre input[type=file]:not([webkitdirectory])').setInputFiles(planFile);
    const report = page.getByRole('dialog', { name: '添加结果' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('已添加 1 件');
    await report.getByRole('button', { name: '知道了' }).click();
    await report.waitFor({ state: 'hidden' });
    const [item] = await app.call('materials.list', { indicatorId: leaf.id });
    expect(item).toMatchObject({ title: '创建工作领导小组工作方案', type: '方案', date: '2025-10-10' });

    await expect.poll(() => node(leaf.id).locator('.tz-gap-tag').textContent()).toBe('●齐全');
    // One of the branch's leaves is now 齐全.
    const { indicators } = await app.call('gaps.check', { systemId: 1 });
    const branchResult = indicators.find((r) => r.id === branch.id)!;
    expect(branchResult.counts.complete).toBe(1);
    await expect.poll(() => node(branch.id).locator('.tz-gap-pct').textContent()).toBe(`◐${branchResult.percent}%`);
    await expect.poll(() => page.locator('.tz-indicator-facts').textContent()).toContain('齐全');

    // The editor's result names the rule met; hovering it lists the item that meets it.
    await preview().getByText('所有规则都已满足').waitFor();
    const met = preview().locator('.tz-finding-ok', { hasText: '需要：方案' });
    await met.hover();
    const items = page.getByRole('list', { name: '计入的材料' });
    await items.waitFor();
    await expect(items.textContent()).resolves.toContain('2025-10-10');
    await expect(items.textContent()).resolves.toContain('创建工作领导小组工作方案');
    await app.screenshot('gaps-editor-hover.png');
    await page.mouse.move(5, 5);
    await items.waitFor({ state: 'detached' });
    await noToasts();
    await app.screenshot('gaps-tree-complete.png');

    // The dashboard lists the leaves still to do; 齐全 ones appear when that card is chosen.
    await openDashboard();
    await expect.poll(() => dashboardRow(leaf.title).count()).toBe(0);
    await dashboard().getByRole('button', { name: /齐全/ }).click();
    await expect(dashboardRow(leaf.title).textContent()).resolves.toContain('齐全');
    await dashboard().getByRole('button', { name: /缺失/ }).click();
    await dashboard().getByRole('button', { name: /部分/ }).click();
    await expect.poll(() => dashboard().locator('.tz-gap-table .ant-table-row').count()).toBe(1);
    await app.screenshot('gaps-dashboard-complete.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('exports the report as Excel and as PDF with the current filters', async () => {
    const { page } = app;
    // Back to what needs doing, for one person.
    await dashboard().getByRole('button', { name: /齐全/ }).click();
    await dashboard().getByRole('button', { name: /缺失/ }).click();
    await dashboard().getByRole('button', { name: /部分/ }).click();
    await dashboard().getByRole('textbox', { name: '搜索指标' }).fill('');
    await dashboard().getByRole('combobox', { name: '按人员筛选' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: leaf.collector }).click();
    const rows = await dashboard().locator('.tz-gap-table .ant-table-row').count();
    expect(rows).toBeGreaterThan(0);
    await app.screenshot('gaps-dashboard-filtered.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dashboard().getByRole('button', { name: '导出Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^查漏补缺报告-.*\.xlsx$/);
    const file = path.join(app.workDir, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(`已下载《${download.suggestedFilename()}》`).waitFor();
    const book = XLSX.read(fs.readFileSync(file));
    expect(book.SheetNames).toContain('汇总');
    // Only the person's indicators, and only those not 齐全: the leaf made 齐全 is not in it.
    const cells = book.SheetNames.flatMap((name) =>
      XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1 }),
    )
      .flat()
      .map(String);
    expect(cells).toContain(sibling.title);
    expect(cells.some((c) => c.includes('缺少类型为“方案”的材料'))).toBe(false);

    // The printable report, the same way.
    const [printable] = await Promise.all([
      page.waitForEvent('download'),
      dashboard().getByRole('button', { name: '导出PDF' }).click(),
    ]);
    expect(printable.suggestedFilename()).toMatch(/^查漏补缺报告-.*\.pdf$/);
    const pdfFile = path.join(app.workDir, printable.suggestedFilename());
    await printable.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(app.pageErrors).toEqual([]);
  });

  it('keeps the office’s own events, and an event rule checks each 传统节日 in the window', async () => {
    const { page } = app;
    await dashboard()
      .getByRole('tab', { name: /自定义活动/ })
      .click();
    await dashboard().getByText('还没有自定义活动').waitFor();
    await dashboard().getByRole('button', { name: '添加活动' }).click();
    const dialog = page.getByRole('dialog', { name: '添加活动' });
    await dialog.getByRole('textbox', { name: '活动名称' }).fill('秋季运动会');
    await dialog.getByRole('textbox', { name: '备注' }).fill('全街道');
    // Typed as people type dates; Enter takes the date and submits the dialog, like 保存.
    await dialog.getByRole('textbox', { name: '日期' }).fill('2025-10-20');
    await dialog.getByRole('textbox', { name: '日期' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await dashboard().locator('.tz-events .ant-table-row', { hasText: '秋季运动会' }).waitFor();
    await expect(app.call('gaps.events', {})).resolves.toMatchObject([
      { name: '秋季运动会', date: '2025-10-20', note: '全街道' },
    ]);
    await noToasts();
    await app.screenshot('gaps-events.png');

    // Changed: the date moves; then deleted.
    await dashboard()
      .locator('.tz-events .ant-table-row', { hasText: '秋季运动会' })
      .getByRole('button', { name: '修改' })
      .click();
    const edit = page.getByRole('dialog', { name: '修改活动' });
    await edit.getByRole('textbox', { name: '活动名称' }).fill('秋季趣味运动会');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await dashboard().locator('.tz-events .ant-table-row', { hasText: '秋季趣味运动会' }).waitFor();
    await expect(app.call('gaps.events', {})).resolves.toMatchObject([{ name: '秋季趣味运动会', date: '2025-10-20' }]);
    await expect(app.call('gaps.eventNames', {})).resolves.toContain('秋季趣味运动会');
    await closeDashboard();

    // An event rule on the sibling: 传统节日 expands to each festival in the window.
    await tree().getByText(sibling.title, { exact: true }).click();
    await editor().getByRole('button', { name: '添加规则' }).click();
    await choose('规则类型', '按节日/活动');
    await editor().getByRole('combobox', { name: '节日或活动' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '传统节日（' }).click();
    // The list is long (every festival and day): typing finds the office's own event.
    await page.keyboard.type('秋季');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '秋季趣味运动会' }).click();
    await editor().getByRole('combobox', { name: '节日或活动' }).press('Escape');
    await expect(editor().locator('.tz-rule-preview').textContent()).resolves.toBe(
      '将检查：传统节日、秋季趣味运动会前后7天内各至少1件',
    );
    await editor().locator('.tz-rule-form').scrollIntoViewIfNeeded();
    await app.screenshot('gaps-rule-form.png');
    await editor().getByRole('group', { name: '添加规则' }).getByRole('button', { name: '添加' }).click();
    await save().click();
    await preview()
      .getByText(/2025年中秋节/)
      .first()
      .waitFor();
    await preview()
      .getByText(/秋季趣味运动会/)
      .first()
      .waitFor();
    const stored = (await app.call('systems.tree', { systemId: 1 })).indicators.find((n) => n.id === sibling.id)!;
    expect(stored.rules).toContainEqual({
      type: 'event',
      params: { events: ['传统节日', '秋季趣味运动会'], withinDays: 7, min: 1 },
      text: '传统节日、秋季趣味运动会前后7天内各至少1件',
      confirmed: true,
    });
    await noToasts();
    await app.screenshot('gaps-editor-event-rule.png');

    await openDashboard();
    await dashboard()
      .getByRole('tab', { name: /自定义活动/ })
      .click();
    const row = dashboard().locator('.tz-events .ant-table-row', { hasText: '秋季趣味运动会' });
    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await dashboard().getByText('还没有自定义活动').waitFor();
    await expect(app.call('gaps.events', {})).resolves.toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
  it('checks a 按周期 rule per quarter (部分), and a rule changed to 每年 is met again', async () => {
    const { page } = app;
    await closeDashboard();
    await tree().getByText(leaf.title, { exact: true }).click();
    await editor().getByRole('button', { name: '添加规则' }).click();
    // 按周期 is the first type: every 1 quarter, at least 1.
    await editor().getByRole('combobox', { name: '周期' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '个季度' }).click();
    await expect(editor().locator('.tz-rule-preview').textContent()).resolves.toBe('将检查：每季度至少1件');
    await editor().locator('.tz-rule-form').scrollIntoViewIfNeeded();
    await app.screenshot('gaps-rule-form-periodic.png');
    await editor().getByRole('group', { name: '添加规则' }).getByRole('button', { name: '添加' }).click();
    await save().click();

    // The one plan (2025-10-10) meets 2025年第4季度 only: the others are listed, the leaf is 部分.
    await expect.poll(() => node(leaf.id).locator('.tz-gap-tag').textContent()).toBe('◐部分');
    await preview().getByText('2026年第1季度', { exact: false }).first().waitFor();
    const met = preview().locator('.tz-finding-ok', { hasText: '2025年第4季度' });
    await met.scrollIntoViewIfNeeded();
    await met.hover();
    await page.getByRole('list', { name: '计入的材料' }).getByText('创建工作领导小组工作方案').waitFor();
    await noToasts();
    await app.screenshot('gaps-editor-partial.png');
    await page.mouse.move(5, 5);

    // Changed in place to 每年: one assessment year, which the plan meets.
    const rule = editor().locator('.tz-rule', { hasText: '每季度至少1件' });
    await rule.getByRole('button', { name: '修改规则' }).click();
    await editor().getByRole('combobox', { name: '周期' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^年$/ }).click();
    await editor().getByRole('group', { name: '修改规则' }).getByRole('button', { name: '确定' }).click();
    await editor().locator('.tz-rule', { hasText: '每年至少1件' }).waitFor();
    await save().click();
    await expect.poll(() => node(leaf.id).locator('.tz-gap-tag').textContent()).toBe('●齐全');
    const stored = (await app.call('systems.tree', { systemId: 1 })).indicators.find((n) => n.id === leaf.id)!;
    expect(stored.rules).toContainEqual({
      type: 'periodic',
      params: { period: 'year', min: 1 },
      text: '每年至少1件',
      confirmed: true,
    });
    expect(app.pageErrors).toEqual([]);
  });
});
