import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SYSTEM } from '../../shared/systems/sample-system';
import { workbook } from '../fixtures/workbooks';
import { chooseMenuEntry, chooseOption, expandBranch, opened, startWithProject, type E2eApp } from './harness';

/**
 * A user brings the sample .xlsx (laid out like a city office's task breakdown) into a new
 * project through the import wizard, finds an indicator in the tree and edits it.
 */
describe('assessment systems in the UI', () => {
  let app: E2eApp;
  let sampleFile: string;

  /** Waits until antd's toast messages are gone, so screenshots show the screen, not the toast. */
  const noToasts = () => app.page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
  /** Takes an entry of the pane's 测评体系操作 menu. */
  const systemMenu = (entry: string) => chooseMenuEntry(app.page.getByRole('button', { name: '测评体系操作' }), entry);

  beforeAll(async () => {
    app = await startWithProject();
    // Asked without a path, the core hands the bytes back instead of writing a file.
    const sample = await app.call('systems.sampleWorkbook', {});
    sampleFile = path.join(app.workDir, sample.fileName);
    fs.writeFileSync(sampleFile, Buffer.from(sample.dataBase64!, 'base64'));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports the sample .xlsx through the wizard: detected columns, preview tree, no problems', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await page.getByText('还没有测评体系').waitFor();
    await page.getByRole('button', { name: '导入Excel' }).click();
    const wizard = page.getByRole('dialog', { name: '导入测评体系' });
    await wizard.waitFor();
    await wizard.getByRole('button', { name: '下载示例表格' }).waitFor();
    await app.screenshot('import-file.png');
    await wizard.locator('input[type=file]').setInputFiles(sampleFile);

    // 核对列: one sheet, so 选择工作表 is skipped; the two-row header was found and its columns named.
    await wizard.getByText('已按表头自动识别各列的含义').waitFor();
    await expect(wizard.locator('.ant-steps-item-title').allTextContents()).resolves.toEqual([
      '选择文件',
      '核对列',
      '预览',
      '完成',
    ]);
    await expect
      .poll(() => wizard.locator('.tz-map-head .ant-tag', { hasText: '已识别' }).count())
      .toBeGreaterThanOrEqual(10);
    const headerRoles = await wizard.locator('.tz-map-head .ant-select-content').allTextContents();
    expect(headerRoles.slice(0, 7)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '测评内容',
      '测评方法',
      '分值',
      '材料要求',
    ]);
    await expect(wizard.locator('.tz-map-header-row').count()).resolves.toBe(2);
    await expect(wizard.getByRole('spinbutton', { name: '表头起始行' }).inputValue()).resolves.toBe('2');
    await expect(wizard.getByRole('spinbutton', { name: '表头结束行' }).inputValue()).resolves.toBe('3');
    await app.screenshot('import-mapping.png');

    await wizard.getByRole('button', { name: '下一步' }).click();
    await wizard.getByText('没有发现问题，可以导入').waitFor();
    const tops = SAMPLE_SYSTEM.indicators.filter((d) => d.level === 1);
    const leaves = SAMPLE_SYSTEM.indicators.filter((d) => d.level === 3).length;
    expect(tops).toHaveLength(8);
    const counts = await wizard.locator('.tz-wizard-counts').textContent();
    expect(counts).toContain('测评项目 8 条');
    expect(counts).toContain(`测评标准 ${leaves} 条`);
    // The preview names the sheet row each indicator came from.
    await wizard
      .getByRole('tree', { name: '预览' })
      .locator('.ant-tree-treenode', { hasText: tops[0]!.title })
      .getByText(/^第\d+行$/)
      .waitFor();
    await expect(wizard.getByRole('textbox', { name: '测评体系名称' }).inputValue()).resolves.toBe('示例测评体系');
    await wizard.getByRole('textbox', { name: '测评体系名称' }).fill('2026年创文测评体系');
    await wizard.getByRole('textbox', { name: '版本 / 年度' }).fill('2026版');
    await app.screenshot('import-preview.png');

    await wizard.getByRole('button', { name: '导入', exact: true }).click();
    await wizard.getByText(`已导入 ${SAMPLE_SYSTEM.indicators.length} 条指标`).waitFor();
    await wizard.getByRole('button', { name: '完成' }).click();
    await wizard.waitFor({ state: 'hidden' });
    const systems = await app.call('systems.list', {});
    expect(systems).toEqual([
      expect.objectContaining({
        name: '2026年创文测评体系',
        edition: '2026版',
        indicatorCount: SAMPLE_SYSTEM.indicators.length,
      }),
    ]);
    await expect(page.getByRole('combobox', { name: '选择测评体系' }).locator('..').textContent()).resolves.toContain(
      '2026年创文测评体系',
    );
  });

  it('shows the tree, opens an indicator, confirms a suggested rule and saves an edit', async () => {
    const { page } = app;
    const first = SAMPLE_SYSTEM.indicators[0]!;
    const tree = page.getByRole('tree', { name: '指标树' });
    await tree.getByText(first.title, { exact: true }).waitFor();
    // Top levels start expanded; open the first second-level item to reach its leaves.
    const branch = SAMPLE_SYSTEM.indicators.find((d) => d.level === 2)!;
    // "每季度至少召开一次……会议，提供会议通知、会议记录和照片": a leaf with suggested rules.
    const leaf = SAMPLE_SYSTEM.indicators.filter((d) => d.parentKey === branch.key)[1]!;
    expect(leaf.requirement).toContain('每季度');
    await expandBranch(page, branch.title);
    await tree.getByText(leaf.title, { exact: true }).click();
    await noToasts();
    await app.screenshot('indicator-tree.png');

    const editor = page.locator('.tz-editor');
    await expect(editor.getByRole('textbox', { name: '材料要求' }).inputValue()).resolves.toBe(leaf.requirement);
    await expect(page.locator('.tz-indicator-title').textContent()).resolves.toBe(`${leaf.code} ${leaf.title}`);
    await expect(editor.getByRole('button', { name: '保存' }).isDisabled()).resolves.toBe(true);
    const quarterly = editor.locator('.tz-rule', { hasText: '每季度至少1件' });
    await quarterly.getByText('建议').waitFor();
    await quarterly.getByRole('button', { name: '确认' }).click();
    await expect(quarterly.getByText('建议').count()).resolves.toBe(0);
    await editor.getByRole('spinbutton', { name: '分值' }).fill('3.5');
    await editor.getByText('有未保存的修改').waitFor();
    await app.screenshot('indicator-editor.png');
    await editor.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await expect.poll(() => editor.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);

    const systemId = (await app.call('systems.list', {}))[0]!.id;
    const { indicators } = await app.call('systems.tree', { systemId });
    const stored = indicators.find((n) => n.code === leaf.code)!;
    expect(stored.score).toBe(3.5);
    expect(stored.rules.find((r) => r.type === 'periodic')).toMatchObject({
      params: { period: 'quarter', min: 1 },
      confirmed: true,
    });
    // Only what was changed is written: the other suggestions stay suggestions.
    expect(stored.rules.filter((r) => !r.confirmed).length).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('stops an import with row problems and says which rows to fix', async () => {
    const { page } = app;
    const file = path.join(app.workDir, '街道任务分解表（有错）.xlsx');
    fs.writeFileSync(
      file,
      workbook([
        { name: '填表说明', rows: [['请按要求填写'], ['分值写数字']] },
        {
          name: '指标',
          rows: [
            ['一级指标', '二级指标', '分值', '材料要求'],
            ['B1 组织领导', 'B1.1 领导小组', 2, '提供成立文件'],
            ['B1 组织领导', 'B1.2 工作方案', '两分', '提供年度方案'],
          ],
        },
      ]),
    );
    await systemMenu('导入测评体系…');
    const wizard = page.getByRole('dialog', { name: '导入测评体系' });
    await opened(wizard);
    await wizard.locator('input[type=file]').setInputFiles(file);

    // 选择工作表: two sheets, the one that looks like a system is preselected.
    await wizard.getByText('这个文件有 2 个工作表').waitFor();
    await expect(wizard.getByRole('radio', { name: /指标/ }).isChecked()).resolves.toBe(true);
    await wizard.getByRole('button', { name: '下一步' }).click();
    await wizard.getByText('已按表头自动识别各列的含义').waitFor();
    await wizard.getByRole('button', { name: '下一步' }).click();

    await wizard.getByText('发现 1 处问题，改正后才能导入').waitFor();
    await wizard.getByText('工作表“指标”第3行：分值“两分”不是数字').waitFor();
    await expect(wizard.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);
    await noToasts();
    await app.screenshot('import-problems.png');
    await page.locator('.ant-modal-close').click();
    await wizard.waitFor({ state: 'hidden' });
    await expect(app.call('systems.list', {})).resolves.toHaveLength(1);
  });

  it('keeps a 2,000-indicator tree virtual and navigable with the keyboard', async () => {
    const { page } = app;
    const rows: (string | number)[][] = [['一级指标', '二级指标']];
    for (let a = 1; a <= 20; a++)
      for (let b = 1; b <= 99; b++) rows.push([`B${a} 大类${a}`, `B${a}.${b} 指标${a}-${b}`]);
    const bytes = workbook([{ name: '大表', rows }]);
    const view = await app.call('systems.importOpen', {
      fileName: '大表.xlsx',
      dataBase64: bytes.toString('base64'),
    });
    await app.call('systems.importCommit', {
      sourceId: view.sourceId,
      sheet: 0,
      mapping: null,
      meta: { name: '两千条指标', edition: '', windowStart: null, windowEnd: null, levelNames: [] },
    });
    await page.locator('.tz-system-switch .ant-select').click();
    await chooseOption(page, '两千条指标');
    const tree = page.getByRole('tree', { name: '指标树' });
    await tree.getByText('指标1-1', { exact: true }).waitFor();
    // 20 expanded top levels show 2,000 rows; only those in view are in the page.
    const rendered = await tree.locator('.ant-tree-treenode').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(80);

    await tree.getByText('指标1-1', { exact: true }).click();
    await expect(page.locator('.tz-indicator-title').textContent()).resolves.toBe('B1.1 指标1-1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tz-indicator-title').textContent()).toBe('B1.3 指标1-3');
  });

  it('打开示例 adds the built-in sample as another system', async () => {
    const { page } = app;
    await systemMenu('打开示例');
    await page.getByText(/已打开示例测评体系/).waitFor();
    await expect.poll(async () => (await app.call('systems.list', {})).length).toBe(3);
    await page.getByRole('combobox', { name: '选择测评体系' }).waitFor();
  });

  it('新版对应 proposes code matches between two editions and applies them', async () => {
    const { page } = app;
    await systemMenu('新版对应…');
    const dialog = page.getByRole('dialog', { name: '新版对应' });
    await opened(dialog);
    await dialog.getByRole('combobox', { name: '旧版' }).click();
    await chooseOption(page, '2026年创文测评体系');
    await dialog.getByRole('button', { name: '生成对应关系' }).click();
    // Both are the sample, so every indicator pairs with the one of the same code.
    await expect.poll(() => dialog.locator('.ant-tag', { hasText: '编码相同' }).count()).toBeGreaterThan(5);
    await expect(dialog.getByText('旧版未对应 0 条').count()).resolves.toBe(1);
    await app.screenshot('edition-mapping.png');
    await dialog.getByRole('button', { name: '确认迁移' }).click();
    await page.getByText('已迁移 0 条关联').waitFor();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('人员名单 lists the people the sheet named and adds one', async () => {
    const { page } = app;
    await systemMenu('人员名单…');
    const dialog = page.getByRole('dialog', { name: '人员名单' });
    await opened(dialog);
    // 收集人 names in the sample sheet became people on import.
    await dialog.getByRole('cell', { name: '张丽', exact: true }).waitFor();
    await dialog.getByRole('button', { name: '添加人员' }).click();
    const form = page.getByRole('dialog', { name: '添加人员' });
    await opened(form);
    // A name the sample's sheet does not use (it names 赵敏 and others already).
    await form.getByRole('textbox', { name: '姓名' }).fill('钱晓雯');
    await form.getByRole('textbox', { name: '单位 / 科室' }).fill('街道文明办');
    await form.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('cell', { name: '钱晓雯', exact: true }).waitFor();
    await app.screenshot('people.png');
    const people = await app.call('people.list', {});
    expect(people.filter((p) => p.name === '钱晓雯')).toEqual([expect.objectContaining({ unit: '街道文明办' })]);
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('deletes a system after saying materials stay, then 打开示例 from the empty pane', async () => {
    const { page } = app;
    const systems = await app.call('systems.list', {});
    const shown = systems[systems.length - 1]!;
    for (const s of systems.slice(0, -1)) await app.call('systems.delete', { systemId: s.id });
    // The pane follows project.changed: only the shown system is left to switch to.
    await page.locator('.tz-system-switch .ant-select').click();
    await expect.poll(() => page.locator('.ant-select-item-option').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });

    await systemMenu('删除测评体系…');
    const confirm = page.getByRole('dialog', { name: /删除测评体系/ });
    await opened(confirm);
    await confirm.getByText('材料不会删除，只解除与这些指标的关联').waitFor();
    await confirm.getByText(`${shown.indicatorCount} 条指标`).waitFor();
    await confirm.getByRole('button', { name: '删除' }).click();

    await page.getByText('还没有测评体系').waitFor();
    await page.getByRole('button', { name: '打开示例' }).click();
    const tree = page.getByRole('tree', { name: '指标树' });
    await tree.getByText(SAMPLE_SYSTEM.indicators[0]!.title, { exact: true }).waitFor();
    await expect(app.call('systems.list', {})).resolves.toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });
});
