import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, type Project } from '../../electron/core/project/project';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { thumbPath } from '../../electron/core/materials/thumbnails';
import { verifyProject } from '../../electron/core/project/verify';
import {
  bmp,
  encryptedPdf,
  fakeEncryptedPdf,
  hugePngHeader,
  multiPageTiff,
  pdf,
  photo,
  png,
} from '../fixtures/evidence-files';
import { tempDir } from '../helpers/temp-dir';

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
function newProject(): Project {
  const p = createProject(path.join(tempDir(), '项目'), { name: '单位', year: 2026 }, { userName: '测试员' });
  open.push(p);
  return p;
}
function write(dir: string, name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}
type Row = Record<string, unknown>;
const material = (p: Project, id: number) => p.db.prepare('SELECT * FROM materials WHERE id = ?').get(id) as Row;

describe('adding files', () => {
  it('stores photos and PDFs as items with title, date and its source, pages and a thumbnail', async () => {
    const project = newProject();
    const src = tempDir('原件 文件夹');
    const original = await photo({ exifDate: '2024:03:15 09:30:12', orientation: 6, seed: 3 });
    const files = [
      write(src, 'IMG_20240301_101010.jpg', original),
      write(src, '2. 志愿服务活动照片 2024.5.20.png', await png(9)),
      write(
        src,
        '关于开展道德讲堂活动的通知（文明办〔2024〕5号）.pdf',
        await pdf(3, { created: new Date('2024-02-10T10:00:00Z') }),
      ),
      write(src, '会议记录20240410.pdf', await pdf(2)),
    ];
    const mtime = fs.statSync(files[0]!).mtimeMs;
    const report = await addMaterials(project, [src]);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.added).toHaveLength(4);
    const byTitle = new Map(report.added.map((a) => [a.title, a]));

    // EXIF wins over the date in the name; the source is kept with the date.
    const camera = material(project, byTitle.get('IMG 20240301 101010')!.id);
    expect(camera).toMatchObject({ date: '2024-03-15', date_source: 'exif', type: '照片', title_made_up: 1, pages: 1 });
    const named = material(project, byTitle.get('志愿服务活动照片 2024.5.20')!.id);
    expect(named).toMatchObject({ date: '2024-05-20', date_source: 'filename', title_made_up: 0 });
    const notice = material(project, byTitle.get('关于开展道德讲堂活动的通知（文明办〔2024〕5号）')!.id);
    expect(notice).toMatchObject({
      pages: 3,
      doc_no: '文明办〔2024〕5号',
      type: '通知',
      date: '2024-02-10',
      date_source: 'pdf',
    });
    expect(material(project, byTitle.get('会议记录20240410')!.id)).toMatchObject({
      pages: 2,
      date: '2024-04-10',
      date_source: 'filename',
      type: '会议记录',
    });

    // The original is stored byte for byte and left untouched where it was.
    const sha = byTitle.get('IMG 20240301 101010')!.sha256;
    expect(fs.readFileSync(project.store.pathOf(sha))).toEqual(original);
    expect(fs.statSync(files[0]!).mtimeMs).toBe(mtime);
    // The thumbnail is upright: the 640×480 photo tagged "rotate 90°" becomes portrait.
    const thumb = thumbPath(path.join(project.dir, 'cache'), sha);
    const { default: sharp } = await import('sharp');
    const meta = await sharp(thumb).metadata();
    expect([meta.width, meta.height]).toEqual([240, 320]);
    expect(await verifyProject(project)).toMatchObject({ ok: true, checkedFiles: 4, orphans: [] });
  });

  it('reports identical bytes as 已存在 with the existing item, also within one batch', async () => {
    const project = newProject();
    const src = tempDir();
    const bytes = await photo({ seed: 5 });
    write(src, 'a/照片.jpg', bytes);
    write(src, 'b/照片副本.jpg', bytes);
    const first = await addMaterials(project, [src]);
    expect(first.added).toHaveLength(1);
    expect(first.duplicates).toEqual([{ path: path.join(src, 'b', '照片副本.jpg'), existingId: first.added[0]!.id }]);
    const again = await addMaterials(project, [path.join(src, 'a', '照片.jpg')]);
    expect(again).toMatchObject({ added: [], duplicates: [{ existingId: first.added[0]!.id }] });
    expect(project.db.prepare('SELECT count(*) AS n FROM materials').get()).toEqual({ n: 1 });
  });

  it('links new items to the indicator they were dropped on', async () => {
    const project = newProject();
    project.db.exec("INSERT INTO systems (name, created_at) VALUES ('体系', '2026-01-01')");
    project.db.exec("INSERT INTO indicators (system_id, level, sort, title) VALUES (1, 1, 0, '志愿服务')");
    const src = tempDir();
    write(src, '活动.jpg', await photo());
    const report = await addMaterials(project, [src], { indicatorIds: [1] });
    expect(project.db.prepare('SELECT material_id AS m, indicator_id AS i FROM material_links').all()).toEqual([
      { m: report.added[0]!.id, i: 1 },
    ]);
  });

  it('gives each bad file its own Chinese line while the rest of the batch is added', async () => {
    const project = newProject();
    const src = tempDir('坏文件');
    const good = await photo({ seed: 7 });
    const pdfBytes = await pdf(2);
    write(src, '正常照片.jpg', good);
    write(src, '空文件.pdf', '');
    write(src, '截断的照片.jpg', good.subarray(0, Math.floor(good.length / 2)));
    write(src, '损坏的文件.pdf', pdfBytes.subarray(0, 200));
    write(src, '加密文件.pdf', await encryptedPdf('secret'));
    write(src, '加密标记损坏.pdf', await fakeEncryptedPdf());
    write(src, '其实是PDF.jpg', pdfBytes);
    write(src, '巨大的图片.png', hugePngHeader());
    write(src, '说明.txt', '这是一段文字');
    write(
      src,
      '苹果照片.heic',
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
    );
    write(src, '😀表情 名字　全角 .jpg', await photo({ seed: 8 }));
    fs.mkdirSync(path.join(src, '循环'));
    fs.symlinkSync(src, path.join(src, '循环', '回到上级'));

    const report = await addMaterials(project, [src]);
    const failed = Object.fromEntries(report.failed.map((f) => [path.basename(f.path), f]));
    expect(Object.fromEntries(Object.entries(failed).map(([k, v]) => [k, v.code]))).toEqual({
      '空文件.pdf': 'EMPTY',
      '截断的照片.jpg': 'CORRUPT',
      '损坏的文件.pdf': 'CORRUPT',
      '加密文件.pdf': 'ENCRYPTED',
      '加密标记损坏.pdf': 'CORRUPT',
      '巨大的图片.png': 'TOO_LARGE',
      '说明.txt': 'UNSUPPORTED',
      '苹果照片.heic': 'CORRUPT',
      回到上级: 'LOOP',
    });
    expect(failed['加密文件.pdf']!.message).toMatch(/加密文件\.pdf.*设有打开密码.*输入密码/);
    expect(failed['苹果照片.heic']!.message).toMatch(/苹果照片《苹果照片\.heic》无法读取.*兼容性最佳/);
    expect(failed['巨大的图片.png']!.message).toMatch(/太大/);
    expect(report.added.map((a) => a.title).sort()).toEqual(['其实是PDF', '正常照片', '😀表情 名字 全角'].sort());
    const mislabelled = report.added.find((a) => a.title === '其实是PDF')!;
    expect(project.db.prepare('SELECT mime FROM blobs WHERE sha256 = ?').get(mislabelled.sha256)).toEqual({
      mime: 'application/pdf',
    });
    expect(mislabelled.pages).toBe(2);
    // Nothing half-added: every stored file belongs to an item.
    expect(await verifyProject(project)).toMatchObject({ ok: true, checkedFiles: 3, orphans: [] });
  });

  it('can be cancelled: finished files stay, nothing partial remains', async () => {
    const project = newProject();
    const src = tempDir();
    for (let i = 0; i < 12; i++) write(src, `照片${String(i).padStart(2, '0')}.jpg`, await photo({ seed: i + 20 }));
    const controller = new AbortController();
    const run = addMaterials(project, [src], {
      signal: controller.signal,
      concurrency: 1,
      onProgress: (done) => done === 4 && controller.abort(),
    });
    await expect(run).rejects.toThrow();
    const items = (project.db.prepare('SELECT count(*) AS n FROM materials').get() as { n: number }).n;
    expect(items).toBeGreaterThanOrEqual(4);
    expect(items).toBeLessThan(12);
    expect(await verifyProject(project)).toMatchObject({ ok: true, checkedFiles: items, orphans: [] });
    const again = await addMaterials(project, [src]);
    expect(again.added.length + again.duplicates.length).toBe(12);
    expect(again.duplicates).toHaveLength(items);
  });
});

describe('a folder with 5,000 files', () => {
  it('adds them all, in folder order, with progress for each, and a second run finds every one 已存在', async () => {
    const project = newProject();
    const src = tempDir('五千个文件');
    const base = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const total = 5000;
    for (let i = 0; i < total; i++) {
      // Distinct bytes after IEND (ignored by decoders): 5,000 different originals.
      write(
        path.join(src, `子文件夹${Math.floor(i / 500)}`),
        `图${String(i).padStart(4, '0')}.png`,
        Buffer.concat([base, Buffer.from(String(i))]),
      );
    }
    const seen: number[] = [];
    const report = await addMaterials(project, [src], { onProgress: (done) => seen.push(done) });
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(total);
    expect(seen).toHaveLength(total);
    expect(seen.at(-1)).toBe(total);
    const titles = project.db.prepare('SELECT title FROM materials ORDER BY id').pluck().all() as string[];
    expect(titles.slice(0, 3)).toEqual(['图0000', '图0001', '图0002']);
    expect(titles.at(-1)).toBe('图4999');
    const again = await addMaterials(project, [src]);
    expect(again.added).toEqual([]);
    expect(again.duplicates).toHaveLength(total);
  }, 180_000);
});

describe('every kind of picture', () => {
  it('adds JPEG, PNG, WebP, GIF, BMP and multi-page TIFF, each with its pages and a thumbnail', async () => {
    const project = newProject();
    const src = tempDir('各种图片');
    const flat = (format: 'webp' | 'gif') => {
      const img = sharp({ create: { width: 90, height: 60, channels: 3, background: '#aa5500' } });
      return (format === 'webp' ? img.webp() : img.gif()).toBuffer();
    };
    write(src, '照片.jpg', await photo({ seed: 61 }));
    write(src, '截图.png', await png(62));
    write(src, '网页图片.webp', await flat('webp'));
    write(src, '动图.gif', await flat('gif'));
    write(src, '画图保存.bmp', bmp(120, 80));
    write(src, '传真.tif', await multiPageTiff(2));
    const report = await addMaterials(project, [src]);
    expect(report.failed).toEqual([]);
    const pagesByTitle = Object.fromEntries(report.added.map((a) => [a.title, a.pages]));
    expect(pagesByTitle).toEqual({ 照片: 1, 截图: 1, 网页图片: 1, 动图: 1, 画图保存: 1, 传真: 2 });
    for (const a of report.added) {
      expect(fs.existsSync(thumbPath(path.join(project.dir, 'cache'), a.sha256))).toBe(true);
    }
    // sharp cannot read BMP: the original is kept and a lossless PNG copy is what gets shown and bound.
    const bmpItem = report.added.find((a) => a.title === '画图保存')!;
    const row = project.db
      .prepare(
        `SELECT b.mime AS original, c.mime AS copy, f.converted_sha256 AS sha FROM material_files f
         JOIN blobs b ON b.sha256 = f.sha256 JOIN blobs c ON c.sha256 = f.converted_sha256 WHERE f.material_id = ?`,
      )
      .get(bmpItem.id) as { original: string; copy: string; sha: string };
    expect(row).toMatchObject({ original: 'image/bmp', copy: 'image/png' });
    const { data, info } = await sharp(project.store.pathOf(row.sha)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([120, 80]);
    expect([...data.subarray(0, 3)]).toEqual([10, 50, 200]);
  });
});
