import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { addMaterials, warmUpImport } from '../../electron/core/materials/add-materials';
import { createProject } from '../../electron/core/project/project';
import { pdf } from '../fixtures/evidence-files';

/**
 * A 12 MP phone-like photo (4000×3000, textured so it compresses like a real one, with
 * EXIF date). Copies differ only in bytes after the JPEG end marker, which decoders ignore:
 * distinct hashes, the same decoding work — and, like real photos, distinct sizes (the
 * importer hashes a file before decoding only when something of its size is stored).
 */
async function phonePhoto(): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .jpeg({ quality: 88 })
    .toBuffer();
  return sharp(noise)
    .withExif({ IFD2: { DateTimeOriginal: '2026:03:05 09:30:00' } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function timeAdd(label: string, files: number, folder: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), '台账 bench-'));
  const project = createProject(path.join(dir, 'p'), { name: '基准', year: 2026 }, { userName: 'bench' });
  try {
    // The app starts its import threads when a project opens; time the import, not that.
    const warm = performance.now();
    await warmUpImport();
    const warmSeconds = (performance.now() - warm) / 1000;
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    // How long the thread that serves the window was blocked at worst (it must stay responsive).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    const report = await addMaterials(project, [folder]);
    const seconds = (performance.now() - t0) / 1000;
    loop.disable();
    clearInterval(timer);
    if (report.added.length !== files)
      throw new Error(`${label}: added ${report.added.length} of ${files}: ${JSON.stringify(report.failed[0])}`);
    return [
      `  ${label}: ${files} items in ${seconds.toFixed(1)} s = ${(files / seconds).toFixed(1)} items/s (peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB; main thread blocked ≤ ${(loop.max / 1e6).toFixed(0)} ms at a time, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms; import threads ready in ${warmSeconds.toFixed(1)} s before)`,
    ];
  } finally {
    project.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function materialImportBench(): Promise<string[]> {
  const photos = Number(process.env.BENCH_PHOTOS ?? 1000);
  const pdfs = Number(process.env.BENCH_PDFS ?? 200);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), '台账 bench-src-'));
  try {
    const base = await phonePhoto();
    const photoDir = path.join(work, 'photos');
    fs.mkdirSync(photoDir);
    for (let i = 0; i < photos; i++) {
      fs.writeFileSync(
        path.join(photoDir, `IMG_${String(i).padStart(4, '0')}.jpg`),
        Buffer.concat([base, Buffer.from(`#${i}`), Buffer.alloc(i * 7)]),
      );
    }
    const pdfDir = path.join(work, 'pdfs');
    fs.mkdirSync(pdfDir);
    const basePdf = await pdf(10);
    for (let i = 0; i < pdfs; i++) {
      const padding = Buffer.from(`\n%${'x'.repeat(i)}\n`);
      fs.writeFileSync(path.join(pdfDir, `文件${i}.pdf`), Buffer.concat([basePdf, padding]));
    }
    // Flush the 2.4 GB just written, so the import is not timed against that writeback.
    if (process.platform !== 'win32') spawnSync('sync');
    return [
      `material import (photos ${(base.length / 1024 / 1024).toFixed(1)} MB each, 4000×3000 with EXIF; target ≥ 30 items/s, PDFs ≥ 50 items/s):`,
      ...(await timeAdd('12 MP photos', photos, photoDir)),
      ...(await timeAdd('10-page PDFs', pdfs, pdfDir)),
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
