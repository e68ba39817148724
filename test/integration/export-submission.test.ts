import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { exportInWorker } from '../../electron/core/binder/bind-in-worker';
import {
  DOWNSCALE_STEPS,
  exportSubmission,
  INDEX_FILE_NAME,
  type ExportResult,
} from '../../electron/core/binder/export-submission';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { updateMaterials } from '../../electron/core/materials/material-repo';
import { createProject, type Project } from '../../electron/core/project/project';
import { importSample } from '../../electron/core/systems/sample';
import { getIndicators } from '../../electron/core/systems/system-repo';
import { binderProject, twoTonePhoto, type BinderFixture } from '../fixtures/binder-project';
import { tempDir } from '../helpers/temp-dir';

/*
 * 网上申报 export, checked from the outside: folders and files as the user sees them, every
 * PDF opened with qpdf and poppler, the index read back from the .xlsx.
 */

function tool(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]).stdout)![1]);
const pageText = (file: string, n: number) => tool('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).stdout;

function qpdfCheck(file: string): void {
  const check = tool('qpdf', ['--check', file]);
  expect(check.code, `${file}\n${check.stdout}${check.stderr}`).toBe(0);
}

type QpdfJson = {
  pages: { images: { width: number; height: number }[] }[];
  outlines: { title: string; destpageposfrom1: number }[];
};
const qpdfJson = (file: string) => JSON.parse(tool('qpdf', ['--json', file]).stdout) as QpdfJson;

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Top-to-bottom order of the red and blue halves down the middle of a rendered page. */
async function colours(file: string, n: number, work: string): Promise<string[]> {
  const prefix = path.join(work, `render-${path.basename(file, '.pdf')}-${n}`);
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

const DATE = '2026-03-10';
let fx: BinderFixture;
let dir: string;
let out: string;
let result: ExportResult;
/** `code 标题` by code. */
let labels: Map<string, string>;

beforeAll(async () => {
  dir = tempDir('网上申报');
  fx = await binderProject(dir);
  labels = new Map(getIndicators(fx.project.db, fx.systemId).map((n) => [n.code, `${n.code} ${n.title}`]));
  out = path.join(dir, '申报 输出');
  result = await exportSubmission(fx.project, { outDir: out, date: DATE });
}, 120_000);

afterAll(() => fx?.project.close());

const folder = (r: ExportResult, code: string) => r.folders.find((f) => f.code === code)!;

describe('export for online submission, one PDF per item', () => {
  it('makes a folder `code 标题` for each indicator with items and none for the others', () => {
    const codes = ['A1.1.1', 'A1.1.2', 'A1.2.1', 'A2.3.2'];
    expect(result.folders.map((f) => f.code)).toEqual(codes);
    const top = fs.readdirSync(out).sort();
    expect(top).toEqual([...codes.map((c) => labels.get(c)!), INDEX_FILE_NAME].sort());
    for (const f of result.folders) {
      expect(f.dir).toBe(path.join(out, labels.get(f.code)!));
      expect(`${f.code} ${f.title}`).toBe(labels.get(f.code));
    }
    expect(result.outDir).toBe(out);
    expect(result.index).toBe(path.join(out, INDEX_FILE_NAME));
    // A1 and A2.3 have no items of their own; A3 has none at all.
    expect(top.some((t) => t.startsWith('A3'))).toBe(false);
  });

  it('writes `NN 题名.pdf` per item in binding order, the item linked twice in both folders, rejected and trashed left out', () => {
    const names = (code: string) => folder(result, code).files.map((f) => path.basename(f.file));
    expect(names('A1.1.1')).toEqual(['01 领导小组通知.pdf', '02 成员分工表.pdf', '03 会议照片.pdf']);
    expect(names('A1.1.2')).toEqual(['01 第三季度会议记录.pdf', '02 IMG 20250921 101010.pdf']);
    // 03 is the damaged file's item: numbers keep the item's place, so names do not shift.
    expect(names('A1.2.1')).toEqual(['01 领导小组通知.pdf', '02 旋转页.pdf', '04 扫描件.pdf']);
    expect(names('A2.3.2')).toEqual(['01 道德讲堂简报.pdf', '02 讲堂照片.pdf']);
    const ids = result.folders.flatMap((f) => f.files.map((x) => x.itemId));
    expect(ids).not.toContain(fx.items.rejected);
    expect(ids).not.toContain(fx.items.trashed);
    expect(ids).not.toContain(fx.items.broken);
    expect(ids.filter((id) => id === fx.items.notice)).toHaveLength(2);
    // Written once per folder, the same bytes.
    const notices = result.folders.flatMap((f) => f.files.filter((x) => x.itemId === fx.items.notice));
    expect(fs.readFileSync(notices[0]!.file).equals(fs.readFileSync(notices[1]!.file))).toBe(true);
    expect(tree(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(10);
    expect(tree(out).some((f) => f.includes('.tmp'))).toBe(false);
  });

  it('gives each PDF exactly the item’s pages, as clean files', () => {
    const expected = new Map([
      [fx.items.notice, 2],
      [fx.items.table, 1],
      [fx.items.sidewaysPhoto, 1],
      [fx.items.record, 3],
      [fx.items.madeUp, 1],
      [fx.items.rotated, 1],
      [fx.items.bigScan, 1],
      [fx.items.briefing, 3],
      [fx.items.smallPhoto, 1],
    ]);
    for (const f of result.folders.flatMap((x) => x.files)) {
      qpdfCheck(f.file);
      expect(pageCount(f.file), f.file).toBe(expected.get(f.itemId));
      expect(f.pages).toBe(expected.get(f.itemId));
      expect(f.bytes).toBe(fs.statSync(f.file).size);
      expect(f.startPage).toBe(1);
    }
    const notice = folder(result, 'A1.1.1').files[0]!;
    expect(notice.title).toBe('领导小组通知');
    expect(pageText(notice.file, 2)).toContain('DOCA-P2');
  });

  it('shows pages upright and readable, without stamped numbers, photos with their captions', async () => {
    const file = (id: number) => result.folders.flatMap((f) => f.files).find((f) => f.itemId === id)!.file;
    expect(await colours(file(fx.items.sidewaysPhoto), 1, dir)).toEqual(['red', 'blue']);
    expect(await colours(file(fx.items.smallPhoto), 1, dir)).toEqual(['blue', 'red']);
    expect(pageText(file(fx.items.sidewaysPhoto), 1).replace(/\s+/g, '')).toContain('地点：街道会议室');
    // Only the document's own text: no page number was stamped.
    expect(pageText(file(fx.items.notice), 1).split(/\s+/).filter(Boolean)).toEqual(['DOCA-P1']);
    expect(pageText(file(fx.items.record), 2).trim()).toBe('');
    const rotated = file(fx.items.rotated);
    expect(tool('pdfinfo', [rotated]).stdout).toMatch(/rot:\s+90/);
    expect(pageText(rotated, 1)).toContain('DOCR-P1');
    expect(tool('pdfinfo', [file(fx.items.table)]).stdout).toMatch(/size:\s+841\.89 x 595\.28/);
    const info = tool('pdfinfo', [file(fx.items.notice)]).stdout;
    expect(info).toMatch(/Title:\s+领导小组通知/);
    expect(info).toMatch(/Producer:\s+台账通/);
  });

  it('reports a damaged stored file as a problem naming the item and the file, and exports the rest', () => {
    expect(result.problems).toHaveLength(1);
    const p = result.problems[0]!;
    expect(p).toMatchObject({ itemId: fx.items.broken, title: '损坏的方案', file: '损坏的方案.pdf' });
    expect(p.message).toContain('材料“损坏的方案”');
    expect(p.message).toContain('《损坏的方案.pdf》');
    expect(p.message).toContain('未能导出');
    expect(p.message).not.toContain('装订');
    expect(folder(result, 'A1.2.1').files.map((f) => f.itemId)).toEqual([
      fx.items.notice,
      fx.items.rotated,
      fx.items.bigScan,
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('writes 材料索引.xlsx with a row per exported file, linking to it', () => {
    const book = XLSX.read(fs.readFileSync(result.index));
    expect(book.SheetNames).toEqual(['材料索引', '未导出']);
    const sheet = book.Sheets['材料索引']!;
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, defval: '' });
    expect(rows[0]).toEqual([
      '指标编码',
      '指标名称',
      '序号',
      '题名',
      '文号',
      '责任者',
      '日期',
      '页数',
      '文件大小',
      '文件',
    ]);
    const files = result.folders.flatMap((f) => f.files.map((x) => ({ f, x })));
    expect(rows.slice(1)).toHaveLength(files.length);
    rows.slice(1).forEach((row, i) => {
      const { f, x } = files[i]!;
      expect(row[0]).toBe(f.code);
      expect(row[1]).toBe(f.title);
      expect(row[2]).toBe(Number(path.basename(x.file).slice(0, 2)));
      expect(row[3]).toBe(x.title);
      expect(row[7]).toBe(x.pages);
      expect(String(row[8])).toMatch(/^\d+(\.\d)? (B|KB|MB)$/);
      expect(path.resolve(out, String(row[9]))).toBe(x.file);
      const cell = sheet[XLSX.utils.encode_cell({ r: i + 1, c: 9 })] as XLSX.CellObject;
      // The workbook holds UTF-8 (LibreOffice opens the link); SheetJS reads relationship targets back as Latin-1.
      const target = Buffer.from(cell.l!.Target, 'latin1').toString('utf8');
      expect(target).toBe(String(row[9]).split(path.sep).join('/'));
    });
    const notice = rows.find((r) => r[3] === '领导小组通知')!;
    expect(notice.slice(4, 7)).toEqual(['示街发〔2025〕12号', 'XX街道办事处', '2025-09-01']);
    const missing = XLSX.utils.sheet_to_json<string[]>(book.Sheets['未导出']!, { header: 1 });
    expect(missing[1]!.slice(0, 2)).toEqual(['损坏的方案', '损坏的方案.pdf']);
  });

  it('exports the same project state to byte-identical PDFs, and says so when old files are left in the folder', async () => {
    const again = path.join(dir, '再次导出');
    const second = await exportSubmission(fx.project, { outDir: again, date: DATE });
    const first = result.folders.flatMap((f) => f.files);
    const next = second.folders.flatMap((f) => f.files);
    expect(next.map((f) => path.relative(again, f.file))).toEqual(first.map((f) => path.relative(out, f.file)));
    next.forEach((f, i) => expect(fs.readFileSync(f.file).equals(fs.readFileSync(first[i]!.file)), f.file).toBe(true));
    expect(fs.readFileSync(second.index).equals(fs.readFileSync(result.index))).toBe(true);

    // A stray file from an earlier export is named, not deleted.
    const stray = path.join(again, labels.get('A1.1.1')!, '09 旧材料.pdf');
    fs.writeFileSync(stray, 'old');
    const third = await exportSubmission(fx.project, {
      outDir: again,
      date: DATE,
      indicatorIds: [fx.codes.get('A1.1.1')!],
    });
    expect(fs.existsSync(stray)).toBe(true);
    expect(third.warnings.join('')).toContain('09 旧材料.pdf');
    expect(third.warnings.join('')).toContain(labels.get('A2.3.2')!);
  });

  it('stops when cancelled, leaving only whole files and no index', async () => {
    const target = path.join(dir, '取消');
    const controller = new AbortController();
    const updates: number[] = [];
    const run = exportSubmission(fx.project, {
      outDir: target,
      date: DATE,
      signal: controller.signal,
      onProgress: (u) => {
        updates.push(u.current);
        if (u.current >= 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    const files = fs.existsSync(target) ? tree(target) : [];
    expect(files).not.toContain(INDEX_FILE_NAME);
    expect(files.some((f) => f.includes('.tmp'))).toBe(false);
    for (const f of files) qpdfCheck(path.join(target, f));
    expect(files.length).toBeLessThan(10);
  });

  it('reports progress per item up to the total', async () => {
    const updates: { current: number; total: number; step?: string }[] = [];
    await exportSubmission(fx.project, {
      outDir: path.join(dir, '进度'),
      date: DATE,
      onProgress: (u) => updates.push(u),
    });
    // 11 item places in the plan (the notice twice, the damaged item included).
    expect(updates.every((u) => u.total === 11 && u.step === 'export')).toBe(true);
    expect(updates.at(-1)!.current).toBe(11);
    const currents = updates.map((u) => u.current);
    expect(currents).toEqual([...currents].sort((a, b) => a - b));
  });

  it('exports the same on a worker thread (as the app does), reporting progress, and can be cancelled there', async () => {
    const target = path.join(dir, '后台线程');
    const updates: number[] = [];
    const inWorker = await exportInWorker(fx.project.dir, '测试', {
      outDir: target,
      date: DATE,
      onProgress: (u) => updates.push(u.current),
    });
    const first = result.folders.flatMap((f) => f.files);
    const next = inWorker.folders.flatMap((f) => f.files);
    expect(next.map((f) => path.relative(target, f.file))).toEqual(first.map((f) => path.relative(out, f.file)));
    next.forEach((f, i) => expect(fs.readFileSync(f.file).equals(fs.readFileSync(first[i]!.file)), f.file).toBe(true));
    expect(fs.readFileSync(inWorker.index).equals(fs.readFileSync(result.index))).toBe(true);
    expect(inWorker.problems.map((p) => p.itemId)).toEqual(result.problems.map((p) => p.itemId));
    expect(updates.at(-1)).toBe(11);
    expect(updates).toEqual([...updates].sort((a, b) => a - b));

    const cancelledDir = path.join(dir, '后台线程 取消');
    const controller = new AbortController();
    const cancelled = exportInWorker(fx.project.dir, '测试', {
      outDir: cancelledDir,
      date: DATE,
      signal: controller.signal,
      onProgress: (u) => {
        if (u.current >= 3) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    const files = fs.existsSync(cancelledDir) ? tree(cancelledDir) : [];
    expect(files).not.toContain(INDEX_FILE_NAME);
    expect(files.some((f) => f.includes('.tmp'))).toBe(false);
    expect(files.length).toBeLessThan(10);
  }, 120_000);
});

describe('export with --merge', () => {
  let merged: ExportResult;
  let mergedDir: string;

  beforeAll(async () => {
    mergedDir = path.join(dir, '合并 输出');
    merged = await exportSubmission(fx.project, { outDir: mergedDir, date: DATE, merge: true });
  }, 60_000);

  it('writes one PDF per indicator with the items’ pages in order and a bookmark per item', () => {
    expect(merged.folders.map((f) => f.code)).toEqual(result.folders.map((f) => f.code));
    for (const f of merged.folders) {
      const label = labels.get(f.code)!;
      expect(fs.readdirSync(f.dir)).toEqual([`${label}.pdf`]);
      const file = path.join(f.dir, `${label}.pdf`);
      qpdfCheck(file);
      const perItem = folder(result, f.code).files;
      expect(f.files.map((x) => x.itemId)).toEqual(perItem.map((x) => x.itemId));
      expect(f.files.map((x) => x.pages)).toEqual(perItem.map((x) => x.pages));
      const total = perItem.reduce((n, x) => n + x.pages, 0);
      expect(pageCount(file)).toBe(total);
      let start = 1;
      for (const x of f.files) {
        expect(x.file).toBe(file);
        expect(x.bytes).toBe(fs.statSync(file).size);
        expect(x.startPage).toBe(start);
        start += x.pages;
      }
      const outline = qpdfJson(file).outlines;
      expect(outline.map((o) => o.title)).toEqual(f.files.map((x) => x.title));
      expect(outline.map((o) => o.destpageposfrom1)).toEqual(f.files.map((x) => x.startPage));
    }
    const a121 = path.join(folder(merged, 'A1.2.1').dir, `${labels.get('A1.2.1')}.pdf`);
    expect(pageText(a121, 3)).toContain('DOCR-P1');
    expect(merged.problems.map((p) => p.itemId)).toEqual([fx.items.broken]);
  });

  it('indexes each item with where it starts in the merged file', () => {
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(
      XLSX.read(fs.readFileSync(merged.index)).Sheets['材料索引']!,
      { header: 1, defval: '' },
    );
    expect(rows[0]!.at(-1)).toBe('所在页');
    const record = rows.find((r) => r[3] === '第三季度会议记录')!;
    expect(record[7]).toBe(3);
    expect(record[10]).toBe('1-3');
    expect(rows.find((r) => r[3] === 'IMG 20250921 101010')![10]).toBe('4');
  });
});

/** Noise compresses badly, like a detailed photo or scan: `width`×`height` RGB bytes from a fixed seed. */
function noise(width: number, height: number, seed: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let s = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s >>> 24;
  }
  return data;
}

/** Rows of 8-bit samples with PNG predictors (a different one per row), as scanner software writes Flate images. */
function pngPredicted(data: Buffer, width: number, channels: number, height: number): Buffer {
  const row = width * channels;
  const out = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; y++) {
    const type = y % 5;
    out[y * (row + 1)] = type;
    for (let x = 0; x < row; x++) {
      const at = (yy: number, xx: number) => (yy >= 0 && xx >= 0 ? data[yy * row + xx]! : 0);
      const [left, up, upLeft] = [at(y, x - channels), at(y - 1, x), at(y - 1, x - channels)];
      const p = left + up - upLeft;
      const paeth = (() => {
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      })();
      const predicted = [0, left, up, (left + up) >> 1, paeth][type]!;
      out[y * (row + 1) + 1 + x] = (at(y, x) - predicted) & 0xff;
    }
  }
  return out;
}

/** A one-page PDF whose page is a grey scan (dark left half, light right half) stored Flate with predictors. */
async function greyScanPdf(): Promise<Buffer> {
  const [width, height] = [1700, 2400];
  const grain = noise(width, height, 4);
  const grey = Buffer.alloc(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = (i % width < width / 2 ? 30 : 210) + (grain[i]! % 24);
  const doc = await PDFDocument.create();
  const image = doc.context.register(
    doc.context.flateStream(pngPredicted(grey, width, 1, height), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      DecodeParms: { Predictor: 15, Colors: 1, Columns: width, BitsPerComponent: 8 },
    }),
  );
  const page = doc.addPage([595.28, 841.89]);
  const name = page.node.newXObject('Im', image);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(595.28, 0, 0, 841.89, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  return Buffer.from(await doc.save());
}

/** Mean grey of the left and right thirds of a rendered page. */
async function halves(file: string, work: string): Promise<[number, number]> {
  const prefix = path.join(work, `grey-${path.basename(file, '.pdf')}`);
  tool('pdftoppm', ['-r', '20', '-gray', '-png', '-singlefile', file, prefix]);
  const { data, info } = await sharp(`${prefix}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  const mean = (from: number, to: number) => {
    let sum = 0;
    let n = 0;
    for (let y = 0; y < info.height; y++) {
      for (let x = Math.floor(from * info.width); x < Math.floor(to * info.width); x++) {
        sum += data[(y * info.width + x) * info.channels]!;
        n++;
      }
    }
    return sum / n;
  };
  return [mean(0.1, 0.33), mean(0.67, 0.9)];
}

describe('a size cap per file', () => {
  let project: Project;
  let capDir: string;
  let plain: ExportResult;
  const items: Record<'photo' | 'scanPdf' | 'greyScan' | 'screenshot' | 'small', number> = {
    greyScan: 0,
    photo: 0,
    scanPdf: 0,
    screenshot: 0,
    small: 0,
  };
  const fileOf = (r: ExportResult, id: number) => r.folders.flatMap((f) => f.files).find((f) => f.itemId === id)!;
  const imagesOf = (file: string) => qpdfJson(file).pages.flatMap((p) => p.images);

  beforeAll(async () => {
    capDir = tempDir('申报 上限');
    project = createProject(path.join(capDir, '项目'), { name: '测试社区', year: 2026 }, { userName: '测试' });
    const { systemId } = importSample(project);
    const code = getIndicators(project.db, systemId).find((n) => n.code === 'A2.3.2')!.id;
    const src = path.join(capDir, '材料');
    fs.mkdirSync(src);
    const raw = (w: number, h: number, seed: number) =>
      sharp(noise(w, h, seed), { raw: { width: w, height: h, channels: 3 } });
    const scanJpeg = await raw(1700, 2400, 2).jpeg({ quality: 92 }).toBuffer();
    const scan = await PDFDocument.create();
    for (let i = 0; i < 2; i++) {
      const page = scan.addPage([595.28, 841.89]);
      page.drawImage(await scan.embedJpg(scanJpeg), { x: 0, y: 0, width: 595.28, height: 841.89 });
    }
    const files: [keyof typeof items, string, Buffer][] = [
      ['photo', '活动现场照片.jpg', await raw(2000, 1500, 1).jpeg({ quality: 95 }).toBuffer()],
      ['scanPdf', '扫描的通知.pdf', Buffer.from(await scan.save())],
      ['screenshot', '系统截图.png', await raw(1600, 1000, 3).png().toBuffer()],
      ['greyScan', '灰度扫描件.pdf', await greyScanPdf()],
      ['small', '小照片.jpg', await twoTonePhoto({ sideways: true })],
    ];
    for (const [key, name, bytes] of files) {
      fs.writeFileSync(path.join(src, name), bytes);
      const report = await addMaterials(project, [path.join(src, name)], { indicatorIds: [code], workers: false });
      if (report.added.length !== 1) throw new Error(`fixture ${name}: ${JSON.stringify(report.failed)}`);
      items[key] = report.added[0]!.id;
    }
    updateMaterials(project, [items.photo], { type: '照片' });
    plain = await exportSubmission(project, { outDir: path.join(capDir, '不限'), date: DATE });
  }, 120_000);

  afterAll(() => project?.close());

  it(
    'rebuilds a file over the cap with its images downscaled until it fits, leaving smaller files alone',
    { timeout: 180_000 },
    async () => {
      const cap = 400 * 1024;
      const big = [items.photo, items.scanPdf, items.greyScan, items.screenshot];
      for (const id of big) expect(fileOf(plain, id).bytes).toBeGreaterThan(cap);
      const capped = await exportSubmission(project, {
        outDir: path.join(capDir, '限 400KB'),
        date: DATE,
        maxFileBytes: cap,
      });
      expect(capped.warnings).toEqual([]);
      for (const id of big) {
        const f = fileOf(capped, id);
        expect(f.bytes, f.file).toBeLessThanOrEqual(cap);
        expect(fs.statSync(f.file).size).toBe(f.bytes);
        qpdfCheck(f.file);
        expect(pageCount(f.file)).toBe(fileOf(plain, id).pages);
        const before = imagesOf(fileOf(plain, id).file);
        const after = imagesOf(f.file);
        expect(after).toHaveLength(before.length);
        after.forEach((img, i) => {
          expect(img.width).toBeLessThan(before[i]!.width);
          // At least the last step's resolution for a full A4 page, aspect kept.
          expect(Math.max(img.width, img.height)).toBeGreaterThanOrEqual(
            Math.floor((297 / 25.4) * DOWNSCALE_STEPS.at(-1)!.dpi) - 1,
          );
          expect(img.width / img.height).toBeCloseTo(before[i]!.width / before[i]!.height, 1);
        });
      }
      // The predictor-coded grey scan was decoded right: still dark on the left, light on the right.
      const [left, right] = await halves(fileOf(capped, items.greyScan).file, capDir);
      expect(left).toBeLessThan(70);
      expect(right).toBeGreaterThan(190);
      // Already under the cap: the very same bytes as without one.
      expect(
        fs.readFileSync(fileOf(capped, items.small).file).equals(fs.readFileSync(fileOf(plain, items.small).file)),
      ).toBe(true);
    },
  );

  it(
    'keeps the smallest it could make and warns, naming the file, when the cap cannot be met',
    { timeout: 180_000 },
    async () => {
      const target = path.join(capDir, '限 2KB');
      const capped = await exportSubmission(project, { outDir: target, date: DATE, maxFileBytes: 2 * 1024 });
      const over = capped.folders.flatMap((f) => f.files).filter((f) => f.bytes > 2 * 1024);
      expect(over.length).toBeGreaterThanOrEqual(4);
      expect(capped.warnings).toHaveLength(over.length);
      for (const f of over) {
        const rel = path.relative(target, f.file);
        expect(capped.warnings.some((w) => w.includes(`《${rel}》`) && w.includes('超过每个文件'))).toBe(true);
        qpdfCheck(f.file);
      }
      for (const id of [items.photo, items.scanPdf, items.greyScan, items.screenshot]) {
        expect(fileOf(capped, id).bytes).toBeLessThan(fileOf(plain, id).bytes / 3);
      }
      // A photo stored sideways (EXIF 6), re-encoded: still the right way up.
      const small = fileOf(capped, items.small);
      expect(small.bytes).toBeLessThan(fileOf(plain, items.small).bytes);
      expect(await colours(small.file, 1, capDir)).toEqual(['red', 'blue']);
    },
  );
});

describe('taizhang export-submission', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
    return { code, stdout, stderr };
  }

  it('--json prints {outDir, index, folders:[{code,title,dir,files:[{file,itemId,title,pages,bytes}]}], problems, warnings}', async () => {
    const target = path.join(dir, 'CLI 输出');
    const r = await cli(
      'export-submission',
      fx.project.dir,
      '--out',
      target,
      '--indicator',
      'A1.2',
      '--date',
      DATE,
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as ExportResult;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['outDir', 'index', 'folders', 'problems', 'warnings']));
    expect(json.outDir).toBe(target);
    expect(fs.existsSync(json.index)).toBe(true);
    expect(json.folders.map((f) => f.code)).toEqual(['A1.2.1']);
    expect(Object.keys(json.folders[0]!)).toEqual(expect.arrayContaining(['code', 'title', 'dir', 'files']));
    expect(Object.keys(json.folders[0]!.files[0]!)).toEqual(
      expect.arrayContaining(['file', 'itemId', 'title', 'pages', 'bytes']),
    );
    expect(Object.keys(json.problems[0]!).sort()).toEqual(['file', 'itemId', 'message', 'title']);
    // The same files as the full run's.
    for (const [i, f] of json.folders[0]!.files.entries()) {
      expect(fs.readFileSync(f.file).equals(fs.readFileSync(folder(result, 'A1.2.1').files[i]!.file))).toBe(true);
    }
  });

  it('--merge --max-mb writes merged files under the cap; the plain output says where; bad options exit 2, unknown codes 1', async () => {
    const target = path.join(dir, 'CLI 合并');
    const r = await cli('export-submission', fx.project.dir, '--out', target, '--merge', '--max-mb', '0.5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(labels.get('A1.1.1')!);
    expect(r.stdout).toContain(path.join(target, INDEX_FILE_NAME));
    expect(r.stdout).toContain('未能导出');
    for (const code of ['A1.1.1', 'A1.1.2', 'A1.2.1', 'A2.3.2']) {
      const file = path.join(target, labels.get(code)!, `${labels.get(code)!}.pdf`);
      expect(fs.statSync(file).size).toBeLessThanOrEqual(0.5 * 1024 * 1024);
    }

    expect((await cli('export-submission', fx.project.dir)).code).toBe(2);
    expect((await cli('export-submission', fx.project.dir, '--out', target, '--max-mb', 'abc')).code).toBe(2);
    expect((await cli('export-submission', fx.project.dir, '--out', target, '--max-mb', '0')).code).toBe(2);
    const unknown = await cli('export-submission', fx.project.dir, '--out', target, '--indicator', 'Z9');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Z9');
  });
});
