import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseSpeeds, PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import sharp from 'sharp';
import { addMaterials, warmUpImport } from '../../electron/core/materials/add-materials';
import { mergeMaterials } from '../../electron/core/materials/item-files';
import { linkMaterials, updateMaterials } from '../../electron/core/materials/material-repo';
import { findSoffice } from '../../electron/core/materials/office-convert';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../../electron/core/pdf/cjk-font';
import { wrapText } from '../../electron/core/pdf/text-wrap';
import { createProject, type Project } from '../../electron/core/project/project';
import { minimalDocx } from '../../electron/core/sample/minimal-docx';
import { importSample } from '../../electron/core/systems/sample';
import { getIndicators } from '../../electron/core/systems/system-repo';
import type { BindOptions } from '../../electron/core/binder/types';
import type { MaterialPatch } from '../../shared/materials/api-types';
import type { IndicatorNode } from '../../shared/systems/api-types';
import type { ChildReport } from './bind-child';

/*
 * 装订成卷 at the size of a real ledger: 1,000 scanned pages (100 items of ten A4 grey scans
 * at 200 dpi, as office scanners make them) and some forwarded photos, spread over the
 * sample system's indicators, a tenth of the items linked to a second one. Prints the build
 * time, pages per second, peak memory and output size, cold (photos resampled into the
 * cache) and warm, and the time qpdf takes to merge the same scan pages as ready-made
 * one-page PDFs: the floor for putting that many pages into one file (issue 6: at most 2×).
 *
 * Then a smaller project of about 500 pages of mixed material as offices have it (phone
 * photos, born-digital and scanned PDFs, screenshots, a fax TIFF, a landscape table, a
 * Word file through LibreOffice), bound with default settings: issue 6 asks for under 15 s.
 *
 * Each bind runs in a process of its own (bind-child.ts, as the app binds in a worker of
 * its own), so its peak RSS is the bind's and not that of making the project. "Cold":
 * the project's image cache is empty (the files themselves are in the OS cache, just
 * written); "warm": the same bind again.
 */

const ITEMS = Number(process.env.BENCH_BIND_ITEMS ?? 100);
const PAGES_PER_ITEM = 10;
const PHOTOS = Number(process.env.BENCH_BIND_PHOTOS ?? 20);
/** Distinct scan images; the rest are copies with bytes after the JPEG end marker (distinct hashes, same work). */
const BASE_SCANS = 10;
/** scans, mixed, or both (default). BENCH_BIND_KEEP=1 keeps the projects in the temp folder. */
const CASES = process.env.BENCH_BIND_CASES ?? 'scans,mixed';
/** Issue 6: 500 mixed pages bind in under this. */
const MIXED_LIMIT_S = 15;
/** Issue 6: 1,000 scan pages bind in at most this times qpdf's merge. */
const QPDF_FACTOR = 2;

type ScanOptions = { landscape?: boolean; colour?: boolean; dpi?: number };
const scanCache = new Map<string, Promise<Buffer>>();
/**
 * A scanned A4 page (200 dpi grey unless told) with paper-like noise and dark "text" lines,
 * so it compresses like a scan. Made once per process: the two projects share them.
 */
function scan(seed: number, options: ScanOptions = {}): Promise<Buffer> {
  const key = JSON.stringify([seed, options]);
  let made = scanCache.get(key);
  if (!made) scanCache.set(key, (made = makeScan(seed, options)));
  return made;
}

async function makeScan(seed: number, options: ScanOptions): Promise<Buffer> {
  const dpi = options.dpi ?? 200;
  const long = Math.round((297 / 25.4) * dpi);
  const short = Math.round((210 / 25.4) * dpi);
  const [width, height] = options.landscape ? [long, short] : [short, long];
  const k = dpi / 200;
  const lines = Array.from({ length: options.landscape ? 26 : 40 }, (_, i) => {
    const w = (900 + ((seed * 37 + i * 91) % 400)) * k * (options.landscape ? 1.4 : 1);
    return `<rect x="${200 * k}" y="${(300 + i * 45) * k}" width="${w}" height="${14 * k}" fill="#333"/>`;
  }).join('');
  const stamp = options.colour
    ? `<circle cx="${width - 500 * k}" cy="${height - 500 * k}" r="${160 * k}" fill="none" stroke="#d22" stroke-width="${12 * k}"/>`
    : '';
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines}${stamp}</svg>`,
  );
  let img = sharp({
    create: { width, height, channels: 3, background: '#f2f2f2', noise: { type: 'gaussian', mean: 238, sigma: 5 } },
  }).composite([{ input: svg }]);
  if (!options.colour) img = img.greyscale();
  return img.jpeg({ quality: 75 }).withMetadata({ density: dpi }).toBuffer();
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
/** pdf-lib yields to the event loop every 50 objects by default: slow on a busy machine, and nothing else runs meanwhile. */
const QUICK_SAVE = { objectsPerTick: Infinity };
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Leaf indicators that apply to the unit (items of the others are not bound). */
function bindableLeaves(project: Project, systemId: number): IndicatorNode[] {
  const all = getIndicators(project.db, systemId);
  const parents = new Set(all.map((n) => n.parentId));
  return all.filter((n) => !parents.has(n.id) && n.applicable);
}

async function buildProject(work: string): Promise<{ project: Project; scans: string[] }> {
  const project = createProject(path.join(work, '项目'), { name: '基准街道办事处', year: 2026 }, { userName: 'bench' });
  const { systemId } = importSample(project);
  const leaves = bindableLeaves(project, systemId);
  await warmUpImport();
  const bases = await Promise.all(Array.from({ length: BASE_SCANS }, (_, i) => scan(i + 1)));
  const scans: string[] = [];
  const itemOf = new Map<string, number>();
  for (let item = 0; item < ITEMS; item++) {
    const dir = path.join(work, '扫描', `第${String(item + 1).padStart(3, '0')}件`);
    fs.mkdirSync(dir, { recursive: true });
    for (let p = 0; p < PAGES_PER_ITEM; p++) {
      const file = path.join(dir, `第${p + 1}页.jpg`);
      const bytes = unique(bases[(item + p) % BASE_SCANS]!, item * PAGES_PER_ITEM + p);
      fs.writeFileSync(file, bytes);
      itemOf.set(sha256(bytes), item);
      scans.push(file);
    }
  }
  // One import for all (the import threads stay busy), then each folder's pages merged into one item.
  const report = await addMaterials(project, [path.join(work, '扫描')]);
  if (report.added.length !== scans.length) throw new Error(`scans: ${JSON.stringify(report.failed[0])}`);
  const pagesOf = Array.from({ length: ITEMS }, () => [] as number[]);
  for (const a of report.added) pagesOf[itemOf.get(a.sha256)!]!.push(a.id);
  for (let item = 0; item < ITEMS; item++) {
    const merged = mergeMaterials(project, pagesOf[item]!);
    linkMaterials(project, [merged.id], leaves[item % leaves.length]!.id);
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

// ── binding in a child process ──────────────────────────────────────────────────────

const CHILD = fileURLToPath(new URL('./bind-child.ts', import.meta.url));

type Run = ChildReport;

/** One bindProject() in a fresh process (loaded through tsx as this one is); its time and peak RSS. */
function timeBind(project: Project, options: BindOptions): Run {
  const out = `${options.outDir}.json`;
  // tsx puts its loader in execArgv; run the same way otherwise.
  const loader = process.execArgv.length > 0 ? process.execArgv : ['--import', 'tsx'];
  const r = spawnSync(process.execPath, [...loader, CHILD, project.dir, JSON.stringify(options), out], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bind-child.ts failed: ${r.error?.message ?? r.signal ?? `exit ${r.status}`}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Run;
}

const pagesOf = (run: Run) => run.volumes.reduce((n, v) => n + v.pages, 0);
const itemPagesOf = (run: Run) => run.volumes.reduce((n, v) => n + v.itemPages, 0);

function line(label: string, run: Run): string {
  const pages = pagesOf(run);
  const bytes = run.volumes.reduce((n, v) => n + v.bytes, 0);
  const largest = Math.max(...run.volumes.map((v) => v.bytes));
  return (
    `  ${label}: ${run.volumes.length} volumes, ${pages} pages (${itemPagesOf(run)} numbered) in ${run.seconds.toFixed(1)} s` +
    ` = ${(pages / run.seconds).toFixed(0)} pages/s; peak RSS ${run.peakMb.toFixed(0)} MB (${run.beforeMb.toFixed(0)} MB before);` +
    ` ${(bytes / 1024 / 1024).toFixed(1)} MB written (largest volume ${(largest / 1024 / 1024).toFixed(1)} MB)` +
    (run.problems.length > 0 ? `; ${run.problems.length} problems! (${run.problems[0]})` : '')
  );
}

/** qpdf merging the scans as one-page PDFs (made beforehand, not timed). */
type QpdfRun = { text: string; seconds: number | null; cpuSeconds: number | null };

async function qpdfMerge(work: string, scans: string[]): Promise<QpdfRun> {
  if (spawnSync('qpdf', ['--version']).error) {
    return { text: '  qpdf: not installed, no comparison', seconds: null, cpuSeconds: null };
  }
  const dir = path.join(work, 'qpdf');
  fs.mkdirSync(dir);
  const files: string[] = [];
  for (const [i, file] of scans.entries()) {
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(fs.readFileSync(file));
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const out = path.join(dir, `${String(i).padStart(4, '0')}.pdf`);
    fs.writeFileSync(out, await doc.save(QUICK_SAVE));
    files.push(out);
  }
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', 'qpdf', '--empty', '--pages', ...files, '--', path.join(dir, 'merged.pdf')],
    {
      encoding: 'utf8',
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    // Without GNU time, time qpdf alone.
    const t1 = performance.now();
    const plain = spawnSync('qpdf', ['--empty', '--pages', ...files, '--', path.join(dir, 'merged.pdf')]);
    if (plain.status !== 0) {
      return { text: `  qpdf failed: ${String(plain.stderr).slice(0, 200)}`, seconds: null, cpuSeconds: null };
    }
    const s = (performance.now() - t1) / 1000;
    const text = `  qpdf --empty --pages (${files.length} one-page scan PDFs → 1 file): ${s.toFixed(1)} s`;
    return { text, seconds: s, cpuSeconds: null };
  }
  // GNU time's line: peak RSS in kB, user and system seconds.
  const [maxKb, user, system] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  const size = fs.statSync(path.join(dir, 'merged.pdf')).size;
  return {
    text: `  qpdf --empty --pages (${files.length} one-page scan PDFs → 1 file, ${(size / 1024 / 1024).toFixed(1)} MB): ${seconds.toFixed(1)} s, peak RSS ${(maxKb / 1024).toFixed(0)} MB`,
    seconds,
    cpuSeconds: user + system,
  };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function scansBench(): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), '台账 bench-bind-'));
  try {
    const t0 = performance.now();
    const { project, scans } = await buildProject(work);
    const setup = (performance.now() - t0) / 1000;
    try {
      if (process.platform !== 'win32') spawnSync('sync');
      const cold = timeBind(project, { outDir: path.join(work, '案卷1'), date: '2026-03-10' });
      const warm = timeBind(project, { outDir: path.join(work, '案卷2'), date: '2026-03-10' });
      const compact = timeBind(project, {
        outDir: path.join(work, '案卷3'),
        date: '2026-03-10',
        linkedItems: 'reference',
        photosPerPage: 2,
      });
      const maxRss = process.resourceUsage().maxRSS / 1024;
      const qpdf = await qpdfMerge(work, scans);
      const lines = [
        `binder (${ITEMS} items × ${PAGES_PER_ITEM} A4 grey scans at 200 dpi + ${PHOTOS} 2000×1500 photos, sample system; project made in ${setup.toFixed(0)} s):`,
        line('first bind (photos resampled into the cache)', cold),
        line('second bind (cache warm)', warm),
        line('--reference-linked --two-photos', compact),
        `  process max RSS (whole bench, setup included): ${maxRss.toFixed(0)} MB (each bind above ran in a process of its own; its peak RSS is that process's high-water mark)`,
        qpdf.text,
      ];
      if (qpdf.seconds !== null) {
        const ratio = (run: Run) => run.seconds / qpdf.seconds!;
        lines.push(
          `  bind ÷ qpdf, wall clock (issue 6: ≤ ${QPDF_FACTOR}×): first bind ${ratio(cold).toFixed(2)}× ${verdict(ratio(cold) <= QPDF_FACTOR)},` +
            ` second bind ${ratio(warm).toFixed(2)}× ${verdict(ratio(warm) <= QPDF_FACTOR)}` +
            ` (the bind's ${pagesOf(cold)} pages: the ${scans.length} scans, ${itemPagesOf(cold) - scans.length} more item pages (second links, photos), ${pagesOf(cold) - itemPagesOf(cold)} covers and index pages)`,
        );
        if (qpdf.cpuSeconds !== null) {
          const cpu = (run: Run) =>
            `${run.cpuSeconds.toFixed(1)} s (${(run.cpuSeconds / qpdf.cpuSeconds!).toFixed(2)}×)`;
          lines.push(
            `  CPU time (user + system, less affected by other load): qpdf ${qpdf.cpuSeconds.toFixed(1)} s, first bind ${cpu(cold)}, second bind ${cpu(warm)}`,
          );
        }
      }
      return lines;
    } finally {
      project.close();
    }
  } finally {
    if (process.env.BENCH_BIND_KEEP) process.stderr.write(`kept ${work}\n`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

// ── 500 pages of mixed material ─────────────────────────────────────────────────────

/** Phone photos: 12 MP (4000×3000), textured so they compress like real ones (~3 MB), with EXIF. */
async function phonePhotos(): Promise<{ upright: Buffer; sideways: Buffer }> {
  const pixels = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const encode = (orientation?: number) => {
    let img = sharp(pixels.data, { raw: pixels.info })
      .jpeg({ quality: 88 })
      .withExif({ IFD0: { Make: 'Bench', Model: 'Phone' }, IFD2: { DateTimeOriginal: '2025:10:18 09:40:00' } });
    // Held upright, phones store the pixels sideways and say "turn right to view" (EXIF 6).
    if (orientation) img = img.withMetadata({ orientation });
    return img.toBuffer();
  };
  const [upright, sideways] = await Promise.all([encode(), encode(6)]);
  return { upright, sideways };
}

/** A phone screenshot (chat, 1080×2340) or a desktop one (1920×1080): flat colours, sharp edges. */
async function screenshot(seed: number, desktop: boolean): Promise<Buffer> {
  const [w, h] = desktop ? [1920, 1080] : [1080, 2340];
  const shapes: string[] = [];
  if (desktop) {
    shapes.push(
      `<rect width="${w}" height="60" fill="#2b579a"/><rect y="60" width="260" height="${h - 60}" fill="#f3f3f3"/>`,
    );
    for (let r = 0; r < 22; r++) {
      for (let c = 0; c < 6; c++) {
        const len = 60 + ((seed * 31 + r * 17 + c * 13) % 160);
        shapes.push(`<rect x="${300 + c * 270}" y="${120 + r * 40}" width="${len}" height="12" fill="#444"/>`);
      }
      shapes.push(`<rect x="290" y="${140 + r * 40}" width="${w - 330}" height="1" fill="#ccc"/>`);
    }
  } else {
    shapes.push(`<rect width="${w}" height="${h}" fill="#ededed"/><rect width="${w}" height="200" fill="#f7f7f7"/>`);
    for (let i = 0; i < 11; i++) {
      const mine = (i + seed) % 3 === 0;
      const bw = 360 + ((seed * 53 + i * 97) % 480);
      const x = mine ? w - 150 - bw : 150;
      const y = 260 + i * 185;
      shapes.push(
        `<rect x="${mine ? w - 130 : 20}" y="${y}" width="110" height="110" rx="10" fill="hsl(${(seed * 40 + i * 25) % 360},50%,60%)"/>`,
      );
      shapes.push(`<rect x="${x}" y="${y}" width="${bw}" height="140" rx="14" fill="${mine ? '#95ec69' : '#fff'}"/>`);
      shapes.push(`<rect x="${x + 30}" y="${y + 35}" width="${bw - 60}" height="22" fill="#333"/>`);
      shapes.push(`<rect x="${x + 30}" y="${y + 80}" width="${(bw - 60) / 2}" height="22" fill="#333"/>`);
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#fff"/>${shapes.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A fax or scanner TIFF: A4 pages at 200 dpi, 1 bit, CCITT G4, several pages in one file. */
async function faxTiff(pages: number, seed: number): Promise<Buffer> {
  const frames = await Promise.all(
    Array.from({ length: pages }, async (_, i) =>
      sharp(await scan(seed + i))
        .threshold(180)
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1 })
    .toBuffer();
}

const PHRASES = [
  '为深入推进全国文明城市创建工作',
  '进一步提升城市管理精细化水平',
  '各社区居委会要高度重视',
  '切实加强组织领导和统筹协调',
  '明确责任分工和完成时限',
  '确保各项工作任务落到实处',
  '开展背街小巷环境卫生集中整治',
  '加强农贸市场和占道经营管理',
  '广泛开展学雷锋志愿服务活动',
  '营造人人参与创建的良好氛围',
  '街道文明办定期开展督查检查',
  '对发现的问题建立整改台账',
  '实行销号管理并限期整改到位',
  '按月报送工作进展和典型经验',
  '深化社会主义核心价值观宣传教育',
  '健全完善长效管理机制',
];

function paragraph(seed: number): string {
  const n = 3 + (seed % 4);
  return Array.from({ length: n }, (_, i) => PHRASES[(seed * 7 + i * 5) % PHRASES.length]).join('，') + '。';
}

/** A born-digital A4 document (Word saved as PDF): title, body text, page numbers, an embedded font subset. */
async function textPdf(title: string, pages: number, seed: number, landscape = false): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const chars = `${title}${PHRASES.join('')}，。第页共一二三四五六七八九十`;
  const font: PDFFont = await embedCjkFont(doc, chars, cjkFontFile('regular'));
  const bold: PDFFont = await embedCjkFont(doc, title, cjkFontFile('bold'));
  const [W, H] = landscape ? [841.89, 595.28] : [595.28, 841.89];
  const left = 80;
  const width = W - left - 75;
  let k = seed;
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([W, H]);
    let y = H - 90;
    if (p === 1) {
      for (const l of wrapText(title, bold, 20, width)) {
        page.drawText(l, { x: (W - bold.widthOfTextAtSize(l, 20)) / 2, y, size: 20, font: bold });
        y -= 34;
      }
      y -= 10;
    }
    if (landscape) {
      // A table: the kind of page that must stay landscape.
      for (let r = 0; r < 10; r++) {
        for (let c = 0; c < 4; c++) {
          const x = left + c * (width / 4);
          page.drawRectangle({
            x,
            y: y - 36,
            width: width / 4,
            height: 36,
            borderColor: rgb(0, 0, 0),
            borderWidth: 0.8,
          });
          page.drawText(PHRASES[(r * 4 + c + seed) % PHRASES.length]!.slice(0, 9), {
            x: x + 6,
            y: y - 24,
            size: 12,
            font,
          });
        }
        y -= 36;
      }
    }
    while (!landscape && y > 110) {
      for (const [i, l] of wrapText(paragraph(k++), font, 14, width - 28).entries()) {
        if (y < 90) break;
        page.drawText(l, { x: left + (i === 0 ? 28 : 0), y, size: 14, font });
        y -= 25;
      }
      y -= 8;
    }
    const footer = `第${p}页 共${pages}页`;
    page.drawText(footer, { x: (W - font.widthOfTextAtSize(footer, 10)) / 2, y: 40, size: 10, font });
  }
  doc.setTitle(title);
  doc.setCreationDate(new Date('2025-09-01T00:00:00Z'));
  return Buffer.from(await saveWithCjkFonts(doc, { ...QUICK_SAVE, useObjectStreams: true }));
}

/** The same document under another title (another hash; fonts and page content as they were). */
async function retitled(base: Buffer, title: string): Promise<Buffer> {
  const doc = await PDFDocument.load(base, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(title);
  return Buffer.from(await doc.save({ ...QUICK_SAVE, useObjectStreams: true }));
}

/** A document scanned to PDF by a copier: one JPEG per page, nothing else. */
async function scannedPdf(pages: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const jpg of pages) {
    const image = await doc.embedJpg(jpg);
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return Buffer.from(await doc.save(QUICK_SAVE));
}

type MixedFile = { name: string; bytes: Buffer; kind: string; pages: number };
/** An item: its files (several: merged into one item), what it is, and a second indicator or not. */
type MixedItem = { files: MixedFile[]; patch: MaterialPatch; twice: boolean };

const CAPTIONS = [
  { place: '幸福社区广场', people: '社区志愿者', subject: '文明交通劝导' },
  { place: '新时代文明实践站', people: '社区居民40余人', subject: '“孝老爱亲”主题道德讲堂' },
  { place: '和平路农贸市场', people: '街道城管科、市场监管所', subject: '市场环境秩序联合检查' },
  { place: '东风小区', people: '物业公司、楼栋长', subject: '楼道杂物清理' },
];

/** About 500 pages as an office collects them for a year; the page counts are fixed, the mix is the point. */
async function mixedEvidence(office: boolean): Promise<MixedItem[]> {
  const items: MixedItem[] = [];
  let n = 0;
  const file = (name: string, bytes: Buffer, kind: string, pages = 1): MixedFile => ({
    name: `${String(++n).padStart(3, '0')} ${name}`,
    bytes,
    kind,
    pages,
  });
  // Phone photos: 54 single ones (a quarter held upright: EXIF 6), and two meeting records
  // photographed page by page, upright (3 photos merged into one item each).
  const phone = await phonePhotos();
  const photo = (name: string, i: number, sideways: boolean) =>
    sideways
      ? file(name, unique(phone.sideways, i), 'phone photo 4000×3000 EXIF 6')
      : file(name, unique(phone.upright, i), 'phone photo 4000×3000');
  for (let i = 0; i < 54; i++) {
    const c = CAPTIONS[i % CAPTIONS.length]!;
    items.push({
      files: [photo(`IMG_2025${String(1000 + i)}.jpg`, i, i % 4 === 3)],
      patch: { type: '照片', caption: { time: `2025年${1 + (i % 12)}月${1 + (i % 28)}日`, ...c } },
      twice: i % 10 === 0,
    });
  }
  for (let r = 0; r < 2; r++) {
    items.push({
      files: [0, 1, 2].map((p) => photo(`会议记录${r + 1}-${p + 1}.jpg`, 100 + r * 3 + p, true)),
      patch: { title: `创建工作推进会会议记录（第${r + 1}次）`, type: '会议记录', date: '2025-06-12' },
      twice: false,
    });
  }
  // Born-digital documents (notices, plans, summaries), 1 to 12 pages.
  const counts = [1, 2, 2, 3, 4, 5, 6, 8, 10, 12];
  const docs = new Map<number, Buffer>();
  for (const pages of new Set(counts)) {
    docs.set(pages, await textPdf(`关于做好创建全国文明城市有关工作的通知（${pages}页）`, pages, pages));
  }
  const kinds = ['通知', '方案', '总结', '简报'];
  for (let i = 0; i < 36; i++) {
    const pages = counts[i % counts.length]!;
    const title = `关于${PHRASES[i % PHRASES.length]}的${kinds[i % 4]}（${i + 1}）`;
    items.push({
      files: [file(`${title}.pdf`, await retitled(docs.get(pages)!, title), 'born-digital PDF', pages)],
      patch: {
        type: kinds[i % 4],
        date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        responsible: '基准街道办事处',
      },
      twice: i % 4 === 0,
    });
  }
  // Scanned to PDF on the office copier: grey 200 dpi, and one in colour at 300 dpi.
  const grey = await Promise.all(Array.from({ length: 6 }, (_, i) => scan(i + 1)));
  let s = 0;
  for (const [i, pages] of [3, 5, 6, 8, 8, 10, 10, 12, 12, 15, 15, 20, 20].entries()) {
    const jpgs = Array.from({ length: pages }, () => unique(grey[s % grey.length]!, s++));
    items.push({
      files: [file(`扫描签到表${i + 1}.pdf`, await scannedPdf(jpgs), 'scanned PDF', pages)],
      patch: { type: '签到表', date: '2025-09-20' },
      twice: i % 5 === 0,
    });
  }
  const colour = await scan(99, { colour: true, dpi: 300 });
  items.push({
    files: [
      file(
        '红头文件扫描件.pdf',
        await scannedPdf([0, 1, 2, 3, 4, 5].map((p) => unique(colour, p))),
        'scanned PDF, colour 300 dpi',
        6,
      ),
    ],
    patch: { type: '文件', date: '2025-03-02' },
    twice: false,
  });
  // Landscape: a table made in Word, and a landscape form scanned as a JPEG.
  items.push({
    files: [
      file('创建工作领导小组成员分工表.pdf', await textPdf('创建工作领导小组成员分工表', 1, 3, true), 'landscape PDF'),
    ],
    patch: { type: '台账', date: '2025-02-16' },
    twice: true,
  });
  items.push({
    files: [file('门前三包责任登记表.jpg', await scan(7, { landscape: true }), 'landscape scan JPEG')],
    patch: { type: '扫描件', date: '2025-04-01' },
    twice: false,
  });
  // Screenshots: WeChat group notices on phones, the reporting system on a desktop.
  for (let i = 0; i < 24; i++) {
    const desktop = i % 3 === 2;
    items.push({
      files: [
        file(
          `截图${i + 1}.png`,
          await screenshot(i + 1, desktop),
          desktop ? 'desktop screenshot PNG' : 'phone screenshot PNG',
        ),
      ],
      patch: { type: '截图', date: '2025-11-03' },
      twice: false,
    });
  }
  // Faxes from the district, as multi-page TIFFs.
  for (let i = 0; i < 2; i++) {
    items.push({
      files: [file(`区创建办传真${i + 1}.tif`, await faxTiff(6, 1 + i * 4), '6-page fax TIFF', 6)],
      patch: { type: '文件', date: '2025-05-08' },
      twice: false,
    });
  }
  // A Word file, converted to PDF through LibreOffice when it is added (seconds each: one is enough).
  if (office) {
    const text = Array.from({ length: 80 }, (_, k) => paragraph(k));
    items.push({
      files: [file('2026年创建工作实施方案.docx', minimalDocx(text, { halfPoints: 28 }), 'Word via LibreOffice', 0)],
      patch: { type: '方案', date: '2026-01-10' },
      twice: false,
    });
  }
  return items;
}

async function buildMixedProject(
  work: string,
  office: boolean,
): Promise<{
  project: Project;
  items: number;
  sourcePages: number;
  /** Seconds making the files, and adding them (import checks, thumbnails, LibreOffice). */
  made: number;
  added: number;
  mix: Map<string, { files: number; pages: number }>;
}> {
  const project = createProject(path.join(work, '项目'), { name: '混合街道办事处', year: 2026 }, { userName: 'bench' });
  const { systemId } = importSample(project);
  const leaves = bindableLeaves(project, systemId);
  await warmUpImport();
  const t0 = performance.now();
  const items = await mixedEvidence(office);
  const made = (performance.now() - t0) / 1000;
  const src = path.join(work, '材料');
  fs.mkdirSync(src);
  const bySha = new Map<string, MixedFile>();
  for (const f of items.flatMap((i) => i.files)) {
    fs.writeFileSync(path.join(src, f.name), f.bytes);
    bySha.set(sha256(f.bytes), f);
  }
  const t1 = performance.now();
  const report = await addMaterials(project, [src]);
  const added = (performance.now() - t1) / 1000;
  if (report.failed.length > 0 || report.duplicates.length > 0) {
    throw new Error(`mixed: ${JSON.stringify(report.failed[0] ?? report.duplicates[0])}`);
  }
  const idOf = new Map<MixedFile, number>();
  for (const a of report.added) {
    const f = bySha.get(a.sha256);
    if (!f) throw new Error(`mixed: unknown item ${a.title}`);
    idOf.set(f, a.id);
    f.pages = a.pages; // Word files: as converted
  }
  const mix = new Map<string, { files: number; pages: number }>();
  for (const [k, item] of items.entries()) {
    const ids = item.files.map((f) => idOf.get(f)!);
    const id = ids.length > 1 ? mergeMaterials(project, ids).id : ids[0]!;
    updateMaterials(project, [id], item.patch);
    // Spread over the indicators so that each volume gets a mixture.
    linkMaterials(project, [id], leaves[(k * 7) % leaves.length]!.id);
    if (item.twice) linkMaterials(project, [id], leaves[(k * 7 + 3) % leaves.length]!.id);
    for (const f of item.files) {
      const m = mix.get(f.kind) ?? { files: 0, pages: 0 };
      mix.set(f.kind, { files: m.files + 1, pages: m.pages + f.pages });
    }
  }
  const sourcePages = [...mix.values()].reduce((t, m) => t + m.pages, 0);
  return { project, items: items.length, sourcePages, mix, made, added };
}

async function mixedBench(): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), '台账 bench-mixed-'));
  try {
    const office = process.env.BENCH_BIND_OFFICE !== '0' && findSoffice() !== null;
    const t0 = performance.now();
    const { project, items, sourcePages, mix, made, added } = await buildMixedProject(work, office);
    const setup = (performance.now() - t0) / 1000;
    try {
      if (process.platform !== 'win32') spawnSync('sync');
      // Default settings: volumes by top-level indicator, linked items bound in each place, one photo a page.
      const cold = timeBind(project, { outDir: path.join(work, '案卷1') });
      const warm = timeBind(project, { outDir: path.join(work, '案卷2') });
      const kinds = [...mix.entries()].map(
        ([k, m]) => `${m.pages} ${k}${m.files !== m.pages ? ` (${m.files} files)` : ''}`,
      );
      const cpu = (run: Run) =>
        `    ${(itemPagesOf(run) / run.seconds).toFixed(0)} numbered pages/s; CPU ${run.cpuSeconds.toFixed(1)} s (user + system, all threads)`;
      return [
        `binder, mixed material (${sourcePages} pages in ${items} items, default settings; project made in ${setup.toFixed(0)} s: files ${made.toFixed(0)} s, adding them ${added.toFixed(0)} s):`,
        `  mix: ${kinds.join(', ')}${office ? '' : '; no Word file (LibreOffice not found or BENCH_BIND_OFFICE=0)'}`,
        line('first bind (cache cold: photos, screenshots and TIFF pages resampled)', cold),
        cpu(cold),
        line('second bind (cache warm)', warm),
        cpu(warm),
        `  ${itemPagesOf(cold)} mixed pages under ${MIXED_LIMIT_S} s (issue 6): first bind ${cold.seconds.toFixed(1)} s ${verdict(cold.seconds < MIXED_LIMIT_S)}, second bind ${warm.seconds.toFixed(1)} s ${verdict(warm.seconds < MIXED_LIMIT_S)}`,
      ];
    } finally {
      project.close();
    }
  } finally {
    if (process.env.BENCH_BIND_KEEP) process.stderr.write(`kept ${work}\n`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function binderBench(): Promise<string[]> {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const lines = [`binder: ${os.cpus().length} cores, load average at start ${load()}`];
  if (CASES.includes('scans')) lines.push(...(await scansBench()));
  if (CASES.includes('mixed')) lines.push(...(await mixedBench()));
  lines.push(`  load average at end ${load()}`);
  return lines;
}
