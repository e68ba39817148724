import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { labelledPdf } from '../fixtures/binder-project';
import { photo } from '../fixtures/evidence-files';
import { startWithSample, type SampleApp } from './harness';

/** Pages of a PDF as poppler counts them (what a printer or viewer will see). */
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/**
 * 装订成卷 in the UI: a user with materials under a few indicators opens the binder, reads the
 * 卷内目录 of each volume before binding, changes options that stay changed, binds with a
 * progress bar, finds the volumes (the page counts match the files), and cancels a long run.
 */
describe('装订成卷 in the UI', () => {
  let app: SampleApp;
  /** A leaf under A1, and one under another top-level indicator. */
  let leafA: IndicatorNode;
  let leafB: IndicatorNode;
  let src: string;

  const screen = () => app.page.locator('.tz-binder-drawer');
  const volumeHeaders = () => screen().locator('.tz-binder-volumes .ant-collapse-header');
  const indexRow = (text: string) => screen().locator('.tz-binder-index .ant-table-row', { hasText: text });
  const noToasts = () =>
    expect.poll(() => app.page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

  /** Adds files through the core (as the 添加材料 button does) and waits for the add job to end. */
  const addFiles = async (files: string[], indicatorId: number) => {
    const { jobId } = await app.call('materials.add', { paths: files, indicatorIds: [indicatorId] });
    const info = await app.core.context.jobs.settled(jobId);
    expect(info?.status).toBe('done');
  };

  const openBinder = async () => {
    await app.page.locator('header.tz-topbar').getByRole('button', { name: '装订成卷' }).click();
    await screen().getByRole('tab', { name: '卷内目录预览' }).waitFor();
  };
  const closeBinder = async () => {
    await screen()
      .getByRole('button', { name: /关闭|Close/ })
      .first()
      .click();
    await screen().waitFor({ state: 'hidden' });
  };

  beforeAll(async () => {
    app = await startWithSample();
    const { indicators } = app;
    const top = (n: IndicatorNode): IndicatorNode =>
      n.parentId === null ? n : top(indicators.find((p) => p.id === n.parentId)!);
    const leaves = indicators.filter((n) => n.level === 3 && n.applicable);
    leafA = leaves[0]!;
    leafB = leaves.find((n) => top(n).id !== top(leafA).id)!;

    src = path.join(app.workDir, '微信 收到的文件');
    fs.mkdirSync(src);
    const write = (name: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(src, name), bytes);
      return path.join(src, name);
    };
    await addFiles(
      [
        write('关于成立创建工作领导小组的通知.pdf', await labelledPdf('NOTICE', 2)),
        write(
          'IMG_20250921_101010.jpg',
          await photo({ seed: 21, width: 1200, height: 900, exifDate: '2025:09:21 10:10:10' }),
        ),
        write(
          'IMG_20250922_090000.jpg',
          await photo({ seed: 22, width: 1200, height: 900, exifDate: '2025:09:22 09:00:00' }),
        ),
      ],
      leafA.id,
    );
    await addFiles([write('道德讲堂活动简报.pdf', await labelledPdf('BRIEF', 3))], leafB.id);
    const [notice] = (await app.call('materials.list', { indicatorId: leafA.id })).filter((m) =>
      m.title.includes('通知'),
    );
    await app.call('materials.update', {
      ids: [notice!.id],
      patch: { docNo: '示街发〔2025〕12号', responsible: 'XX街道办事处', date: '2025-09-01' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('previews each volume’s 卷内目录 with page numbers, grouped under its indicators', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await openBinder();
    const plan = await app.call('binder.plan', { systemId: app.systemId });
    expect(plan.volumes).toHaveLength(2);
    await expect.poll(() => volumeHeaders().count()).toBe(2);
    const [first, second] = plan.volumes;
    await expect(volumeHeaders().nth(0).textContent()).resolves.toBe(
      `第1卷 ${first!.title} · ${first!.itemCount}件 · 约${first!.pageCount}页`,
    );
    await expect(volumeHeaders().nth(1).textContent()).resolves.toContain(`第2卷 ${second!.title}`);
    await expect(screen().locator('.tz-binder-preview-summary').textContent()).resolves.toContain('共 2 卷');

    // The first volume is open: its items under the indicator's heading, each with the page it starts on.
    const section = first!.sections[0]!;
    await screen()
      .locator('.tz-binder-heading', { hasText: `${section.indicator.code} ${section.indicator.title}` })
      .waitFor();
    const items = first!.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(3);
    for (const [i, item] of items.entries()) {
      const row = indexRow(item.title);
      const cells = await row.locator('td').allTextContents();
      const last = i === items.length - 1;
      expect(cells).toEqual([
        String(i + 1),
        item.docNo,
        item.responsible,
        item.titleMadeUp ? `[${item.title}]` : item.title,
        (item.date ?? '').replaceAll('-', ''),
        last && item.endPage > item.startPage ? `${item.startPage}–${item.endPage}` : String(item.startPage),
      ]);
    }
    // The notice keeps its 文号 and date in 8 digits; a camera file name is a made-up title, in brackets.
    await expect(indexRow('关于成立创建工作领导小组的通知').textContent()).resolves.toContain('示街发〔2025〕12号');
    await expect(indexRow('关于成立创建工作领导小组的通知').textContent()).resolves.toContain('20250901');
    expect(items.some((m) => m.titleMadeUp)).toBe(true);
    await expect(screen().locator('.tz-binder-index').first().textContent()).resolves.toMatch(/\[[^\]]+\]/);

    // The other indicators have nothing to bind: named in a warning, not silently skipped.
    const warning = screen().locator('.tz-binder-empty-alert');
    await expect(warning.textContent()).resolves.toContain(`${plan.empty.length} 个指标还没有可装订的材料`);
    await expect(warning.textContent()).resolves.toContain(plan.empty[0]!.title);

    // The second volume opens from the keyboard.
    await volumeHeaders().nth(1).focus();
    await page.keyboard.press('Enter');
    await indexRow('道德讲堂活动简报').waitFor();
    await expect(indexRow('道德讲堂活动简报').locator('td').last().textContent()).resolves.toBe('1–3');
    await app.screenshot('binder-preview.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('saves changed options for the project: they are there after closing, and after a reload', async () => {
    const { page } = app;
    const before = await app.call('binder.plan', { systemId: app.systemId });
    // Two photos on one page: the first volume is a page shorter.
    await screen().locator('.ant-radio-button-wrapper', { hasText: '2 张' }).click();
    await expect.poll(async () => (await app.call('binder.settings', {})).photosPerPage).toBe(2);
    const shorter = before.volumes[0]!.pageCount - 1;
    await expect.poll(() => volumeHeaders().nth(0).textContent()).toContain(`约${shorter}页`);

    await screen()
      .getByRole('combobox', { name: /页码位置/ })
      .click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '底部居中' }).click();
    await screen()
      .getByRole('textbox', { name: /检查人/ })
      .fill('王主任');
    await expect
      .poll(async () => {
        const s = await app.call('binder.settings', {});
        return [s.numberPosition, s.checker];
      })
      .toEqual(['bottom-center', '王主任']);
    await screen().getByText('选项改动后自动保存').waitFor();

    await closeBinder();
    await openBinder();
    await expect(screen().getByRole('radio', { name: '2 张' }).isChecked()).resolves.toBe(true);
    const position = screen().locator('.ant-select', { has: app.page.locator('#tz-binder-position') });
    await expect(position.textContent()).resolves.toContain('底部居中');

    await page.reload();
    await openBinder();
    await expect.poll(() => screen().getByRole('radio', { name: '2 张' }).isChecked()).toBe(true);
    await expect(
      screen()
        .getByRole('textbox', { name: /检查人/ })
        .inputValue(),
    ).resolves.toBe('王主任');
    await expect.poll(() => volumeHeaders().nth(0).textContent()).toContain(`约${shorter}页`);
    // The lower options (封面与备考表, 保存位置) are a scroll away on a 1366×768 screen.
    await screen()
      .locator('.tz-binder-side')
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.screenshot('binder-options.png');
    await screen()
      .locator('.tz-binder-side')
      .evaluate((el) => el.scrollTo(0, 0));
    expect(app.pageErrors).toEqual([]);
  });

  it('binds with a progress bar and lists the volumes; each file has the pages the list says', async () => {
    const plan = await app.call('binder.plan', { systemId: app.systemId });
    await screen().getByRole('button', { name: '开始装订' }).click();
    await screen()
      .getByRole('tab', { name: /装订结果/, selected: true })
      .waitFor();
    const done = screen().locator('.tz-binder-done', { hasText: '装订完成' });
    await done.waitFor({ timeout: 60_000 });
    await expect(done.textContent()).resolves.toContain(`共 ${plan.volumes.length} 卷`);

    const outDir = (await screen().locator('.tz-binder-outdir-line .tz-path').first().textContent())!;
    expect(outDir).toBe(path.join(app.projectDir, '案卷'));
    const rows = screen().locator('.tz-binder-result-table .ant-table-row');
    await expect.poll(() => rows.count()).toBe(plan.volumes.length);
    for (const [i, volume] of plan.volumes.entries()) {
      const row = rows.nth(i);
      await expect(row.locator('.tz-binder-result-title').textContent()).resolves.toBe(`第${i + 1}卷 ${volume.title}`);
      const name = (await row.locator('.tz-binder-file-name').textContent())!;
      expect(name).toMatch(/\.pdf$/);
      expect(name).toContain(volume.title);
      const shown = Number(/(\d+) 页/.exec((await row.locator('.tz-binder-pages').textContent())!)![1]);
      const file = path.join(outDir, name);
      expect(fs.existsSync(file)).toBe(true);
      expect(pdfPages(file)).toBe(shown);
      // Cover, index and 备考表 besides the numbered pages.
      expect(shown).toBeGreaterThan(volume.pageCount);
    }

    // The browser cannot open files: it says where the file is, to copy.
    await rows.nth(0).getByRole('button', { name: '打开' }).click();
    const note = app.page.getByRole('dialog').filter({ hasText: '浏览器预览模式下无法直接打开' });
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain(outDir);
    await note.getByRole('button', { name: '知道了' }).click();
    await note.waitFor({ state: 'hidden' });

    // 打印 asks which printer and whether both sides (the binder's 双面打印 by default).
    await rows.nth(0).getByRole('button', { name: '打印' }).click();
    const print = app.page.getByRole('dialog', { name: '打印案卷' });
    await print.waitFor();
    await expect(print.getByRole('checkbox', { name: '双面打印' }).isChecked()).resolves.toBe(true);
    await print.getByRole('button', { name: '取消' }).click();
    await print.waitFor({ state: 'hidden' });

    await noToasts();
    await app.screenshot('binder.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('exports for 网上申报: a folder per indicator with a PDF per item, and an index workbook', async () => {
    const { page } = app;
    await screen().getByRole('button', { name: '网上申报导出' }).click();
    const dialog = page.getByRole('dialog', { name: '网上申报导出' });
    await dialog.waitFor();
    await expect(dialog.getByRole('radio', { name: '按件：每件材料一个PDF文件' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: /开始导出/ }).click();
    const done = dialog.getByText(/^导出完成/);
    await done.waitFor({ timeout: 60_000 });
    await expect(done.textContent()).resolves.toContain('2 个指标文件夹，4 个PDF文件');

    const outDir = (await dialog.locator('.tz-binder-outdir-line .tz-path').textContent())!;
    const pdfs = fs
      .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.toLowerCase().endsWith('.pdf'));
    expect(pdfs).toHaveLength(4);
    await dialog.getByRole('button', { name: /打开目录表/ }).waitFor();
    const index = fs.readdirSync(outDir).find((f) => f.endsWith('.xlsx'));
    expect(index).toBeDefined();
    await expect.poll(() => dialog.locator('.ant-table-row').count()).toBe(2);
    await noToasts();
    await app.screenshot('binder-export.png');
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(app.pageErrors).toEqual([]);
  });

  it('offers to split by size when a volume is over 体积提醒, and rebuilds split at item boundaries', async () => {
    const saved = await app.call('binder.settings', {});
    // Every volume here is ~160 KB: a 0.1 MB 体积提醒 makes each one "too large".
    await closeBinder();
    await app.call('binder.saveSettings', { ...saved, sizeLimitMb: 0.1, maxVolumeMb: null });
    await openBinder();
    await screen().getByRole('button', { name: '开始装订' }).click();
    const offer = screen().getByRole('button', { name: '按 0.1 MB 分卷重新装订' });
    await offer.waitFor({ timeout: 60_000 });
    const before = await screen().locator('.tz-binder-result-table .ant-table-row').count();
    await offer.click();
    await expect.poll(async () => (await app.call('binder.settings', {})).maxVolumeMb, { timeout: 15_000 }).toBe(0.1);
    const titles = screen().locator('.tz-binder-result-table .tz-binder-result-title');
    await expect.poll(() => titles.count(), { timeout: 60_000 }).toBeGreaterThan(before);
    await expect(titles.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/共\d+卷之第\d+卷/)]),
    );
    expect(app.pageErrors).toEqual([]);

    await closeBinder();
    await app.call('binder.saveSettings', saved);
    await openBinder();
  });

  it('binds only the indicators picked, and cancels a long run from its progress bar', async () => {
    const { page } = app;
    const long: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const file = path.join(src, `第${i}季度工作台账汇编.pdf`);
      fs.writeFileSync(file, await labelledPdf(`LONG${i}`, 150));
      long.push(file);
    }
    await addFiles(long, leafB.id);
    // Every open window reports an add job, whoever started it.
    const report = page.getByRole('dialog', { name: '添加结果' });
    await report.getByRole('button', { name: '知道了' }).click();
    await report.waitFor({ state: 'hidden' });
    const { indicators } = app;
    const topB = indicators.find((n) => n.id === indicators.find((p) => p.id === leafB.parentId)!.parentId)!;

    // 选定指标: only the top-level indicator the long material is under.
    await screen().getByRole('tab', { name: '卷内目录预览' }).click();
    await screen().getByRole('radio', { name: '选定指标' }).check();
    await screen().getByText('请在左侧“选定指标”中选择要装订的指标。').waitFor();
    await screen()
      .getByRole('combobox', { name: /选定指标/ })
      .click();
    await page.keyboard.type(topB.code);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', {
        hasText: `${topB.code} ${topB.title}`,
      })
      .first()
      .click();
    await page.keyboard.press('Escape');
    const plan = await app.call('binder.plan', { systemId: app.systemId, indicatorIds: [topB.id] });
    expect(plan.volumes.every((v) => v.root?.id === topB.id)).toBe(true);
    await expect.poll(() => volumeHeaders().count()).toBe(plan.volumes.length);
    await expect(volumeHeaders().nth(0).textContent()).resolves.toContain(topB.title);
    // The first volume is open; the long items fill it (the rest follow in the next one).
    await expect
      .poll(() =>
        screen()
          .locator('.tz-binder-index .ant-table-row', { hasText: /季度工作台账汇编/ })
          .count(),
      )
      .toBeGreaterThan(0);

    await screen().getByRole('button', { name: '开始装订' }).click();
    const progress = screen().getByRole('group', { name: '正在装订' });
    // It runs: the bar moves past the preparation and names the volume being bound.
    await progress.getByText(/正在装订《/).waitFor();
    await noToasts();
    await app.screenshot('binder-progress.png');
    await progress.getByRole('button', { name: '取消' }).click();
    await screen()
      .getByText(/已取消装订/)
      .waitFor({ timeout: 30_000 });
    await progress.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await app.call('jobs.list', {})).filter((j) => j.status === 'running').length)
      .toBe(0);

    // Whatever the cancelled run left is whole: each PDF in the folder opens, no temp files (网上申报 is a folder).
    const { dir, files } = await app.call('binder.outputs', {});
    expect(
      fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.toLowerCase().endsWith('.pdf'))
        .map((e) => e.name),
    ).toEqual([]);
    for (const f of files) expect(pdfPages(f.file)).toBeGreaterThan(0);
    await screen().getByText(`之前生成的文件（${files.length} 个）`).waitFor();
    await noToasts();
    await app.screenshot('binder-cancelled.png');
    expect(app.pageErrors).toEqual([]);
  });
});
