import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { bindProject } from '../../electron/core/binder/bind';
import { bindInWorker } from '../../electron/core/binder/bind-in-worker';
import { ImagePreparer, type AheadPage } from '../../electron/core/binder/image-ahead';
import { jpegHeader, jpegInfo, prepareImage, preparedName, resizeTarget } from '../../electron/core/binder/images';
import { imagePlacement } from '../../electron/core/binder/item-pages';
import { FRONT_MATTER_BYTES, planBinding } from '../../electron/core/binder/plan';
import type { BindResult, BoundVolume } from '../../electron/core/binder/types';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { mergeMaterials } from '../../electron/core/materials/item-files';
import { linkMaterials, updateMaterials } from '../../electron/core/materials/material-repo';
import { createProject, type Project } from '../../electron/core/project/project';
import { importSample } from '../../electron/core/systems/sample';
import { getIndicators } from '../../electron/core/systems/system-repo';
import type { MaterialPatch } from '../../shared/materials/api-types';
import {
  binderProject,
  labelledPdf,
  manyItems,
  otherImages,
  twoTonePhoto,
  UNIT,
  type BinderFixture,
} from '../fixtures/binder-project';
import { photo } from '../fixtures/evidence-files';
import { tempDir } from '../helpers/temp-dir';

/*
 * 装订成卷, checked from the outside: every volume is opened with qpdf and poppler, not with
 * the library that wrote it.
 */

function tool(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pageText = (file: string, n: number) => tool('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).stdout;
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]).stdout)![1]);

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
/** Words of one page with their boxes (points, origin top-left), from `pdftotext -bbox`. */
function words(file: string, n: number): { width: number; height: number; words: Word[] } {
  const html = tool('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), file, '-']).stdout;
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const list = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! }));
  return { width: +page[1]!, height: +page[2]!, words: list };
}

type QpdfOutline = { title: string; dest: unknown[]; destpageposfrom1: number; kids: QpdfOutline[] };
type QpdfJson = {
  pages: {
    object: string;
    label: Record<string, unknown> | null;
    images: { object: string; width: number; height: number }[];
  }[];
  outlines: QpdfOutline[];
  qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
};
const qpdfJson = (file: string) => JSON.parse(tool('qpdf', ['--json', file]).stdout) as QpdfJson;

function flatten(list: QpdfOutline[], depth = 0): (QpdfOutline & { depth: number })[] {
  return list.flatMap((o) => [{ ...o, depth }, ...flatten(o.kids, depth + 1)]);
}

/** Page positions (1-based) the link annotations on page `n` jump to, top to bottom. */
function linkTargets(json: QpdfJson, n: number): number[] {
  const objects = json.qpdf[1];
  const position = new Map(json.pages.map((p, i) => [p.object, i + 1]));
  const page = objects[`obj:${json.pages[n - 1]!.object}`]!.value!;
  const annots = (page['/Annots'] as string[] | undefined) ?? [];
  return annots
    .map((ref) => objects[`obj:${ref}`]!.value!)
    .filter((a) => a['/Subtype'] === '/Link')
    .map((a) => ({ y: (a['/Rect'] as number[])[1]!, target: position.get((a['/Dest'] as string[])[0]!)! }))
    .sort((a, b) => b.y - a.y)
    .map((a) => a.target);
}

/** Top-to-bottom order of the red and blue areas down the middle of rendered page `n` (two-tone photos). */
async function colourOrder(file: string, n: number, workDir: string): Promise<string[]> {
  const prefix = path.join(workDir, `render-${path.basename(file, '.pdf')}-${n}`);
  tool('pdftoppm', ['-r', '30', '-png', '-f', String(n), '-l', String(n), '-singlefile', file, prefix]);
  const { data, info } = await sharp(`${prefix}.png`).raw().toBuffer({ resolveWithObject: true });
  const x = Math.round(info.width / 2);
  const seen: string[] = [];
  for (let y = 0; y < info.height; y++) {
    const i = (y * info.width + x) * info.channels;
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    const c = r > 150 && b < 80 && g < 80 ? 'red' : b > 150 && r < 80 && g < 80 ? 'blue' : null;
    if (c && seen.at(-1) !== c) seen.push(c);
  }
  return seen;
}

/** Adds one file as one item linked to `code`, then sets its fields. */
async function addItem(
  project: Project,
  dir: string,
  name: string,
  bytes: Buffer,
  code: string,
  patch: MaterialPatch = {},
): Promise<number> {
  const indicator = getIndicators(project.db, 1).find((n) => n.code === code)!;
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, bytes);
  const report = await addMaterials(project, [file], { indicatorIds: [indicator.id], workers: false });
  if (report.added.length !== 1) throw new Error(`${name}: ${JSON.stringify(report)}`);
  const id = report.added[0]!.id;
  if (Object.keys(patch).length > 0) updateMaterials(project, [id], patch);
  return id;
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

const indexPageCount = (json: QpdfJson) => json.pages.filter((p) => p.label?.['/P'] === 'u:目录').length;

/** 封面 + 卷内目录 pages: where item page 1 is, less one. */
function frontMatter(json: QpdfJson): number {
  return json.pages.findIndex((p) => p.label?.['/S'] === '/D' && p.label?.['/P'] === undefined);
}

const DATE = '2026-03-10';
let fx: BinderFixture;
let dir: string;
let result: BindResult;
let a1: BoundVolume;
let a2: BoundVolume;

beforeAll(async () => {
  dir = tempDir('装订');
  fx = await binderProject(dir);
  result = await bindProject(fx.project, {
    outDir: path.join(dir, '案卷 输出'),
    date: DATE,
    filer: '张丽',
    checker: '吴明',
  });
  a1 = result.volumes.find((v) => v.title.startsWith('A1 '))!;
  a2 = result.volumes.find((v) => v.title.startsWith('A2 '))!;
}, 120_000);

afterAll(() => fx?.project.close());

describe('a bound volume', () => {
  it('one volume per top-level indicator that has items, each a clean PDF with every page accounted for', () => {
    expect(result.volumes.map((v) => path.basename(v.file))).toEqual([
      '01 A1 组织领导与工作机制.pdf',
      '02 A2 思想道德建设.pdf',
    ]);
    for (const v of result.volumes) {
      const check = tool('qpdf', ['--check', v.file]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toContain('No syntax or stream encoding errors');
      const json = qpdfJson(v.file);
      const front = frontMatter(json);
      expect(front).toBeGreaterThanOrEqual(2); // 封面 + at least one 目录 page
      const itemPages = v.index.reduce((n, r) => n + r.endPage - r.startPage + 1, 0);
      expect(v.itemPages).toBe(itemPages);
      expect(pageCount(v.file)).toBe(front + itemPages + 1);
      expect(v.pages).toBe(front + itemPages + 1);
      expect(v.bytes).toBe(fs.statSync(v.file).size);
    }
    // A1: notice 2 (twice: A1.1.1 and A1.2.1) + table 1 + photo 1 + record 3 + made-up photo 1 + rotated 1 + scan 1.
    expect(a1.itemPages).toBe(2 + 1 + 1 + 3 + 1 + 2 + 1 + 1);
    expect(a2.itemPages).toBe(3 + 1);
  });

  it('lists items in tree order then the user order, an item linked twice in both sections, without rejected or trashed ones', () => {
    const { items } = fx;
    expect(a1.index.map((r) => [r.code, r.itemId])).toEqual([
      ['A1.1.1', items.notice],
      ['A1.1.1', items.table],
      ['A1.1.1', items.sidewaysPhoto],
      ['A1.1.2', items.record],
      ['A1.1.2', items.madeUp],
      ['A1.2.1', items.notice],
      ['A1.2.1', items.rotated],
      ['A1.2.1', items.bigScan],
    ]);
    const all = result.volumes.flatMap((v) => v.index.map((r) => r.itemId));
    expect(all).not.toContain(items.rejected);
    expect(all).not.toContain(items.trashed);
    // Numbered continuously: each item starts after the one before.
    a1.index.forEach((r, i) => expect(r.startPage).toBe(i === 0 ? 1 : a1.index[i - 1]!.endPage + 1));
    expect(a1.index.find((r) => r.itemId === items.record)).toMatchObject({ endPage: expect.any(Number) });
    const record = a1.index.find((r) => r.itemId === items.record)!;
    expect(record.endPage - record.startPage).toBe(2);
  });

  it('every index row names the page that carries its stamped number and is the item’s first page', () => {
    for (const v of result.volumes) {
      const front = frontMatter(qpdfJson(v.file));
      for (const row of v.index) {
        for (let n = row.startPage; n <= row.endPage; n++) {
          const text = pageText(v.file, front + n);
          expect(text.split(/\s+/), `${v.title} page ${n}`).toContain(String(n));
        }
        const expected = fx.firstPageText.get(row.itemId);
        if (expected) expect(pageText(v.file, front + row.startPage)).toContain(expected);
      }
    }
  });

  it('stamps numbers in the outer top corner, in the margin, clear of the content', () => {
    const front = frontMatter(qpdfJson(a1.file));
    for (let n = 1; n <= a1.itemPages; n++) {
      const page = words(a1.file, front + n);
      const stamp = page.words.filter((w) => w.text === String(n));
      expect(stamp, `page ${n}`).toHaveLength(1);
      const s = stamp[0]!;
      // Word boxes are as displayed (after /Rotate); the page size is not.
      const turned = /rot:\s+(90|270)/.test(
        tool('pdfinfo', ['-f', String(front + n), '-l', String(front + n), a1.file]).stdout,
      );
      const [width, height] = turned ? [page.height, page.width] : [page.width, page.height];
      if (width < height) {
        // Odd (front) pages: top right; even (back) pages: top left; within the top 12 mm band.
        if (n % 2 === 1) expect(s.xMin).toBeGreaterThan(width / 2);
        else expect(s.xMax).toBeLessThan(width / 2);
        expect(s.yMax).toBeLessThan(36);
      } else {
        // Landscape pages are bound by their top edge; the number reads upright in the right band,
        // at the end that lands in the sheet's outer top corner (bottom on fronts, top on backs).
        expect(s.xMin).toBeGreaterThan(width - 36);
        if (n % 2 === 1) expect(s.yMin).toBeGreaterThan(height / 2);
        else expect(s.yMax).toBeLessThan(height / 2);
      }
      for (const w of page.words.filter((x) => x !== s)) {
        const overlap = w.xMin < s.xMax && w.xMax > s.xMin && w.yMin < s.yMax && w.yMax > s.yMin;
        expect(overlap, `number ${n} over “${w.text}”`).toBe(false);
      }
    }
  });

  it('keeps content out of the 25 mm binding margin on copied PDF pages', () => {
    const front = frontMatter(qpdfJson(a1.file));
    const notice = a1.index[0]!;
    const p1 = words(a1.file, front + notice.startPage); // odd: binding on the left
    const p2 = words(a1.file, front + notice.startPage + 1); // even (duplex): binding on the right
    const margin = (25 * 72) / 25.4;
    const content = (p: typeof p1, text: string) => p.words.find((w) => w.text === text)!;
    expect(content(p1, 'DOCA-P1').xMin).toBeGreaterThan(margin);
    expect(content(p2, 'DOCA-P2').xMax).toBeLessThan(p2.width - margin);
  });

  it('has bookmarks per indicator with the items under them, each to its first page', () => {
    const json = qpdfJson(a1.file);
    const front = frontMatter(json);
    const outline = flatten(json.outlines);
    expect(json.outlines.map((o) => o.title)).toEqual([
      '封面',
      '卷内目录',
      'A1.1 创建工作领导机构',
      'A1.2 工作部署与推进',
      '卷内备考表',
    ]);
    const section = outline.find((o) => o.title === 'A1.1.1 成立创建工作领导小组')!;
    expect(section.depth).toBe(1);
    expect(section.kids.map((k) => k.title)).toEqual(['领导小组通知', '成员分工表', '会议照片']);
    const items = outline.filter((o) => o.kids.length === 0 && o.depth === 2);
    expect(items.map((o) => o.destpageposfrom1)).toEqual(a1.index.map((r) => front + r.startPage));
    expect(items.map((o) => o.title)).toContain('[IMG 20250921 101010]');
    expect(outline.find((o) => o.title === '卷内备考表')!.destpageposfrom1).toBe(a1.pages);
    // Opens with the bookmarks panel.
    const catalog = Object.values(json.qpdf[1]).find((o) => o.value?.['/Type'] === '/Catalog')!.value!;
    expect(catalog['/PageMode']).toBe('/UseOutlines');
  });

  it('labels pages like the paper: 封面, 目录1…, the stamped numbers, 备考表', () => {
    const json = qpdfJson(a1.file);
    const front = frontMatter(json);
    expect(json.pages[0]!.label).toMatchObject({ '/P': 'u:封面' });
    expect(json.pages[1]!.label).toMatchObject({ '/P': 'u:目录', '/S': '/D', '/St': 1 });
    expect(json.pages[front]!.label).toMatchObject({ '/S': '/D', '/St': 1 });
    expect(json.pages.at(-1)!.label).toMatchObject({ '/P': 'u:备考表' });
    // poppler agrees: the viewer shows page label "5" for stamped page 5.
    const labels = tool('pdfinfo', ['-f', '1', '-l', String(a1.pages), '-listlabels', a1.file]);
    if (labels.code === 0 && /\b5\b/.test(labels.stdout)) {
      expect(labels.stdout).toMatch(new RegExp(`\\b${front + 5}\\s+5\\b`));
    }
  });

  it('links every index row to its page', () => {
    const json = qpdfJson(a1.file);
    const front = frontMatter(json);
    const targets = Array.from({ length: front - 1 }, (_, i) => linkTargets(json, i + 2)).flat();
    expect(targets).toEqual(a1.index.map((r) => front + r.startPage));
  });

  it('prints the cover, the index and the 备考表 from the data', () => {
    const cover = pageText(a1.file, 1).replace(/\s+/g, '');
    for (const s of [UNIT, 'A1组织领导与工作机制', '定期10年', '第1卷共1卷', '2025年09月—2025年10月', '共8件，12页']) {
      expect(cover).toContain(s);
    }
    const index = pageText(a1.file, 2).replace(/\s+/g, '');
    for (const s of [
      '卷内目录',
      '序号',
      '文号',
      '责任者',
      '题名',
      '日期',
      '页号',
      '备注',
      '示街发〔2025〕12号',
      '20250901',
      '[IMG20250921101010]',
      'A1.1.1成立创建工作领导小组',
    ]) {
      expect(index).toContain(s);
    }
    // The last row shows start–end.
    const last = a1.index.at(-1)!;
    if (last.endPage > last.startPage) expect(index).toContain(`${last.startPage}-${last.endPage}`);
    const notes = pageText(a1.file, a1.pages).replace(/\s+/g, '');
    expect(notes).toContain('卷内备考表');
    expect(notes).toContain('本卷共有文件材料8件，共12页');
    expect(notes).toContain('损坏的方案');
    expect(notes).toContain('查漏补缺');
    expect(notes).toContain('立卷人：张丽');
    expect(notes).toContain('2026年3月10日');
  });

  it('leaves an unreadable file out, names it with its reason, and binds the rest', () => {
    expect(result.problems).toEqual([
      expect.objectContaining({
        itemId: fx.items.broken,
        title: '损坏的方案',
        file: '损坏的方案.pdf',
        volume: a1.file,
      }),
    ]);
    expect(result.problems[0]!.message).toMatch(/损坏|无法读取/);
  });

  it('sets the metadata: title, unit as author, system as subject, codes as keywords', () => {
    const info = tool('pdfinfo', [a1.file]).stdout;
    expect(info).toMatch(/Title:\s+A1 组织领导与工作机制/);
    expect(info).toMatch(new RegExp(`Author:\\s+${UNIT}`));
    expect(info).toMatch(/Subject:\s+全国文明城市测评体系/);
    expect(info).toMatch(/Keywords:\s+A1\.1\.1 A1\.1\.2 A1\.2\.1/);
  });

  it('keeps landscape pages landscape and existing /Rotate, with their text', () => {
    const front = frontMatter(qpdfJson(a1.file));
    const table = a1.index.find((r) => r.itemId === fx.items.table)!;
    const n = front + table.startPage;
    expect(tool('pdfinfo', ['-f', String(n), '-l', String(n), a1.file]).stdout).toMatch(/size:\s+841\.89 x 595\.28/);
    const rotated = a1.index.find((r) => r.itemId === fx.items.rotated)!;
    const r = front + rotated.startPage;
    expect(tool('pdfinfo', ['-f', String(r), '-l', String(r), a1.file]).stdout).toMatch(/rot:\s+90/);
    expect(pageText(a1.file, r)).toContain('DOCR-P1');
  });

  it('shows photos upright by EXIF and by the user’s turn', async () => {
    const order = (file: string, n: number) => colourOrder(file, n, dir);
    const front1 = frontMatter(qpdfJson(a1.file));
    const sideways = a1.index.find((r) => r.itemId === fx.items.sidewaysPhoto)!;
    expect(await order(a1.file, front1 + sideways.startPage)).toEqual(['red', 'blue']);
    const front2 = frontMatter(qpdfJson(a2.file));
    const turned = a2.index.find((r) => r.itemId === fx.items.smallPhoto)!;
    expect(await order(a2.file, front2 + turned.startPage)).toEqual(['blue', 'red']);
  });

  it('embeds a JPEG as it is when it needs no more than 300 dpi, and downscales a larger one', () => {
    const json = qpdfJson(a2.file);
    const front = frontMatter(json);
    const photo = a2.index.find((r) => r.itemId === fx.items.smallPhoto)!;
    const image = json.pages[front + photo.startPage - 1]!.images[0]!;
    const raw = path.join(dir, 'raw.jpg');
    fs.writeFileSync(raw, spawnSync('qpdf', [`--show-object=${image.object}`, '--raw-stream-data', a2.file]).stdout);
    expect(fs.readFileSync(raw).equals(fx.smallPhotoBytes)).toBe(true);

    const a1json = qpdfJson(a1.file);
    const scan = a1.index.find((r) => r.itemId === fx.items.bigScan)!;
    const big = a1json.pages[frontMatter(a1json) + scan.startPage - 1]!.images[0]!;
    // Placed on landscape A4 less margins: at most ~11.7 in wide → ≤ 3,510 px at 300 dpi.
    expect(big.width).toBeLessThan(4000);
    expect(big.width).toBeLessThanOrEqual(Math.ceil((841.89 / 72) * 300));
  });

  it('binds the same project state to byte-identical files', async () => {
    const again = await bindProject(fx.project, {
      outDir: path.join(dir, '再次装订'),
      date: DATE,
      filer: '张丽',
      checker: '吴明',
    });
    for (const [i, v] of again.volumes.entries()) {
      expect(fs.readFileSync(v.file).equals(fs.readFileSync(result.volumes[i]!.file)), v.file).toBe(true);
    }
  });

  it('binds the same on a worker thread (as the app does), reporting progress, and can be cancelled there', async () => {
    const updates: number[] = [];
    const inWorker = await bindInWorker(fx.project.dir, '测试', {
      outDir: path.join(dir, '后台线程'),
      date: DATE,
      filer: '张丽',
      checker: '吴明',
      onProgress: (u) => updates.push(u.current),
    });
    expect(inWorker.volumes.map((v) => v.index)).toEqual(result.volumes.map((v) => v.index));
    for (const [i, v] of inWorker.volumes.entries()) {
      expect(fs.readFileSync(v.file).equals(fs.readFileSync(result.volumes[i]!.file))).toBe(true);
    }
    expect(updates.length).toBeGreaterThan(5);
    expect(updates.at(-1)).toBe(Math.max(...updates));

    const controller = new AbortController();
    const cancelled = bindInWorker(fx.project.dir, '测试', {
      outDir: path.join(dir, '后台线程 取消'),
      date: DATE,
      signal: controller.signal,
      onProgress: (u) => {
        if (u.current >= 2) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('previews the same index before building (the plan)', () => {
    const plan = planBinding(fx.project.db, {});
    const a1plan = plan.volumes[0]!;
    const rows = a1plan.sections.flatMap((s) => s.items.map((i) => [s.indicator.code, i.itemId]));
    // The plan also holds the damaged file's item, which only building finds unreadable.
    expect(rows.filter(([, id]) => id !== fx.items.broken)).toEqual(a1.index.map((r) => [r.code, r.itemId]));
    expect(plan.empty.map((e) => e.code)).toContain('A3');
  });

  it.skipIf(spawnSync('tesseract', ['--version']).error !== undefined)(
    'renders Chinese that OCR reads back (tesseract chi_sim)',
    () => {
      const prefix = path.join(dir, 'ocr');
      tool('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '2', a1.file, prefix]);
      const read = (f: string) => tool('tesseract', [f, '-', '-l', 'chi_sim']).stdout.replace(/\s+/g, '');
      const pngs = fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('ocr'))
        .sort();
      expect(read(path.join(dir, pngs[0]!))).toContain('街道办事处');
      expect(read(path.join(dir, pngs[1]!))).toContain('卷内目录');
    },
  );
});

describe('long volumes', () => {
  let many: ReturnType<typeof createProject>;
  let split: BindResult;
  let manyDir: string;

  beforeAll(async () => {
    manyDir = tempDir('分卷');
    many = createProject(path.join(manyDir, '项目'), { name: UNIT, year: 2026 }, { userName: '测试' });
    importSample(many);
    await manyItems(many, manyDir, 'A3.1.2', 70);
    split = await bindProject(many, { outDir: path.join(manyDir, '案卷'), by: 'all', maxPages: 40, date: DATE });
  }, 120_000);
  afterAll(() => many?.close());

  it('splits at item boundaries into 第 n 卷 共 m 卷 over the page limit', () => {
    expect(split.volumes.map((v) => [v.part, v.parts, v.itemPages])).toEqual([
      [1, 2, 40],
      [2, 2, 30],
    ]);
    split.volumes.forEach((v, i) => {
      expect(pageText(v.file, 1).replace(/\s+/g, '')).toContain(`第${i + 1}卷共2卷`);
      expect(path.basename(v.file)).toContain(`第${i + 1}卷共2卷`);
      expect(v.index[0]!.startPage).toBe(1);
      expect(tool('qpdf', ['--check', v.file]).code).toBe(0);
    });
    // Each item once, in order, across the volumes.
    const titles = split.volumes.flatMap((v) => v.index.map((r) => r.title));
    expect(titles).toEqual(Array.from({ length: 70 }, (_, i) => `第${i + 1}次活动记录`));
  });

  it('runs the index over several pages (目录1, 目录2), each row still linked to its page', () => {
    const v = split.volumes[0]!;
    const json = qpdfJson(v.file);
    const front = frontMatter(json);
    expect(front).toBeGreaterThanOrEqual(3);
    expect(json.pages[2]!.label).toMatchObject({ '/P': 'u:目录', '/S': '/D', '/St': 2 }); // 目录2
    expect(pageText(v.file, 3)).toContain('（续）');
    const targets = Array.from({ length: front - 1 }, (_, i) => linkTargets(json, i + 2)).flat();
    expect(targets).toEqual(v.index.map((r) => front + r.startPage));
    for (const r of v.index) expect(pageText(v.file, front + r.startPage)).toContain(`ITEM-${titles(r.title)}-P1`);
  });

  it('stops when cancelled, leaving no half-written file', async () => {
    const out = path.join(manyDir, '取消');
    const controller = new AbortController();
    const run = bindProject(many, {
      outDir: out,
      by: 'all',
      date: DATE,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.current >= 5) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});

describe('other images, dividers, page-number positions', () => {
  let other: ReturnType<typeof createProject>;
  let otherDir: string;
  let ids: Awaited<ReturnType<typeof otherImages>>;
  let bound: BindResult;

  beforeAll(async () => {
    otherDir = tempDir('图片');
    other = createProject(path.join(otherDir, '项目'), { name: UNIT, year: 2026 }, { userName: '测试' });
    importSample(other);
    ids = await otherImages(other, otherDir, 'A5.2.1');
    await manyItems(other, otherDir, 'A5.2.2', 2, 'DIV');
    bound = await bindProject(other, {
      outDir: path.join(otherDir, '案卷'),
      date: DATE,
      dividers: true,
      numberPosition: 'bottom-center',
      duplex: false,
    });
  }, 120_000);
  afterAll(() => other?.close());

  it('binds CMYK JPEG, PNG, multi-page TIFF and WebP, all as RGB or grey', () => {
    expect(bound.problems).toEqual([]);
    const v = bound.volumes[0]!;
    const pagesOf = (id: number) => v.index.find((r) => r.itemId === id)!;
    expect(pagesOf(ids.tiff).endPage - pagesOf(ids.tiff).startPage).toBe(2);
    const json = qpdfJson(v.file);
    const objects = json.qpdf[1];
    const spaces = json.pages.flatMap((p) =>
      p.images.map(
        (img) => objects[`obj:${img.object}`]!.value?.['/ColorSpace'] ?? (img as { colorspace?: string }).colorspace,
      ),
    );
    expect(spaces.length).toBeGreaterThanOrEqual(6);
    for (const s of spaces) expect(['/DeviceRGB', '/DeviceGray']).toContain(s);
    expect(tool('qpdf', ['--check', v.file]).code).toBe(0);
  });

  it('puts a divider before each indicator, unnumbered, listing the items and their pages', () => {
    const v = bound.volumes[0]!;
    const json = qpdfJson(v.file);
    const dividers = json.pages.map((p, i) => (p.label?.['/P'] === 'u:分隔页' ? i + 1 : 0)).filter(Boolean);
    expect(dividers).toHaveLength(2);
    const text = pageText(v.file, dividers[1]!).replace(/\s+/g, '');
    expect(text).toContain('A5.2.2全民阅读活动');
    expect(text).toContain('材料要求');
    const first = v.index.find((r) => r.code === 'A5.2.2')!;
    expect(text).toContain(`第${first.startPage}页`);
    // Item pages still carry 1…n with matching labels, dividers or not.
    expect(json.pages[dividers[1]!]!.label).toMatchObject({ '/S': '/D', '/St': first.startPage });
    const indexPages = json.pages.filter((p) => p.label?.['/P'] === 'u:目录').length;
    expect(pageCount(v.file)).toBe(1 + indexPages + v.itemPages + dividers.length + 1);
  });

  it('puts numbers bottom centre when asked (single-sided: the binding margin always on the left)', () => {
    const v = bound.volumes[0]!;
    const json = qpdfJson(v.file);
    const first = v.index.find((r) => r.code === 'A5.2.2')!;
    const n = json.pages.findIndex((p) => p.label?.['/St'] === first.startPage) + 1;
    for (const page of [n, n + 1]) {
      const w = words(v.file, page);
      const stamp = w.words.find((x) => /^\d+$/.test(x.text))!;
      expect(stamp.yMin).toBeGreaterThan(w.height - 36);
      expect(Math.abs((stamp.xMin + stamp.xMax) / 2 - (w.width + (25 * 72) / 25.4) / 2)).toBeLessThan(10);
      const content = w.words.find((x) => x.text.startsWith('DIV-'))!;
      expect(content.xMin).toBeGreaterThan((25 * 72) / 25.4);
    }
  });
});

/** 第12次活动记录 → 12 */
const titles = (title: string) => /第(\d+)次/.exec(title)![1]!;

describe('taizhang bind / demo', () => {
  it('bind --json prints {volumes:[{file,pages,bytes,index:[{code,title,itemId,startPage,endPage}]}]}', async () => {
    const out = path.join(dir, 'CLI 输出');
    const r = await cli(
      'bind',
      fx.project.dir,
      ...['--out', out, '--indicator', 'A2', '--date', DATE, '--filer', '张丽', '--checker', '吴明', '--json'],
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as BindResult;
    expect(json.volumes).toHaveLength(1);
    expect(Object.keys(json.volumes[0]!)).toEqual(expect.arrayContaining(['file', 'pages', 'bytes', 'index']));
    expect(Object.keys(json.volumes[0]!.index[0]!).sort()).toEqual(['code', 'endPage', 'itemId', 'startPage', 'title']);
    expect(json.volumes[0]!.index.map((r) => r.itemId)).toEqual([fx.items.briefing, fx.items.smallPhoto]);
    expect(fs.existsSync(json.volumes[0]!.file)).toBe(true);
    // The same volume as the full run's A2 (same state, same date).
    expect(fs.readFileSync(json.volumes[0]!.file).equals(fs.readFileSync(a2.file))).toBe(true);
  });

  it('bind --max-pages splits, --plan previews without writing, bad options exit 2, unknown codes exit 1', async () => {
    const out = path.join(dir, 'CLI 分卷');
    const r = await cli('bind', fx.project.dir, '--out', out, '--indicator', 'A1', '--max-pages', '4', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as BindResult;
    expect(json.volumes.length).toBeGreaterThan(1);
    expect(pageText(json.volumes[0]!.file, 1).replace(/\s+/g, '')).toContain(`第1卷共${json.volumes.length}卷`);

    const plan = await cli('bind', fx.project.dir, '--plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('A1 组织领导与工作机制');
    expect(plan.stdout).toContain('[IMG 20250921 101010]');

    expect((await cli('bind', fx.project.dir, '--out', out, '--by', 'nonsense')).code).toBe(2);
    expect((await cli('bind', fx.project.dir)).code).toBe(2);
    const unknown = await cli('bind', fx.project.dir, '--out', out, '--indicator', 'Z9');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Z9');
  });

  it(
    'demo makes a project from the sample, binds it and says where the volumes are',
    { timeout: 240_000 },
    async () => {
      const target = path.join(tempDir('演示'), 'demo output');
      const r = await cli('demo', target);
      expect(r.code, r.stderr).toBe(0);
      const volumes = path.join(target, '案卷');
      expect(r.stdout).toContain(volumes);
      const files = fs.readdirSync(volumes).filter((f) => /^\d{2} .*\.pdf$/.test(f));
      expect(files.length).toBeGreaterThanOrEqual(3);
      expect(fs.existsSync(path.join(volumes, '卷脊.pdf'))).toBe(true);
      for (const f of files) expect(tool('qpdf', ['--check', path.join(volumes, f)]).code).toBe(0);
      // A second run replaces the first demo instead of refusing.
      const again = await cli('demo', target, '--json');
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as BindResult).volumes.length).toBe(files.length);
    },
  );
});

describe('two photos to a page', () => {
  let proj: Project;
  let projDir: string;
  let bound: BindResult;
  let ids: Record<'p1' | 'p2' | 'p3' | 'doc' | 'p4' | 'set' | 'p7', number>;

  beforeAll(async () => {
    projDir = tempDir('两张一页');
    proj = createProject(path.join(projDir, '项目'), { name: UNIT, year: 2026 }, { userName: '测试' });
    importSample(proj);
    const src = path.join(projDir, '材料');
    const photoOf = (subject: string, day: number): MaterialPatch => ({
      type: '照片',
      date: `2025-10-0${day}`,
      caption: { time: `2025年10月${day}日`, place: '社区广场', people: '志愿者', subject },
    });
    const code = 'A5.2.1';
    // A sideways phone photo (EXIF orientation 6) first: it must come out upright in the upper half.
    const p1 = await addItem(proj, src, '甲.jpg', await twoTonePhoto({ sideways: true }), code, photoOf('甲活动', 1));
    const p2 = await addItem(proj, src, '乙.jpg', await twoTonePhoto(), code, photoOf('乙活动', 2));
    const p3 = await addItem(proj, src, '丙.jpg', await photo({ seed: 3 }), code, photoOf('丙活动', 3));
    const doc = await addItem(proj, src, '方案.pdf', await labelledPdf('PAIRDOC', 2), code, { date: '2025-10-04' });
    const p4 = await addItem(proj, src, '丁.jpg', await photo({ seed: 4 }), code, photoOf('丁活动', 5));
    const s1 = await addItem(proj, src, '戊1.jpg', await photo({ seed: 5 }), code);
    const s2 = await addItem(proj, src, '戊2.jpg', await photo({ seed: 6 }), code);
    const set = mergeMaterials(proj, [s1, s2]).id;
    updateMaterials(proj, [set], photoOf('戊活动', 6));
    const p7 = await addItem(proj, src, '己.jpg', await photo({ seed: 7 }), code, photoOf('己活动', 7));
    ids = { p1, p2, p3, doc, p4, set, p7 };
    bound = await bindProject(proj, { outDir: path.join(projDir, '案卷'), date: DATE, photosPerPage: 2 });
  }, 120_000);
  afterAll(() => proj?.close());

  it('pairs consecutive single photos of a section; a photo before a document, and a multi-photo item, keep whole pages', () => {
    expect(bound.problems).toEqual([]);
    const v = bound.volumes[0]!;
    const { p1, p2, p3, doc, p4, set, p7 } = ids;
    expect(v.index.map((r) => [r.itemId, r.startPage, r.endPage])).toEqual([
      [p1, 1, 1],
      [p2, 1, 1],
      [p3, 2, 2],
      [doc, 3, 4],
      [p4, 5, 5],
      [set, 6, 7],
      [p7, 8, 8],
    ]);
    expect(v.itemPages).toBe(8);
    const json = qpdfJson(v.file);
    const front = frontMatter(json);
    expect(pageCount(v.file)).toBe(front + 8 + 1);
    expect(json.pages[front]!.images).toHaveLength(2);
    expect(json.pages[front + 5]!.images).toHaveLength(1); // the set: one photo per page
    // The preview numbers the same way.
    const plan = planBinding(proj.db, { photosPerPage: 2 });
    const planned = plan.volumes[0]!.sections.flatMap((s) => s.items.map((i) => [i.itemId, i.startPage, i.endPage]));
    expect(planned).toEqual(v.index.map((r) => [r.itemId, r.startPage, r.endPage]));
    expect(plan.volumes[0]!.pageCount).toBe(8);
    // Both index rows of the shared page link to it.
    const targets = Array.from({ length: front - 1 }, (_, i) => linkTargets(json, i + 2)).flat();
    expect(targets).toEqual(v.index.map((r) => front + r.startPage));
    const cover = pageText(v.file, 1).replace(/\s+/g, '');
    expect(cover).toContain('共7件，8页');
  });

  it('stamps the shared page once and prints both captions under their photos, both upright', async () => {
    const v = bound.volumes[0]!;
    const n = frontMatter(qpdfJson(v.file)) + 1;
    const page = words(v.file, n);
    expect(page.words.filter((w) => w.text === '1')).toHaveLength(1);
    const text = pageText(v.file, n).replace(/\s+/g, '');
    expect(text).toContain('事由：甲活动');
    expect(text).toContain('事由：乙活动');
    const where = (s: string) => page.words.find((w) => w.text.includes(s))!;
    expect(where('甲活动').yMin).toBeLessThan(page.height / 2);
    expect(where('乙活动').yMin).toBeGreaterThan(page.height / 2);
    // Each photo red above blue: the sideways one turned upright by its EXIF orientation.
    expect(await colourOrder(v.file, n, projDir)).toEqual(['red', 'blue', 'red', 'blue']);
    expect(pageText(v.file, n + 1)).toContain('丙活动');
    expect(pageText(v.file, n + 1)).not.toContain('乙活动');
  });

  it('keeps one photo per page by default', async () => {
    const one = await bindProject(proj, { outDir: path.join(projDir, '每页一张'), date: DATE });
    expect(one.volumes[0]!.index.map((r) => r.startPage)).toEqual([1, 2, 3, 4, 6, 7, 9]);
    expect(one.volumes[0]!.itemPages).toBe(9);
  });

  it('bind --two-photos reaches the binder', async () => {
    const r = await cli('bind', proj.dir, '--out', path.join(projDir, 'CLI'), '--two-photos', '--date', DATE, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as BindResult;
    expect(json.volumes[0]!.index.map((x) => x.startPage)).toEqual([1, 1, 2, 3, 5, 6, 8]);
    expect(fs.readFileSync(json.volumes[0]!.file).equals(fs.readFileSync(bound.volumes[0]!.file))).toBe(true);
  });
});

describe('split by size', () => {
  let proj: Project;
  let projDir: string;
  let sizes: number[];

  beforeAll(async () => {
    projDir = tempDir('按大小分卷');
    proj = createProject(path.join(projDir, '项目'), { name: UNIT, year: 2026 }, { userName: '测试' });
    importSample(proj);
    sizes = [];
    for (let i = 1; i <= 6; i++) {
      // Grey noise scans (~450 KB) at under 300 dpi on the page: embedded as they are, so stored size ≈ bound size.
      const scan = await sharp({
        create: {
          width: 1200,
          height: 1700,
          channels: 3,
          background: '#c0c0c0',
          noise: { type: 'gaussian', mean: 200, sigma: 30 },
        },
      })
        .greyscale()
        .jpeg({ quality: 60 })
        .toBuffer();
      sizes.push(scan.length);
      await addItem(proj, path.join(projDir, '扫描'), `扫描${i}.jpg`, scan, 'A4.1.1', {
        type: '扫描件',
        title: `扫描件${i}`,
      });
    }
  }, 120_000);
  afterAll(() => proj?.close());

  it('bind --max-mb splits at item boundaries into 第n卷共m卷 volumes that keep under the limit', async () => {
    // Room for three scans and half of a fourth.
    const limit = FRONT_MATTER_BYTES + sizes[0]! + sizes[1]! + sizes[2]! + sizes[3]! / 2;
    const mb = (limit / 1024 / 1024).toFixed(3);
    const r = await cli('bind', proj.dir, '--out', path.join(projDir, '案卷'), '--by', 'all', '--max-mb', mb, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as BindResult;
    expect(json.volumes.map((v) => [v.part, v.parts, v.index.map((x) => x.title)])).toEqual([
      [1, 2, ['扫描件1', '扫描件2', '扫描件3']],
      [2, 2, ['扫描件4', '扫描件5', '扫描件6']],
    ]);
    json.volumes.forEach((v, i) => {
      expect(path.basename(v.file)).toContain(`第${i + 1}卷共2卷`);
      expect(pageText(v.file, 1).replace(/\s+/g, '')).toContain(`第${i + 1}卷共2卷`);
      expect(v.index[0]!.startPage).toBe(1);
      expect(v.bytes).toBeLessThanOrEqual(Math.round(Number(mb) * 1024 * 1024));
    });
    // The preview splits the same way.
    const plan = planBinding(proj.db, { by: 'all', maxVolumeBytes: Math.round(Number(mb) * 1024 * 1024) });
    expect(plan.volumes.map((v) => v.itemCount)).toEqual([3, 3]);
    expect((await cli('bind', proj.dir, '--out', path.join(projDir, 'x'), '--max-mb', '0')).code).toBe(2);
  });

  it('says size splitting is available when a volume is over the size limit', async () => {
    const r = await bindProject(proj, {
      outDir: path.join(projDir, '超限'),
      by: 'all',
      date: DATE,
      sizeLimitBytes: 1024 * 1024,
    });
    expect(r.volumes).toHaveLength(1);
    expect(r.warnings.join('')).toMatch(/超过 1 MB.*按大小分卷.*--max-mb/);
  });

  it('bind --system takes the project’s systems only (shared with gaps)', async () => {
    expect((await cli('bind', proj.dir, '--plan', '--system', 'x')).code).toBe(2);
    const missing = await cli('bind', proj.dir, '--plan', '--system', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('没有编号为 99 的测评体系');
    expect((await cli('bind', proj.dir, '--plan', '--system', '1')).code).toBe(0);
  });
});

// Last: it links one more item in the shared fixture, which the blocks above must not see.
describe('an item linked to several indicators, bound once (linkedItems: reference)', () => {
  let ref: BindResult;
  let v1: BoundVolume;
  let v2: BoundVolume;
  let planned: ReturnType<typeof planBinding>;

  beforeAll(async () => {
    // The large scan (A1.2.1, after the damaged file) also serves A2.3.2, in the next volume.
    linkMaterials(fx.project, [fx.items.bigScan], fx.codes.get('A2.3.2')!);
    planned = planBinding(fx.project.db, { linkedItems: 'reference' });
    ref = await bindProject(fx.project, {
      outDir: path.join(dir, '引用'),
      date: DATE,
      linkedItems: 'reference',
      dividers: true,
    });
    v1 = ref.volumes[0]!;
    v2 = ref.volumes[1]!;
  }, 120_000);

  it('binds it at its first place only and lists it elsewhere without a page number', () => {
    const { items } = fx;
    expect(v1.index.map((r) => r.itemId)).toEqual([
      items.notice,
      items.table,
      items.sidewaysPhoto,
      items.record,
      items.madeUp,
      items.rotated,
      items.bigScan,
    ]);
    expect(v1.itemPages).toBe(a1.itemPages - 2);
    expect(v1.references).toEqual([
      { code: 'A1.2.1', title: '领导小组通知', itemId: items.notice, volume: 1, page: 1 },
    ]);
    const scan = v1.index.find((r) => r.itemId === items.bigScan)!;
    expect(v2.seq).toBe(2);
    expect(v2.index.map((r) => r.itemId)).toEqual([items.briefing, items.smallPhoto]);
    expect(v2.references).toEqual([
      { code: 'A2.3.2', title: '扫描件', itemId: items.bigScan, volume: 1, page: scan.startPage },
    ]);
    expect(pageText(v1.file, 1).replace(/\s+/g, '')).toContain('共7件，10页');
  });

  it('prints 见第1卷第N页 with the page the item really got, in the index and on the divider', () => {
    const scan = v1.index.find((r) => r.itemId === fx.items.bigScan)!;
    // The plan could not know the damaged file would be left out: its page is one too far.
    const plannedRef = planned.volumes[1]!.sections.flatMap((s) => s.items).find((i) => i.seeAlso)!;
    expect(plannedRef.seeAlso).toEqual({ volume: 1, page: scan.startPage + 1 });
    expect(plannedRef.startPage).toBe(0);

    const json1 = qpdfJson(v1.file);
    const index1 = Array.from({ length: indexPageCount(json1) }, (_, i) => pageText(v1.file, i + 2))
      .join('')
      .replace(/\s+/g, '');
    expect(index1).toContain('领导小组通知（见第1卷第1页）');
    const json2 = qpdfJson(v2.file);
    const index2 = pageText(v2.file, 2).replace(/\s+/g, '');
    expect(index2).toContain(`[扫描件]（见第1卷第${scan.startPage}页）`);
    expect(index2).not.toContain(`见第1卷第${scan.startPage + 1}页`);
    // A row in the same volume links to the page; one to another volume has nothing to link to here.
    const targets1 = Array.from({ length: indexPageCount(json1) }, (_, i) => linkTargets(json1, i + 2)).flat();
    const front1 = frontMatter(json1);
    expect(targets1.filter((t) => t === front1 + 1)).toHaveLength(2);
    expect(targets1).toHaveLength(v1.index.length + 1);
    expect(linkTargets(json2, 2)).toHaveLength(v2.index.length);

    const dividers = (json: QpdfJson, file: string) =>
      json.pages
        .map((p, i) => (p.label?.['/P'] === 'u:分隔页' ? pageText(file, i + 1).replace(/\s+/g, '') : ''))
        .filter(Boolean);
    expect(dividers(json1, v1.file).find((t) => t.includes('A1.2.1'))).toContain('领导小组通知（见第1卷第1页）');
    expect(dividers(json2, v2.file).find((t) => t.includes('A2.3.2'))).toContain(
      `[扫描件]（见第1卷第${scan.startPage}页）`,
    );
  });

  it('bind --reference-linked reaches the plan and the binder', async () => {
    const plan = await cli('bind', fx.project.dir, '--plan', '--reference-linked');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('领导小组通知（见第1卷第1页）');
    expect(plan.stdout).toMatch(/【02 A2 /);
    const repeat = await cli('bind', fx.project.dir, '--plan');
    expect(repeat.stdout).not.toContain('（见第');

    const r = await cli('bind', fx.project.dir, '--out', path.join(dir, 'CLI 引用'), '--reference-linked', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as BindResult;
    expect(json.volumes.map((v) => v.references.map((x) => x.itemId))).toEqual([[fx.items.notice], [fx.items.bigScan]]);
  });
});

describe('photos remade ahead of their page (image look-ahead)', () => {
  const frame = { duplex: true, numberPosition: 'outer-top' as const, bindingMarginMm: 25 };
  let dir: string;
  beforeAll(() => {
    dir = tempDir('预处理');
  });

  it('places a picture at the same size on front and back pages, so the look-ahead can size it early', () => {
    for (const display of [
      { width: 4000, height: 3000 },
      { width: 3000, height: 4000 },
    ]) {
      for (const photo of [true, false]) {
        for (const caption of [true, false]) {
          const a = imagePlacement(display, photo, caption, 1, frame);
          const b = imagePlacement(display, photo, caption, 2, frame);
          expect([b.placed.width, b.placed.height, b.size]).toEqual([a.placed.width, a.placed.height, a.size]);
          // Portrait: the binding margin changes sides (landscape: top and bottom, x stays).
          if (a.size.width < a.size.height) expect(b.placed.x).not.toBe(a.placed.x);
        }
      }
    }
  });

  const aheadOf = (file: string, sha256: string): AheadPage => ({
    file,
    sha256,
    mime: 'image/jpeg',
    page: 1,
    pageCount: 1,
    userTurn: 0,
    photo: true,
    hasCaption: true,
  });

  it('hands the page loop the image it made ahead, the same as made on the spot', async () => {
    const file = path.join(dir, 'big.jpg');
    fs.writeFileSync(
      file,
      await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#3060a0' } })
        .jpeg()
        .toBuffer(),
    );
    const sha = 'ab'.repeat(32);
    const info = jpegInfo(jpegHeader(fs.readFileSync(file))!, 0)!;
    const { placed } = imagePlacement(info.display, true, true, 7, frame);
    const target = resizeTarget(info, 0, placed, false)!;
    expect(target).not.toBeNull();
    const aheadCache = path.join(dir, 'ahead');
    const cached = path.join(aheadCache, sha.slice(0, 2), preparedName(sha, 1, target));
    const preparer = new ImagePreparer([aheadOf(file, sha)], { cacheDir: aheadCache, frame });
    // Made ahead, before the page loop asks.
    for (let i = 0; i < 200 && !fs.existsSync(cached); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(cached)).toBe(true);
    const job = { file, sha256: sha, page: 1, info, userTurn: 0, placed, multiPage: false };
    const got = await preparer.prepare(job);
    preparer.close();
    const fresh = await prepareImage(file, sha, 1, info, 0, placed, path.join(dir, 'fresh'), false);
    expect(Buffer.from(got.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect([got.width, got.height, got.turn, got.kind]).toEqual([fresh.width, fresh.height, fresh.turn, fresh.kind]);
  });

  it('keeps a failure ahead for the page loop (no unhandled rejection), and drops work never asked for', async () => {
    // A JPEG header without any picture data: its size is known, decoding it fails.
    const sof = [0xff, 0xc0, 0, 17, 8, 0x0b, 0xb8, 0x0f, 0xa0, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
    const bad = path.join(dir, 'bad.jpg');
    fs.writeFileSync(bad, Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]));
    const info = jpegInfo(jpegHeader(fs.readFileSync(bad))!, 0)!;
    const { placed } = imagePlacement(info.display, true, true, 1, frame);
    const cacheDir = path.join(dir, 'bad-cache');
    const shaA = 'cd'.repeat(32);
    const shaB = 'ef'.repeat(32);
    const preparer = new ImagePreparer([aheadOf(bad, shaA), aheadOf(bad, shaB)], { cacheDir, frame });
    await new Promise((r) => setTimeout(r, 300));
    const job = { file: bad, sha256: shaA, page: 1, info, userTurn: 0, placed, multiPage: false };
    await expect(preparer.prepare(job)).rejects.toThrow();
    preparer.close();
    // The second one failed ahead too and is never asked for: nothing escapes.
    await new Promise((r) => setTimeout(r, 300));
  });

  it('stops waiting at once when cancelled', async () => {
    const file = path.join(dir, 'big2.jpg');
    fs.writeFileSync(
      file,
      await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#a06030' } })
        .jpeg()
        .toBuffer(),
    );
    const info = jpegInfo(jpegHeader(fs.readFileSync(file))!, 0)!;
    const { placed } = imagePlacement(info.display, true, true, 1, frame);
    const controller = new AbortController();
    const sha = '12'.repeat(32);
    const preparer = new ImagePreparer([aheadOf(file, sha)], {
      cacheDir: path.join(dir, 'cancel'),
      frame,
      signal: controller.signal,
    });
    const job = { file, sha256: sha, page: 1, info, userTurn: 0, placed, multiPage: false };
    const waiting = preparer.prepare(job);
    controller.abort();
    await expect(waiting).rejects.toThrow(/abort/i);
    preparer.close();
  });
});
