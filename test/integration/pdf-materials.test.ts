import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { pageTextsOf } from '../../electron/core/materials/material-repo';
import { ensureThumb, pageImage } from '../../electron/core/materials/page-images';
import { rotateFile } from '../../electron/core/materials/item-files';
import { createProject, openProject, type Project } from '../../electron/core/project/project';
import { verifyProject } from '../../electron/core/project/verify';
import type { AddReport } from '../../shared/materials/api-types';
import { encryptedPdf, heicPhoto, multiPageTiff, pdf, photo } from '../fixtures/evidence-files';
import { tempDir } from '../helpers/temp-dir';

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
function newProject(dir = path.join(tempDir(), '项目')): Project {
  const p = createProject(dir, { name: '单位', year: 2026 }, { userName: '测试员' });
  open.push(p);
  return p;
}
function write(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
const material = (p: Project, id: number) =>
  p.db.prepare('SELECT * FROM materials WHERE id = ?').get(id) as Record<string, unknown>;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
type FileRow = { id: number; sha256: string; converted_sha256: string | null; page_count: number };
const filesOf = (p: Project, materialId: number) =>
  p.db
    .prepare('SELECT id, sha256, converted_sha256, page_count FROM material_files WHERE material_id = ?')
    .all(materialId) as FileRow[];

describe('encrypted PDFs', () => {
  it('asks for the password, refuses a wrong one, and with the right one keeps the original and a readable copy', async () => {
    const project = newProject();
    const src = tempDir('加密');
    const bytes = await encryptedPdf('gov2024', 3);
    const file = write(src, '关于印发实施方案的通知（加密）.pdf', bytes);

    const none = await addMaterials(project, [file]);
    expect(none.failed).toMatchObject([{ code: 'ENCRYPTED' }]);
    expect(none.failed[0]!.message).toMatch(/关于印发实施方案的通知（加密）\.pdf.*设有打开密码/);
    const wrong = await addMaterials(project, [file], { password: 'nope' });
    expect(wrong.failed).toMatchObject([{ code: 'ENCRYPTED' }]);
    expect(wrong.failed[0]!.message).toMatch(/密码不正确/);
    expect(project.db.prepare('SELECT count(*) FROM materials').pluck().get()).toBe(0);

    const right = await addMaterials(project, [file], { password: 'gov2024' });
    expect(right.failed).toEqual([]);
    expect(right.added).toMatchObject([{ pages: 3, sha256: sha(bytes) }]);
    // The original is stored byte for byte; binding and previews read the decrypted copy.
    const [row] = filesOf(project, right.added[0]!.id);
    expect(fs.readFileSync(project.store.pathOf(row!.sha256)).equals(bytes)).toBe(true);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const copy = await PDFDocument.load(fs.readFileSync(project.store.pathOf(row!.converted_sha256!)));
    expect(copy.isEncrypted).toBe(false);
    expect(copy.getPageCount()).toBe(3);
    expect(pageTextsOf(project.db, row!.id).map((t) => t.text)).toEqual(['Page 1', 'Page 2', 'Page 3']);
    expect(await verifyProject(project)).toMatchObject({ ok: true, orphans: [] });
  });

  it('opens permission-only PDFs (no open password) without asking', async () => {
    const project = newProject();
    const src = tempDir();
    const report = await addMaterials(project, [write(src, '禁止打印的文件.pdf', await encryptedPdf('', 2))]);
    expect(report.failed).toEqual([]);
    expect(report.added).toMatchObject([{ pages: 2 }]);
    const [row] = filesOf(project, report.added[0]!.id);
    expect(row!.converted_sha256).not.toBeNull();
    expect(pageTextsOf(project.db, row!.id)).toEqual([
      { page: 1, text: 'Page 1' },
      { page: 2, text: 'Page 2' },
    ]);
  });

  it('takes --password on the command line', async () => {
    const dir = path.join(tempDir(), '命令行 项目');
    newProject(dir).close();
    open.pop();
    const src = tempDir();
    write(src, '加密.pdf', await encryptedPdf('123456', 2));
    let out = '';
    const run = (...extra: string[]) => {
      out = '';
      return runCli(['add', dir, src, '--json', ...extra], { out: (t) => (out += t), err: () => undefined });
    };
    expect(await run()).toBe(1);
    expect((JSON.parse(out) as AddReport).failed).toMatchObject([{ code: 'ENCRYPTED' }]);
    // Said in words, the command line names its own way to give the password.
    let err = '';
    expect(await runCli(['add', dir, src], { out: () => undefined, err: (t) => (err += t) })).toBe(1);
    expect(err).toContain('提示：设有打开密码的 PDF，请加 --password 密码 重新添加。');
    expect(await run('--password', '123456')).toBe(0);
    expect((JSON.parse(out) as AddReport).added).toMatchObject([{ pages: 2 }]);
    const project = openProject(dir, { userName: '测试员' });
    open.push(project);
    expect(project.db.prepare('SELECT count(*) FROM page_texts').pluck().get()).toBe(2);
  });
});

describe('pages of stored files', () => {
  it('counts and shows every page of a multi-page TIFF', async () => {
    const project = newProject();
    const src = tempDir();
    const report = await addMaterials(project, [write(src, '传真件.tif', await multiPageTiff(3))]);
    expect(report.failed).toEqual([]);
    expect(report.added).toMatchObject([{ pages: 3 }]);
    const [row] = filesOf(project, report.added[0]!.id);
    expect(row!.page_count).toBe(3);
    const colours = [];
    for (const page of [1, 2, 3]) {
      const img = await pageImage(project, row!.id, page, 'thumb');
      expect(img).toMatchObject({ pageCount: 3, height: 320 });
      const { data } = await sharp(img.jpeg).raw().toBuffer({ resolveWithObject: true });
      colours.push(data[0]!);
    }
    // Each page is its own picture (red channel 40, 80, 120 as generated, give or take JPEG).
    expect(colours.map((c) => Math.round(c / 40))).toEqual([1, 2, 3]);
    await expect(pageImage(project, row!.id, 4, 'thumb')).rejects.toThrow(/只有 3 页/);
  });

  it('draws PDF pages, applies the item rotation, and makes PDF thumbnails on demand', async () => {
    const project = newProject();
    const src = tempDir();
    const report = await addMaterials(project, [write(src, '通知.pdf', await pdf(2))]);
    const [row] = filesOf(project, report.added[0]!.id);
    const upright = await pageImage(project, row!.id, 2, 'preview');
    expect(upright).toMatchObject({ pageCount: 2, height: 1400 });
    expect(upright.width).toBe(Math.round((1400 * 595) / 842));
    // The page is white paper with dark text in the top-left quarter ("Page 2").
    const stats = await sharp(upright.jpeg).stats();
    expect(stats.channels[0]!.max).toBeGreaterThan(240);
    expect(stats.channels[0]!.min).toBeLessThan(60);

    rotateFile(project, row!.id, 90);
    const turned = await pageImage(project, row!.id, 2, 'preview');
    expect([turned.width, turned.height]).toEqual([upright.height, upright.width]);

    const thumb = await ensureThumb(project, row!.sha256);
    expect(thumb).not.toBeNull();
    expect(await sharp(thumb!).metadata()).toMatchObject({ format: 'jpeg', height: 320 });
  });

  it('converts iPhone HEIC photos to JPEG (original kept) and shows them like any photo', async () => {
    const project = newProject();
    const src = tempDir();
    const heic = await heicPhoto({ width: 320, height: 240, seed: 4 });
    const report = await addMaterials(project, [write(src, 'IMG_0042.HEIC', heic)]);
    expect(report.failed).toEqual([]);
    expect(report.added).toMatchObject([{ pages: 1, sha256: sha(heic) }]);
    const [row] = filesOf(project, report.added[0]!.id);
    const mimeOf = (s: string) => project.db.prepare('SELECT mime FROM blobs WHERE sha256 = ?').pluck().get(s);
    expect(mimeOf(row!.sha256)).toBe('image/heic');
    expect(fs.readFileSync(project.store.pathOf(row!.sha256)).equals(heic)).toBe(true);
    expect(mimeOf(row!.converted_sha256!)).toBe('image/jpeg');
    const jpeg = await sharp(project.store.pathOf(row!.converted_sha256!)).metadata();
    expect(jpeg).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    // The picture survives the trip: the same colour as encoded (HEVC is lossy; flat colour barely changes).
    const { dominant } = await sharp(project.store.pathOf(row!.converted_sha256!)).stats();
    expect(Math.abs(dominant.g - 160)).toBeLessThan(24);
    expect(await pageImage(project, row!.id, 1, 'thumb')).toMatchObject({ width: 320, height: 240 });
    expect(await ensureThumb(project, row!.sha256)).not.toBeNull();
    expect(material(project, report.added[0]!.id)).toMatchObject({ type: '照片' });
  });

  it('shows photos upright by EXIF before the user rotation', async () => {
    const project = newProject();
    const src = tempDir();
    // Stored 600×400 landscape, EXIF 6 = the camera was turned: shown 400×600.
    const report = await addMaterials(project, [
      write(src, '现场照片.jpg', await photo({ width: 600, height: 400, orientation: 6 })),
    ]);
    const [row] = filesOf(project, report.added[0]!.id);
    expect(await pageImage(project, row!.id, 1, 'thumb')).toMatchObject({ width: 213, height: 320 });
  });
});
