import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { bindProject } from '../../electron/core/binder/bind';
import { addMaterials, warmUpImport } from '../../electron/core/materials/add-materials';
import { mergeMaterials } from '../../electron/core/materials/item-files';
import { linkMaterials, updateMaterials } from '../../electron/core/materials/material-repo';
import { createProject, type Project } from '../../electron/core/project/project';
import { importSample } from '../../electron/core/systems/sample';
import { getIndicators } from '../../electron/core/systems/system-repo';
import type { BindOptions, BindResult } from '../../electron/core/binder/types';

/*
 * 装订成卷 at the size of a real ledger: 1,000 scanned pages (100 items of ten A4 grey scans
 * at 200 dpi, as office scanners make them) and some forwarded photos, spread over the
 * sample system's indicators, a tenth of the items linked to a second one. Prints the build
 * time, pages per second, peak memory and output size, cold (photos resampled into the
 * cache) and warm, and the time qpdf takes to merge the same scan pages as ready-made
 * one-page PDFs: the floor for putting that many pages into one file.
 */

const ITEMS = Number(process.env.BENCH_BIND_ITEMS ?? 100);
const PAGES_PER_ITEM = 10;
const PHOTOS = Number(process.env.BENCH_BIND_PHOTOS ?? 20);
/** Distinct scan images; the rest are copies with bytes after the JPEG end marker (distinct hashes, same work). */
const BASE_SCANS = 10;

/** A4 at 200 dpi, grey, with paper-like noise and some dark "text" lines so it compresses like a scan. */
async function scan(seed: number): Promise<Buffer> {
  const width = 1654;
  const height = 2339;
  const lines = Array.from({ length: 40 }, (_, i) => {
    const w = 900 + ((seed * 37 + i * 91) % 400);
    return `<rect x="200" y="${300 + i * 45}" width="${w}" height="14" fill="#333"/>`;
  }).join('');
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines}</svg>`);
  return sharp({
    create: { width, height, channels: 3, background: '#f2f2f2', noise: { type: 'gaussian', mean: 238, sigma: 5 } },
  })
    .composite([{ input: svg }])
    .greyscale()
    .jpeg({ quality: 75 })
    .withMetadata({ density: 200 })
    .toBuffer();
}

/** A photo as chat apps forward it: 2000×1500, no EXIF. */
async function forwardedPhoto(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 2000,
      height: 1500,
      channels: 3,
      background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 31) % 256 },
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .blur(1)
    .jpeg({ quality: 85 })
    .toBuffer();
}

const unique = (base: Buffer, n: number) => Buffer.concat([base, Buffer.from(`#${n}`)]);

async function buildProject(work: string): Promise<{ project: Project; scans: string[] }> {
  const project = createProject(path.join(work, '项目'), { name: '基准街道办事处', year: 2026 }, { userName: 'bench' });
  const { systemId } = importSample(project);
  const all = getIndicators(project.db, systemId);
  const parents = new Set(all.map((n) => n.parentId));
  // Items of indicators that do not apply to the unit are not bound: leave those out.
  const leaves = all.filter((n) => !parents.has(n.id) && n.applicable);
  await warmUpImport();
  const bases = await Promise.all(Array.from({ length: BASE_SCANS }, (_, i) => scan(i + 1)));
  const scans: string[] = [];
  for (let item = 0; item < ITEMS; item++) {
    const dir = path.join(work, '扫描', `第${String(item + 1).padStart(3, '0')}件`);
    fs.mkdirSync(dir, { recursive: true });
    for (let p = 0; p < PAGES_PER_ITEM; p++) {
      const file = path.join(dir, `第${p + 1}页.jpg`);
      fs.writeFileSync(file, unique(bases[(item + p) % BASE_SCANS]!, item * PAGES_PER_ITEM + p));
      scans.push(file);
    }
    const leaf = leaves[item % leaves.length]!;
    const report = await addMaterials(project, [dir], { indicatorIds: [leaf.id] });
    if (report.added.length !== PAGES_PER_ITEM) throw new Error(`item ${item}: ${JSON.stringify(report.failed[0])}`);
    const merged = mergeMaterials(
      project,
      report.added.map((a) => a.id),
    );
    updateMaterials(project, [merged.id], { title: `第${item + 1}份工作台账`, type: '扫描件', date: '2025-10-01' });
    // One item in ten also serves another indicator (bound in both places by default).
    if (item % 10 === 0) linkMaterials(project, [merged.id], leaves[(item + 7) % leaves.length]!.id);
  }
  const photoDir = path.join(work, '照片');
  fs.mkdirSync(photoDir);
  const photoBases = await Promise.all(Array.from({ length: 4 }, (_, i) => forwardedPhoto(i + 1)));
  for (let i = 0; i < PHOTOS; i++) {
    fs.writeFileSync(path.join(photoDir, `IMG_${i}.jpg`), unique(photoBases[i % 4]!, i));
  }
  const photos = await addMaterials(project, [photoDir], { indicatorIds: [leaves[3]!.id] });
  if (photos.added.length !== PHOTOS) throw new Error(`photos: ${JSON.stringify(photos.failed[0])}`);
  updateMaterials(
    project,
    photos.added.map((a) => a.id),
    { type: '照片', caption: { time: '2025年10月1日', place: '社区广场', people: '志愿者', subject: '文明交通劝导' } },
  );
  return { project, scans };
}

type Run = { seconds: number; peakMb: number; beforeMb: number; result: BindResult };

async function timeBind(project: Project, options: BindOptions): Promise<Run> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const result = await bindProject(project, options);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakMb: peak / 1024 / 1024, beforeMb: before / 1024 / 1024, result };
}

function line(label: string, run: Run): string {
  const pages = run.result.volumes.reduce((n, v) => n + v.pages, 0);
  const itemPages = run.result.volumes.reduce((n, v) => n + v.itemPages, 0);
  const bytes = run.result.volumes.reduce((n, v) => n + v.bytes, 0);
  const largest = Math.max(...run.result.volumes.map((v) => v.bytes));
  return (
    `  ${label}: ${run.result.volumes.length} volumes, ${pages} pages (${itemPages} numbered) in ${run.seconds.toFixed(1)} s` +
    ` = ${(pages / run.seconds).toFixed(0)} pages/s; peak RSS ${run.peakMb.toFixed(0)} MB (${run.beforeMb.toFixed(0)} MB before);` +
    ` ${(bytes / 1024 / 1024).toFixed(1)} MB written (largest volume ${(largest / 1024 / 1024).toFixed(1)} MB)` +
    (run.result.problems.length > 0 ? `; ${run.result.problems.length} problems!` : '')
  );
}

/** qpdf merging the scans as one-page PDFs (made beforehand, not timed). */
async function qpdfMerge(work: string, scans: string[]): Promise<string> {
  if (spawnSync('qpdf', ['--version']).error) return '  qpdf: not installed, no comparison';
  const dir = path.join(work, 'qpdf');
  fs.mkdirSync(dir);
  const files: string[] = [];
  for (const [i, file] of scans.entries()) {
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(fs.readFileSync(file));
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const out = path.join(dir, `${String(i).padStart(4, '0')}.pdf`);
    fs.writeFileSync(out, await doc.save());
    files.push(out);
  }
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', 'qpdf', '--empty', '--pages', ...files, '--', path.join(dir, 'merged.pdf')],
    {
      encoding: 'utf8',
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    // Without GNU time, time qpdf alone.
    const t1 = performance.now();
    const plain = spawnSync('qpdf', ['--empty', '--pages', ...files, '--', path.join(dir, 'merged.pdf')]);
    if (plain.status !== 0) return `  qpdf failed: ${String(plain.stderr).slice(0, 200)}`;
    return `  qpdf --empty --pages (${files.length} one-page scan PDFs → 1 file): ${((performance.now() - t1) / 1000).toFixed(1)} s`;
  }
  const maxKb = Number(r.stderr.trim().split('\n').at(-1));
  const size = fs.statSync(path.join(dir, 'merged.pdf')).size;
  return `  qpdf --empty --pages (${files.length} one-page scan PDFs → 1 file, ${(size / 1024 / 1024).toFixed(1)} MB): ${seconds.toFixed(1)} s, peak RSS ${(maxKb / 1024).toFixed(0)} MB`;
}

export async function binderBench(): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), '台账 bench-bind-'));
  try {
    const t0 = performance.now();
    const { project, scans } = await buildProject(work);
    const setup = (performance.now() - t0) / 1000;
    try {
      if (process.platform !== 'win32') spawnSync('sync');
      const cold = await timeBind(project, { outDir: path.join(work, '案卷1'), date: '2026-03-10' });
      const warm = await timeBind(project, { outDir: path.join(work, '案卷2'), date: '2026-03-10' });
      const compact = await timeBind(project, {
        outDir: path.join(work, '案卷3'),
        date: '2026-03-10',
        linkedItems: 'reference',
        photosPerPage: 2,
      });
      const maxRss = process.resourceUsage().maxRSS / 1024;
      return [
        `binder (${ITEMS} items × ${PAGES_PER_ITEM} A4 grey scans at 200 dpi + ${PHOTOS} 2000×1500 photos, sample system; project made in ${setup.toFixed(0)} s):`,
        line('first bind (photos resampled into the cache)', cold),
        line('second bind (cache warm)', warm),
        line('--reference-linked --two-photos', compact),
        `  process max RSS (whole bench, setup included): ${maxRss.toFixed(0)} MB`,
        await qpdfMerge(work, scans),
      ];
    } finally {
      project.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
