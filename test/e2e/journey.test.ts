import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_SYSTEM } from '../../shared/systems/sample-system';
import type { IndicatorDraft } from '../../shared/systems/model';
import { pdf, photo } from '../fixtures/evidence-files';
import { chooseOption, opened, startApp, type E2eApp } from './harness';

/** Pages of a PDF as pdf-lib reads them. */
const pdfPages = async (file: string) => (await PDFDocument.load(fs.readFileSync(file))).getPageCount();

/** A date inside the sample system's 测评期间, as the office's own files would carry. */
const inWindow = (month: number, day: number) => new Date(2025, month - 1, day, 9, 0, 0);

/** The sample sheet's indicator with this code (the same sheet the wizard imports). */
const sheet = (code: string): IndicatorDraft => SAMPLE_SYSTEM.indicators.find((d) => d.code === code)!;

/**
 * A messy folder like an office's: indicator folders named by code and title, and loose files
 * nobody sorted. Returns the folder and how many files of each kind it holds.
 */
async function officeFolder(root: string) {
  const folder = path.join(root, '创建资料');
  const write = async (rel: string, bytes: Buffer | Promise<Buffer>) => {
    const file = path.join(folder, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await bytes);
  };
  await write('A1.1.1 领导小组/通知.pdf', pdf(2, { created: inWindow(9, 1) }));
  await write('A1.1.1 领导小组/成员分工表.pdf', pdf(1, { created: inWindow(9, 2) }));
  await write(
    'A2.3.2 道德讲堂/照片1.jpg',
    photo({ seed: 31, width: 1200, height: 900, exifDate: '2025:09:20 15:00:00' }),
  );
  await write(
    'A2.3.2 道德讲堂/照片2.jpg',
    photo({ seed: 32, width: 1200, height: 900, exifDate: '2025:10:18 15:00:00' }),
  );
  await write(
    'A2.3.2 道德讲堂/照片3.jpg',
    photo({ seed: 33, width: 900, height: 1200, exifDate: '2025:11:15 15:00:00' }),
  );
  // Loose: no code, no indicator's name; left in 待归类 for the user to sort.
  await write('微信图片_20250915.jpg', photo({ seed: 34, width: 1000, height: 750, exifDate: '2025:09:15 10:00:00' }));
  await write('扫描件001.pdf', pdf(1, { created: inWindow(10, 8) }));
  await write('扫描件002.pdf', pdf(2, { created: inWindow(10, 9) }));
  return { folder, suggested: 5, loose: 3 };
}

/**
 * The journey a new office worker makes on the first day, each step through the UI as they
 * would (the core is only asked afterwards, to check what the UI did): new project, the city's
 * sheet imported, the unit's subset marked and work assigned, a folder of evidence added and
 * sorted by the links it suggests, types fixed in bulk, a gap found and filled, the volumes bound
 * and checked page by page, and the 网上申报 export.
 */
describe('a new user’s first day, through the UI', () => {
  let app: E2eApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('new project → import → subset and people → folder with suggested links → batch edit → gaps → bind → export', async () => {
    app = await startApp({ userName: '李会计' });
    const { page } = app;
    const shot = (name: string) => app!.screenshot(name);
    const noToasts = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    const tree = () => page.getByRole('tree', { name: '指标树' });
    const topBar = () => page.locator('header.tz-topbar');
    const editor = () => page.getByRole('complementary', { name: '指标详情' });
    const save = () => editor().locator('.tz-editor-actions').getByRole('button', { name: /保存/ });
    const fixedNode = (label: string) => page.locator('.tz-fixed-nodes .tz-node', { hasText: label });
    const countShown = (label: string, count: number) =>
      fixedNode(label)
        .locator('.tz-node-count', { hasText: new RegExp(`^\\(${count}\\)$`) })
        .waitFor({ timeout: 15_000 });
    /** Selects an indicator through the search box (Ctrl+K), by its title. */
    const findIndicator = async (d: IndicatorDraft) => {
      const box = page.getByRole('combobox', { name: '搜索指标、材料' });
      await box.click();
      await box.fill('');
      await page.keyboard.type(d.title);
      await page
        .getByRole('listbox', { name: '搜索结果' })
        .getByRole('option')
        .filter({ hasText: d.code })
        .first()
        .click();
    };
    const report = () => page.getByRole('dialog', { name: '添加结果' });
    const rows = () => page.locator('.tz-material-list .ant-table-row');

    // 1. The start screen, as the app first opens.
    await page.goto(app.bridge.url);
    await page.getByRole('button', { name: /新建项目/ }).waitFor();
    await shot('journey-01-start.png');

    // 2. 新建项目 in a folder whose path has Chinese and a space.
    const projectDir = path.join(app.workDir, '2026年 创文迎检');
    await page.getByRole('button', { name: /新建项目/ }).click();
    const create = page.getByRole('dialog', { name: '新建项目' });
    await opened(create);
    await create.getByLabel('单位名称').fill('XX街道办事处');
    await create.getByLabel('年度').fill('2026');
    await create.getByLabel('项目文件夹').fill(projectDir);
    await shot('journey-02-new-project.png');
    await create.getByRole('button', { name: '创建项目' }).click();
    await page.locator('header.tz-topbar').getByText('XX街道办事处').waitFor();
    await page.getByText('还没有测评体系').waitFor();
    expect(fs.existsSync(path.join(projectDir, 'taizhang.sqlite'))).toBe(true);

    // 3. The city's sheet (the sample .xlsx, as it would arrive by e-mail) through the import wizard.
    const sample = await app.call('systems.sampleWorkbook', {});
    const sheetFile = path.join(app.workDir, '市文明办下发', sample.fileName);
    fs.mkdirSync(path.dirname(sheetFile), { recursive: true });
    fs.writeFileSync(sheetFile, Buffer.from(sample.dataBase64!, 'base64'));
    await page.getByRole('button', { name: '导入Excel' }).click();
    const wizard = page.getByRole('dialog', { name: '导入测评体系' });
    await opened(wizard);
    await wizard.locator('input[type=file]').setInputFiles(sheetFile);
    await wizard.getByText('已按表头自动识别各列的含义').waitFor();
    await shot('journey-03-import-mapping.png');
    await wizard.getByRole('button', { name: '下一步' }).click();
    await wizard.getByText('没有发现问题，可以导入').waitFor();
    await shot('journey-04-import-preview.png');
    await wizard.getByRole('button', { name: '导入', exact: true }).click();
    await wizard.getByText(`已导入 ${SAMPLE_SYSTEM.indicators.length} 条指标`).waitFor();
    await wizard.getByRole('button', { name: '完成' }).click();
    await wizard.waitFor({ state: 'hidden' });
    const [system] = await app.call('systems.list', {});
    expect(system!.indicatorCount).toBe(SAMPLE_SYSTEM.indicators.length);
    const systemId = system!.id;
    const stored = async (code: string) =>
      (await app!.call('systems.tree', { systemId })).indicators.find((n) => n.code === code)!;

    // 4. The unit's subset: an indicator this street office has no part in is marked 不适用.
    const offLeaf = sheet('A8.2.3');
    expect(offLeaf).toBeDefined();
    // Far down the tree (a scroll away): found with the search box, as the user would.
    await findIndicator(offLeaf);
    await expect.poll(() => page.locator('.tz-indicator-title').textContent()).toBe(`${offLeaf.code} ${offLeaf.title}`);
    await editor().getByRole('switch', { name: '本单位适用' }).click();
    await editor().getByText('有未保存的修改').waitFor();
    await save().click();
    await page.getByText('已保存').waitFor();
    await tree().locator('.ant-tree-treenode', { hasText: offLeaf.title }).getByText('不适用').waitFor();
    expect((await stored(offLeaf.code)).applicable).toBe(false);

    // …and work assigned: the 年度工作方案 goes to 刘芳 (named in the sheet, so in 人员名单).
    const gapLeaf = sheet('A1.2.1');
    await findIndicator(gapLeaf);
    await expect.poll(() => page.locator('.tz-indicator-title').textContent()).toBe(`${gapLeaf.code} ${gapLeaf.title}`);
    await editor().getByRole('combobox', { name: '收集人' }).click();
    await chooseOption(page, /刘芳/);
    await editor().getByText('有未保存的修改').waitFor();
    await noToasts();
    await shot('journey-05-tree-editor.png');
    await save().click();
    await page.getByText('已保存').waitFor();
    const people = await app.call('people.list', {});
    const liuFang = people.find((p) => p.name === '刘芳')!;
    await expect.poll(async () => (await stored(gapLeaf.code)).collectorId).toBe(liuFang.id);

    // 5. The office's folder of evidence, added whole to 待归类.
    const { folder, suggested, loose } = await officeFolder(path.join(app.workDir, 'U盘'));
    await fixedNode('待归类').click();
    await expect.poll(() => page.locator('.tz-indicator-title').textContent()).toBe('待归类');
    await page.locator('.tz-pane-centre input[webkitdirectory]').setInputFiles(folder);
    await report().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => report().locator('.ant-result-title').textContent(), { timeout: 30_000 })
      .toBe(`已添加 ${suggested + loose} 件`);
    const suggestions = report().getByRole('region', { name: '建议关联' });
    await suggestions.waitFor();
    await noToasts();
    await shot('journey-06-add-result.png');
    // Each suggestion, page by page (6 a page): exactly the ones the folder names mean; the loose
    // files and the upload's temp folder suggest nothing.
    const expected = ['通知 → A1.1.1', '成员分工表 → A1.1.1', '照片1 → A2.3.2', '照片2 → A2.3.2', '照片3 → A2.3.2'];
    const seen: string[] = [];
    for (;;) {
      const here = suggestions.locator('.ant-table-row');
      for (let i = 0; i < (await here.count()); i++) {
        const cells = await here.nth(i).locator('td').allTextContents();
        seen.push(`${cells[1]} → ${cells[2]!.split(' ')[0]}`);
      }
      const next = suggestions.locator('.ant-pagination-next');
      if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
      await next.click();
    }
    expect(seen.sort()).toEqual(expected.sort());
    await suggestions.getByRole('button', { name: `关联选中的 ${suggested} 项` }).click();
    await page.getByText(`已关联 ${suggested} 项`).waitFor();
    await suggestions.waitFor({ state: 'detached' });
    await report().getByRole('button', { name: '知道了' }).click();
    await report().waitFor({ state: 'hidden' });
    // Only the loose files stay to be sorted.
    await countShown('待归类', loose);
    await expect.poll(() => rows().count()).toBe(loose);
    const linkedTo = async (code: string) =>
      (await app!.call('materials.list', { indicatorId: (await stored(code)).id })).map(
        (m) => m.files[0]!.originalName,
      );
    expect((await linkedTo('A1.1.1')).sort()).toEqual(['成员分工表.pdf', '通知.pdf']);
    expect((await linkedTo('A2.3.2')).sort()).toEqual(['照片1.jpg', '照片2.jpg', '照片3.jpg']);

    // 6. Metadata fixed in bulk: the two scans are meeting minutes.
    for (const title of ['扫描件001', '扫描件002'])
      await rows().filter({ hasText: title }).locator('.ant-checkbox-input').check();
    const bar = page.getByRole('toolbar', { name: '批量操作' });
    await bar.getByText('已选 2 件').waitFor();
    await bar.getByRole('combobox', { name: '批量修改类型' }).click();
    await chooseOption(page, '会议记录');
    await page.getByText('已把 2 件的类型改为“会议记录”').waitFor();
    await expect.poll(() => rows().filter({ hasText: '会议记录' }).count()).toBe(2);
    await noToasts();
    await shot('journey-07-batch-edit.png');
    // …and who made them, for the 卷内目录's 责任者, filled in once for both with 批量填写.
    await bar.getByRole('button', { name: /批量填写/ }).click();
    const fill = page.getByRole('dialog', { name: '批量填写（2 件）' });
    await opened(fill);
    await fill.getByLabel('责任者').fill('XX街道文明办');
    await shot('journey-07-batch-fill.png');
    await fill.getByRole('button', { name: '填写到选中的材料' }).click();
    await fill.waitFor({ state: 'hidden' });
    await page.getByText('已为 2 件填写').waitFor();
    const scans = (await app.call('materials.list', { inbox: true })).filter((m) => m.title.startsWith('扫描件'));
    expect(scans.map((m) => [m.type, m.responsible])).toEqual([
      ['会议记录', 'XX街道文明办'],
      ['会议记录', 'XX街道文明办'],
    ]);

    // 7. 查漏补缺: the dashboard lists what is missing; 刘芳's 年度工作方案 is.
    await topBar().getByRole('button', { name: '查漏补缺' }).click();
    const dashboard = page.locator('.tz-gaps-drawer');
    await dashboard.getByRole('tab', { name: '检查结果' }).waitFor();
    const gapRow = dashboard.locator('.tz-gap-table .ant-table-row', { hasText: gapLeaf.title });
    await expect(gapRow.textContent()).resolves.toContain('缺失');
    await expect(gapRow.textContent()).resolves.toContain('刘芳');
    await noToasts();
    await shot('journey-08-gaps.png');

    // …a click on the row goes to it in the tree.
    await dashboard.getByRole('textbox', { name: '搜索指标' }).fill(gapLeaf.title);
    await expect.poll(() => dashboard.locator('.tz-gap-table .ant-table-row').count()).toBe(1);
    await gapRow.click();
    await dashboard.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.tz-indicator-title').textContent()).toBe(`${gapLeaf.code} ${gapLeaf.title}`);
    const gapNode = tree().locator(`[data-indicator-id="${(await stored(gapLeaf.code)).id}"]`);
    await expect(gapNode.locator('.tz-gap-tag').textContent()).resolves.toBe('○缺失');

    // 8. The gap filled: the plan added there with 添加材料 turns it 齐全.
    const planFile = path.join(app.workDir, '刘芳 发来', '2025年度创建工作方案.pdf');
    fs.mkdirSync(path.dirname(planFile), { recursive: true });
    fs.writeFileSync(planFile, await pdf(3, { created: inWindow(10, 10) }));
    await page.locator('.tz-pane-centre input[type=file]:not([webkitdirectory])').setInputFiles(planFile);
    await expect
      .poll(() => report().locator('.ant-result-title').textContent(), { timeout: 30_000 })
      .toBe('已添加 1 件');
    await report().getByRole('button', { name: '知道了' }).click();
    await report().waitFor({ state: 'hidden' });
    await expect.poll(() => gapNode.locator('.tz-gap-tag').textContent(), { timeout: 15_000 }).toBe('●齐全');
    await expect.poll(() => page.locator('.tz-indicator-facts').textContent()).toContain('齐全');
    await noToasts();
    await shot('journey-09-gap-filled.png');

    // 9. 装订成卷: the preview lists one volume per 测评项目 with materials.
    await page.locator('header.tz-topbar').getByRole('button', { name: '装订成卷' }).click();
    const binder = page.locator('.tz-binder-drawer');
    await binder.getByRole('tab', { name: '卷内目录预览' }).waitFor();
    const plan = await app.call('binder.plan', { systemId });
    expect(plan.volumes.map((v) => v.root?.code)).toEqual(['A1', 'A2']);
    const volumeHeaders = binder.locator('.tz-binder-volumes .ant-collapse-header');
    await expect.poll(() => volumeHeaders.count()).toBe(2);
    await binder.locator('.tz-binder-index .ant-table-row', { hasText: '2025年度创建工作方案' }).waitFor();
    // Nobody filled in 责任者 yet: the preview says so before a blank column is printed.
    await expect(binder.locator('.tz-binder-responsible-alert').textContent()).resolves.toContain(
      '6 件材料没有填写责任者',
    );
    await noToasts();
    await shot('journey-10-binder-preview.png');

    // …bound with a progress bar, then the results list each volume with its pages.
    const started = Date.now();
    await binder.getByRole('button', { name: '开始装订' }).click();
    const progressSeen = binder
      .getByRole('group', { name: '正在装订' })
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    const done = binder.locator('.tz-binder-done', { hasText: '装订完成' });
    await done.waitFor({ timeout: 60_000 });
    console.log(`journey: bound ${plan.volumes.length} volumes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // The run is short here; the bar is there while it runs (not asserted: it can end before a frame is drawn).
    console.log(`journey: progress bar seen while binding: ${await progressSeen}`);
    await expect(done.textContent()).resolves.toContain('共 2 卷');
    const outDir = (await binder.locator('.tz-binder-outdir-line .tz-path').first().textContent())!;
    expect(outDir).toBe(path.join(projectDir, '案卷'));
    const results = binder.locator('.tz-binder-result-table .ant-table-row');
    await expect.poll(() => results.count()).toBe(2);
    for (const [i, volume] of plan.volumes.entries()) {
      const row = results.nth(i);
      await expect(row.locator('.tz-binder-result-title').textContent()).resolves.toBe(`第${i + 1}卷 ${volume.title}`);
      const name = (await row.locator('.tz-binder-file-name').textContent())!;
      const shown = Number(/(\d+) 页/.exec((await row.locator('.tz-binder-pages').textContent())!)![1]);
      // The file holds the pages the list says: the materials' pages plus cover, index and 备考表.
      await expect(pdfPages(path.join(outDir, name))).resolves.toBe(shown);
      expect(shown).toBeGreaterThan(volume.pageCount);
    }
    await noToasts();
    await shot('journey-11-binder-results.png');

    // 打开 and 打印: in the browser the app says where the file is, to copy.
    const firstFile = path.join(outDir, (await results.nth(0).locator('.tz-binder-file-name').textContent())!);
    await results.nth(0).getByRole('button', { name: '打开' }).click();
    const openNote = page.getByRole('dialog').filter({ hasText: '浏览器预览模式下无法直接打开' });
    await opened(openNote);
    await expect(openNote.textContent()).resolves.toContain(`文件保存在：${firstFile}`);
    await openNote.getByRole('button', { name: '知道了' }).click();
    await openNote.waitFor({ state: 'hidden' });
    await results.nth(0).getByRole('button', { name: '打印' }).click();
    const print = page.getByRole('dialog', { name: '打印案卷' });
    await opened(print);
    await print.getByRole('button', { name: '打印' }).click();
    const printNote = page.getByRole('dialog').filter({ hasText: '浏览器预览模式下无法直接打印' });
    await opened(printNote);
    await expect(printNote.textContent()).resolves.toContain('用PDF阅读器打开后打印');
    await expect(printNote.textContent()).resolves.toContain(firstFile);
    await printNote.getByRole('button', { name: '知道了' }).click();
    await printNote.waitFor({ state: 'hidden' });

    // 10. 网上申报导出: a folder per indicator, a PDF per item.
    await binder.getByRole('button', { name: '网上申报导出' }).click();
    const exportDialog = page.getByRole('dialog', { name: '网上申报导出' });
    await opened(exportDialog);
    await exportDialog.getByRole('button', { name: /开始导出/ }).click();
    const exported = exportDialog.getByText(/^导出完成/);
    await exported.waitFor({ timeout: 60_000 });
    // A1.1.1 (2), A1.2.1 (1) and A2.3.2 (3 photos, each its own item).
    await expect(exported.textContent()).resolves.toContain('3 个指标文件夹，6 个PDF文件');
    const exportDir = (await exportDialog.locator('.tz-binder-outdir-line .tz-path').textContent())!;
    expect(fs.statSync(exportDir).isDirectory()).toBe(true);
    const exportedPdfs = fs
      .readdirSync(exportDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.toLowerCase().endsWith('.pdf'));
    expect(exportedPdfs).toHaveLength(6);
    await noToasts();
    await shot('journey-12-export.png');
    await exportDialog.getByRole('button', { name: '完成' }).click();
    await exportDialog.waitFor({ state: 'hidden' });

    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 300_000);

  it('打开示例项目 → 装订成卷 → volumes, in a few minutes of UI', async () => {
    app = await startApp({ userName: '李会计' });
    const { page } = app;
    await page.goto(app.bridge.url);
    await page.getByRole('button', { name: /打开示例项目/ }).waitFor();

    const started = Date.now();
    const lap = (what: string) =>
      console.log(`sample → volume: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await page.getByRole('button', { name: /打开示例项目/ }).click();
    await page.getByRole('tree', { name: '指标树' }).waitFor({ timeout: 120_000 });
    lap('sample project open');
    await app.screenshot('journey-sample-opened.png');

    await page.locator('header.tz-topbar').getByRole('button', { name: '装订成卷' }).click();
    const binder = page.locator('.tz-binder-drawer');
    await binder.getByRole('tab', { name: '卷内目录预览' }).waitFor();
    await expect.poll(() => binder.locator('.tz-binder-volumes .ant-collapse-header').count()).toBeGreaterThan(0);
    lap('preview shown');
    await binder.getByRole('button', { name: '开始装订' }).click();
    const done = binder.locator('.tz-binder-done', { hasText: '装订完成' });
    await done.waitFor({ timeout: 240_000 });
    const seconds = (Date.now() - started) / 1000;
    lap('volumes bound');
    console.log(`sample → volume: ${seconds.toFixed(1)} s of UI from 打开示例项目 to 装订完成`);
    await app.screenshot('journey-sample-bound.png');

    const { files } = await app.call('binder.outputs', {});
    const volumes = files.filter((f) => f.file.toLowerCase().endsWith('.pdf'));
    expect(volumes.length).toBeGreaterThan(0);
    const results = binder.locator('.tz-binder-result-table .ant-table-row');
    await expect.poll(() => results.count()).toBe(volumes.length);
    for (const v of volumes) await expect(pdfPages(v.file)).resolves.toBeGreaterThan(2);
    expect(seconds).toBeLessThan(300);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 360_000);
});
