import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/core/context';
import { openProject } from '../../electron/core/project/project';
import { pdf, photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

type Built = { outDir: string; volumes: { file: string; pages: number; title: string }[]; problems: unknown[] };
type Exported = { index: string; folders: { code: string; dir: string; files: { file: string }[] }[] };

/** What the host was asked to do (Electron's shell and printer in the app). */
const asked: string[] = [];
const host: Host = {
  nativeDialogs: true,
  openPath: async (file) => void asked.push(`open ${file}`),
  showInFolder: (file) => void asked.push(`show ${file}`),
  listPrinters: async () => ['办公室打印机'],
  printPdf: async (file, { printer, duplex }) => void asked.push(`print ${file} ${printer} ${duplex}`),
};

const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** The binder as the UI uses it: settings kept per project, the preview, the job, the files after. */
describe('binder through the contract', () => {
  const { core, call, fail } = testCore('王立卷', host);
  const browser = testCore('浏览器'); // the bridge: no shell, no printer
  let systemId: number;
  let dir: string;

  beforeAll(async () => {
    dir = path.join(tempDir(), '2026年 创文迎检');
    await call('projects.create', { dir, name: 'XX街道办事处', year: 2026 });
    ({ systemId } = await call('systems.importSample', {}));
    const { indicators } = await call('systems.tree', { systemId });
    // A leaf under the first top-level indicator: its items make one volume.
    const first = indicators.find((n) => n.parentId === null)!;
    const under = (n: (typeof indicators)[number]): boolean =>
      n.parentId === first.id || indicators.some((p) => p.id === n.parentId && under(p));
    const leaf = indicators.find((n) => under(n) && !indicators.some((c) => c.parentId === n.id))!;
    const src = tempDir('材料');
    fs.writeFileSync(path.join(src, '工作方案.pdf'), await pdf(3));
    fs.writeFileSync(path.join(src, '活动照片.jpg'), await photo({ seed: 3 }));
    const { jobId } = await call('materials.add', { paths: [src], indicatorIds: [leaf.id] });
    await jobResult(core, jobId);
  }, 60_000);

  it('keeps the binder settings per project, defaults first, the whole set saved', async () => {
    const defaults = await call('binder.settings', {});
    expect(defaults).toMatchObject({
      by: 'top',
      duplex: true,
      numberPosition: 'outer-top',
      bindingMarginMm: 25,
      photosPerPage: 1,
      linkedItems: 'repeat',
      outDir: null,
    });
    const saved = await call('binder.saveSettings', {
      ...defaults,
      numberPosition: 'bottom-center',
      checker: '李检查',
      dividers: true,
    });
    expect(saved).toMatchObject({ numberPosition: 'bottom-center', checker: '李检查', dividers: true });
    expect(await call('binder.settings', {})).toEqual(saved);
    expect((await fail('binder.saveSettings', { ...defaults, bindingMarginMm: 80 })).code).toBe('INVALID_INPUT');
    expect(await call('binder.fonts', {})).toEqual(expect.arrayContaining([expect.objectContaining({ file: null })]));
  });

  it('previews the plan, builds in a job into 案卷 in the project folder, lists and opens the result', async () => {
    const plan = await call('binder.plan', { systemId });
    expect(plan.volumes).toHaveLength(1);
    const items = plan.volumes[0]!.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.title, i.startPage, i.endPage])).toEqual(
      expect.arrayContaining([
        ['工作方案', expect.any(Number), expect.any(Number)],
        ['活动照片', expect.any(Number), expect.any(Number)],
      ]),
    );

    const progress: number[] = [];
    const off = core.onEvent((e) => {
      if (e.type === 'job.progress' && e.kind === 'binder.build') progress.push(e.current);
    });
    const { jobId } = await call('binder.build', { systemId });
    const built = await jobResult<Built>(core, jobId);
    off();
    expect(built.outDir).toBe(path.join(dir, '案卷'));
    expect(built.problems).toEqual([]);
    const [volume] = built.volumes;
    expect(path.dirname(volume!.file)).toBe(built.outDir);
    expect(pdfPages(volume!.file)).toBe(volume!.pages);
    // The saved settings were used: 检查人 on the 备考表.
    expect(execFileSync('pdftotext', [volume!.file, '-'], { encoding: 'utf8' })).toContain('李检查');
    expect(progress.length).toBeGreaterThan(0);

    const outputs = await call('binder.outputs', {});
    expect(outputs.dir).toBe(built.outDir);
    expect(outputs.files.map((f) => f.file)).toContain(volume!.file);

    await call('binder.open', { file: volume!.file });
    await call('binder.showInFolder', { file: volume!.file });
    expect(await call('binder.printers', {})).toEqual(['办公室打印机']);
    await call('binder.print', { file: volume!.file, printer: '办公室打印机' });
    expect(asked).toEqual([`open ${volume!.file}`, `show ${volume!.file}`, `print ${volume!.file} 办公室打印机 true`]);
    // Only what the binder makes is handed to the system.
    const program = path.join(dir, 'run.exe');
    fs.writeFileSync(program, 'MZ');
    expect((await fail('binder.open', { file: program })).code).toBe('INVALID_INPUT');
    expect((await fail('binder.open', { file: path.join(dir, '没有.pdf') })).message).toContain('没有.pdf');

    const reader = openProject(dir, { userName: 't', readOnly: true });
    const audited = reader.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'binder.build'")
      .pluck()
      .all() as string[];
    reader.close();
    expect(audited.map((d) => JSON.parse(d) as { volumes: { file: string }[] })[0]!.volumes[0]!.file).toBe(
      path.basename(volume!.file),
    );
  }, 120_000);

  it('exports 网上申报 folders in a job', async () => {
    const { jobId } = await call('binder.exportSubmission', { systemId });
    const result = await jobResult<Exported>(core, jobId);
    expect(fs.existsSync(result.index)).toBe(true);
    expect(result.index.startsWith(path.join(dir, '案卷', '网上申报'))).toBe(true);
    expect(result.folders).toHaveLength(1);
    expect(result.folders[0]!.files).toHaveLength(2);
    for (const f of result.folders[0]!.files) expect(fs.existsSync(f.file)).toBe(true);
  }, 120_000);

  it('in the browser preview the host cannot open or print: done is false and nothing fails', async () => {
    const other = path.join(tempDir(), '浏览器项目');
    await browser.call('projects.create', { dir: other, name: '文明办', year: 2026 });
    const file = path.join(other, '卷.pdf');
    fs.writeFileSync(file, await pdf(1));
    expect(await browser.call('binder.open', { file })).toEqual({ done: false });
    expect(await browser.call('binder.print', { file })).toEqual({ done: false });
    expect(await browser.call('binder.printers', {})).toEqual([]);
    expect(await browser.call('binder.outputs', {})).toEqual({ dir: path.join(other, '案卷'), files: [] });
  });
});
