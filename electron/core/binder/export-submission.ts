import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { AppError } from '../../../shared/ipc/result';
import type { ProgressUpdate } from '../jobs/job-manager';
import { MAX_PIXELS } from '../materials/inspect-file';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../pdf/cjk-font';
import { wrapText } from '../pdf/text-wrap';
import type { Project } from '../project/project';
import { projectPaths } from '../project/layout';
import { writeFileAtomic } from '../store/write-file-atomic';
import { safeFileName, volumeSettings, writePdf } from './bind';
import type { VolumeSettings } from './compose';
import { addItemPages, type ItemPage } from './item-pages';
import { labelOf, planBinding } from './plan';
import { writeOutline, setOpening } from './pdf-structure';
import { Prefetcher } from './prefetch';
import type { BindPlan, PlanItem, PlanSection } from './types';

/*
 * 网上申报 (issue 6 point 10): the same items as a binding run, but as the upload forms of
 * assessment portals want them: a folder per indicator named `code 标题`, one PDF per item
 * (or one per indicator with --merge), an index workbook, and optionally every PDF kept
 * under a size cap (portals commonly refuse files over a few MB).
 *
 * It follows the binding plan (same order, same items left out) and lays pages out with the
 * binder's own item-pages code, so a photo looks the same here as in a volume: upright by
 * EXIF and the user's turn, JPEGs embedded as they are, Office files through their
 * converted PDF. What a volume adds for paper (stamped numbers, cover, 目录, binding
 * margin) is left out: these files are read on screen, one at a time.
 *
 * The size cap is met after composing, by re-encoding the image streams of the finished
 * PDF at lower resolution and JPEG quality. Working on the finished file rather than on
 * the binder's image preparation also shrinks the images inside copied PDFs, and scanned
 * PDFs are exactly the files that are too large.
 */

export type ExportOptions = {
  /** The system whose indicators make the folders (default: the project's first). */
  systemId?: number;
  outDir: string;
  /** One PDF per indicator (items in order, with bookmarks) instead of one per item. */
  merge?: boolean;
  /** Cap per PDF in bytes: larger files are rebuilt with their images downscaled. */
  maxFileBytes?: number;
  /** Export only these indicators (each with its subtree). */
  indicatorIds?: number[];
  /** Date written into the PDFs, YYYY-MM-DD (default today): fixed, so a rerun gives the same bytes. */
  date?: string;
  /** Font for photo captions (default as for binding). */
  fontFile?: string | null;
  signal?: AbortSignal;
  onProgress?: (update: ProgressUpdate) => void;
};

export type ExportedFile = {
  file: string;
  itemId: number;
  title: string;
  /** The item's pages (in a merged file: its share of the file). */
  pages: number;
  /** Size of the file (a merged file's whole size). */
  bytes: number;
  /** Page of the file where the item starts (1 unless merged). */
  startPage: number;
};

export type ExportFolder = {
  indicatorId: number;
  code: string;
  title: string;
  dir: string;
  files: ExportedFile[];
};

export type ExportProblem = { itemId: number; title: string; file: string; message: string };

/** The CLI's public JSON (`export-submission --json`): names may be added, none renamed. */
export type ExportResult = {
  outDir: string;
  /** The index workbook. */
  index: string;
  folders: ExportFolder[];
  problems: ExportProblem[];
  /** Chinese sentences: a file still over the cap, leftovers of an earlier export … */
  warnings: string[];
};

export const INDEX_FILE_NAME = '材料索引.xlsx';

/**
 * Resolution and JPEG quality tried in turn until a file fits its cap. The resolution is
 * reckoned for an image filling an A4 page, the most any item image is shown at; 72 dpi at
 * quality 50 is about where a scanned notice stops being readable on screen.
 */
export const DOWNSCALE_STEPS: readonly { dpi: number; quality: number }[] = [
  { dpi: 150, quality: 80 },
  { dpi: 120, quality: 70 },
  { dpi: 100, quality: 60 },
  { dpi: 72, quality: 50 },
];

/** Folder and file names are cut so outDir + folder + file stays far below Windows' 260. */
const FOLDER_NAME_MAX = 40;
const FILE_TITLE_MAX = 40;
const PATH_WARN = 240;

const CAPTION_SIZE = 10.5;
const A4_INCHES = { long: 297 / 25.4, short: 210 / 25.4 };

function readableSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Messages from item-pages speak of binding; here the same trouble stops an export. */
const forExport = (message: string) => message.replace(/装订/g, '导出');

type Env = {
  project: Project;
  plan: BindPlan;
  settings: VolumeSettings;
  imageCache: string;
  fontFile: string | null;
  read: (file: string) => Promise<Buffer>;
  signal?: AbortSignal;
};

type Piece = { item: PlanItem; pages: ItemPage[] };

type Composed = {
  bytes: Uint8Array;
  pieces: { item: PlanItem; pages: number; startPage: number }[];
  problems: ExportProblem[];
  /** Still over the cap after the smallest downscaling. */
  overCap: boolean;
};

/** Draws photo captions (时间、地点、人物、事由) where the layout left room for them. */
async function drawCaptions(doc: PDFDocument, pages: ItemPage[], fontFile: string | null): Promise<void> {
  const captioned = pages.filter((p) => p.caption);
  if (captioned.length === 0) return;
  const font = await embedCjkFont(
    doc,
    captioned.map((p) => p.caption!.text).join(''),
    cjkFontFile('regular', fontFile),
  );
  for (const p of captioned) {
    const { rect, text } = p.caption!;
    let y = rect.y + rect.height - CAPTION_SIZE;
    for (const line of wrapText(text, font, CAPTION_SIZE, rect.width)) {
      if (y < rect.y) break;
      p.page.drawText(line, { x: rect.x, y, size: CAPTION_SIZE, font });
      y -= CAPTION_SIZE * 1.6;
    }
  }
}

/**
 * One PDF of `items` in order. Unreadable files become problems; an item with no readable
 * page is left out. `bookmarks`: an outline entry per item (merged files).
 */
async function composeItems(
  env: Env,
  items: PlanItem[],
  meta: { title: string; author: string; bookmarks: boolean },
  onItem: (item: PlanItem) => void,
): Promise<Omit<Composed, 'overCap'>> {
  const { settings } = env;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx = {
    project: env.project,
    doc,
    frame: settings,
    imageCache: env.imageCache,
    signal: env.signal,
    read: env.read,
  };
  const pieces: Piece[] = [];
  const problems: ExportProblem[] = [];
  let next = 1;
  for (const item of items) {
    env.signal?.throwIfAborted();
    const res = await addItemPages(ctx, item, next);
    for (const p of res.problems) {
      const message = forExport(p.message);
      // Item-level messages already name the item; file-level ones name only the file.
      problems.push({
        itemId: item.itemId,
        title: item.title,
        file: p.file,
        message: p.file ? `材料“${item.title}”：${message}` : message,
      });
    }
    if (res.pages.length > 0) {
      pieces.push({ item, pages: res.pages });
      next += res.pages.length;
    }
    onItem(item);
  }
  if (pieces.length === 0) return { bytes: new Uint8Array(), pieces: [], problems };
  await drawCaptions(
    doc,
    pieces.flatMap((p) => p.pages),
    env.fontFile,
  );
  if (meta.bookmarks) {
    writeOutline(
      doc,
      pieces.map((p) => ({ title: p.item.title, page: p.pages[0]!.page, children: [] })),
    );
    setOpening(doc);
  }
  const when = new Date(`${settings.date}T00:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setSubject(`${env.plan.systemName}${env.plan.edition ? `（${env.plan.edition}）` : ''}`);
  doc.setCreator('台账通');
  doc.setProducer('台账通');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const bytes = await saveWithCjkFonts(doc, { useObjectStreams: true, addDefaultPage: false });
  let start = 1;
  return {
    bytes,
    pieces: pieces.map((p) => {
      const out = { item: p.item, pages: p.pages.length, startPage: start };
      start += p.pages.length;
      return out;
    }),
    problems,
  };
}

// ---------------------------------------------------------------------------------------
// Size cap: re-encode image streams of a finished PDF.

const name = (v: unknown): string | null => (v instanceof PDFName ? v.toString() : null);

function filtersOf(dict: PDFDict): string[] | null {
  const f = dict.lookup(PDFName.of('Filter'));
  if (f === undefined) return [];
  if (f instanceof PDFName) return [f.toString()];
  if (f instanceof PDFArray) {
    const out = f.asArray().map((v) => name(v instanceof PDFRef ? dict.context.lookup(v) : v));
    return out.every((n): n is string => n !== null) ? out : null;
  }
  return null;
}

/** Colour channels of an image's colour space when it is one plain grey or RGB can stand for. */
function channelsOf(dict: PDFDict): 1 | 3 | null {
  const cs = dict.lookup(PDFName.of('ColorSpace'));
  const n = name(cs);
  if (n === '/DeviceGray') return 1;
  if (n === '/DeviceRGB') return 3;
  if (cs instanceof PDFArray && name(cs.lookup(0)) === '/ICCBased') {
    const profile = cs.lookup(1);
    const count = profile instanceof PDFRawStream ? profile.dict.lookup(PDFName.of('N')) : undefined;
    const v = count instanceof PDFNumber ? count.asNumber() : 0;
    return v === 1 ? 1 : v === 3 ? 3 : null;
  }
  return null;
}

const numberOf = (dict: PDFDict, key: string): number | undefined => {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : undefined;
};

/** Undoes PNG row predictors (Predictor ≥ 10) on 8-bit samples. */
function unpredict(data: Buffer, width: number, channels: number, height: number): Buffer | null {
  const row = width * channels;
  if (data.length < (row + 1) * height) return null;
  const out = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    const type = data[y * (row + 1)]!;
    const src = y * (row + 1) + 1;
    const dst = y * row;
    for (let x = 0; x < row; x++) {
      const raw = data[src + x]!;
      const left = x >= channels ? out[dst + x - channels]! : 0;
      const up = y > 0 ? out[dst - row + x]! : 0;
      const upLeft = y > 0 && x >= channels ? out[dst - row + x - channels]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else return null;
      out[dst + x] = v & 0xff;
    }
  }
  return out;
}

/**
 * The image as a smaller JPEG for `step`, or null when it is of a kind left alone: masks,
 * colour-keyed or indexed images, CMYK, 16-bit, anything with a Decode array, filters other
 * than plain DCT or Flate. Those are rare in scans and photos, and re-encoding them risks
 * wrong colours, which is worse than a file over the cap.
 */
async function smallerImage(
  stream: PDFRawStream,
  step: { dpi: number; quality: number },
): Promise<{ bytes: Buffer; width: number; height: number; channels: 1 | 3 } | null> {
  const dict = stream.dict;
  if (dict.lookup(PDFName.of('ImageMask')) !== undefined) return null;
  if (dict.has(PDFName.of('Decode')) || dict.lookup(PDFName.of('Mask')) instanceof PDFArray) return null;
  const width = numberOf(dict, 'Width');
  const height = numberOf(dict, 'Height');
  const channels = channelsOf(dict);
  if (!width || !height || !channels || numberOf(dict, 'BitsPerComponent') !== 8) return null;
  const filters = filtersOf(dict);
  if (!filters || filters.length !== 1) return null;
  let input: ReturnType<typeof sharp>;
  if (filters[0] === '/DCTDecode') {
    input = sharp(stream.contents, { limitInputPixels: MAX_PIXELS });
  } else if (filters[0] === '/FlateDecode') {
    let raw: Buffer;
    try {
      raw = zlib.inflateSync(stream.contents);
    } catch {
      return null;
    }
    const parms = dict.lookup(PDFName.of('DecodeParms'));
    if (parms instanceof PDFDict) {
      const predictor = numberOf(parms, 'Predictor') ?? 1;
      const colors = numberOf(parms, 'Colors') ?? 1;
      const columns = numberOf(parms, 'Columns') ?? 1;
      const bpc = numberOf(parms, 'BitsPerComponent') ?? 8;
      if (predictor >= 10) {
        if (colors !== channels || columns !== width || bpc !== 8) return null;
        const plain = unpredict(raw, width, channels, height);
        if (!plain) return null;
        raw = plain;
      } else if (predictor !== 1) return null;
    } else if (parms !== undefined) return null;
    if (raw.length < width * height * channels) return null;
    input = sharp(raw.subarray(0, width * height * channels), {
      raw: { width, height, channels },
      limitInputPixels: MAX_PIXELS,
    });
  } else return null;
  // No .rotate(): the page's drawing matrix already turns the pixels as they are stored.
  const scale = Math.min(
    1,
    (A4_INCHES.long * step.dpi) / Math.max(width, height),
    (A4_INCHES.short * step.dpi) / Math.min(width, height),
  );
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  if (scale < 1) input = input.resize(w, h, { fit: 'fill' });
  input = channels === 1 ? input.toColourspace('b-w') : input.toColourspace('srgb');
  try {
    const { data, info } = await input.jpeg({ quality: step.quality }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 && info.channels !== 3) return null;
    return { bytes: data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    // A stream sharp cannot decode stays as it is.
    return null;
  }
}

/** The PDF again with every image it can take re-encoded for `step`; null when no image could be. */
async function downscaled(
  bytes: Uint8Array,
  step: { dpi: number; quality: number },
  signal?: AbortSignal,
): Promise<Uint8Array | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const objects = context.enumerateIndirectObjects();
  // Soft masks keep their exact size and samples: they must line up with their image.
  const masks = new Set<string>();
  for (const [, obj] of objects) {
    if (!(obj instanceof PDFRawStream)) continue;
    const smask = obj.dict.get(PDFName.of('SMask'));
    if (smask instanceof PDFRef) masks.add(smask.tag);
  }
  let changed = 0;
  for (const [ref, obj] of objects) {
    signal?.throwIfAborted();
    if (!(obj instanceof PDFRawStream) || masks.has(ref.tag)) continue;
    if (obj.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const image = await smallerImage(obj, step);
    if (!image || image.bytes.length >= obj.contents.length) continue;
    const dict = obj.dict.clone(context);
    for (const key of ['Filter', 'DecodeParms', 'Length', 'DL']) dict.delete(PDFName.of(key));
    dict.set(PDFName.of('Filter'), PDFName.of('DCTDecode'));
    dict.set(PDFName.of('Width'), PDFNumber.of(image.width));
    dict.set(PDFName.of('Height'), PDFNumber.of(image.height));
    dict.set(PDFName.of('BitsPerComponent'), PDFNumber.of(8));
    dict.set(PDFName.of('ColorSpace'), PDFName.of(image.channels === 1 ? 'DeviceGray' : 'DeviceRGB'));
    context.assign(ref, PDFRawStream.of(dict, image.bytes));
    changed++;
  }
  if (changed === 0) return null;
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}

/**
 * `bytes` when within `cap`; else the first downscaling step that fits, or the smallest
 * tried (over: true) when none does.
 */
async function underCap(
  bytes: Uint8Array,
  cap: number | undefined,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; over: boolean }> {
  if (cap === undefined || bytes.byteLength <= cap) return { bytes, over: false };
  let best = bytes;
  for (const step of DOWNSCALE_STEPS) {
    signal?.throwIfAborted();
    let smaller: Uint8Array | null;
    try {
      smaller = await downscaled(bytes, step, signal);
    } catch (e) {
      if (signal?.aborted) throw e;
      // A file pdf-lib wrote but cannot read back as it would need to: keep what there is.
      break;
    }
    // Nothing could be re-encoded at this step, so nothing will at a later one either.
    if (!smaller) break;
    if (smaller.byteLength < best.byteLength) best = smaller;
    if (smaller.byteLength <= cap) return { bytes: smaller, over: false };
  }
  return { bytes: best, over: true };
}

// ---------------------------------------------------------------------------------------
// Writing the folders and the index.

const writeExported = (file: string, bytes: Uint8Array) => writePdf(file, bytes, '导出');

/** Sections in tree order, each indicator once (chosen indicators may overlap). */
function sectionsOf(plan: BindPlan): PlanSection[] {
  const seen = new Set<number>();
  const out: PlanSection[] = [];
  for (const volume of plan.volumes) {
    for (const s of volume.sections) {
      if (seen.has(s.indicator.id)) continue;
      seen.add(s.indicator.id);
      out.push(s);
    }
  }
  return out;
}

/** `code 标题`, made unique (Windows compares names without case). */
function folderNames(sections: PlanSection[]): string[] {
  const taken = new Set<string>();
  return sections.map((s) => {
    let base = safeFileName(labelOf(s.indicator), FOLDER_NAME_MAX);
    // Names Windows keeps for devices cannot be folders (an edition without codes may have a title like these).
    if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}_`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}（${n}）`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

const HEADERS = ['指标编码', '指标名称', '序号', '题名', '文号', '责任者', '日期', '页数', '文件大小', '文件'];
const WIDTHS = [10, 30, 6, 40, 22, 20, 12, 6, 10, 60];

type IndexRow = {
  folder: ExportFolder;
  seq: number;
  item: PlanItem;
  file: ExportedFile;
};

function indexWorkbook(outDir: string, rows: IndexRow[], problems: ExportProblem[], merged: boolean): Buffer {
  const headers = merged ? [...HEADERS, '所在页'] : HEADERS;
  const aoa: (string | number)[][] = [
    headers,
    ...rows.map((r) => {
      const cells: (string | number)[] = [
        r.folder.code,
        r.folder.title,
        r.seq,
        r.item.title,
        r.item.docNo,
        r.item.responsible,
        r.item.date ?? '',
        r.file.pages,
        readableSize(r.file.bytes),
        path.relative(outDir, r.file.file),
      ];
      if (merged) {
        const last = r.file.startPage + r.file.pages - 1;
        cells.push(r.file.pages > 1 ? `${r.file.startPage}-${last}` : String(r.file.startPage));
      }
      return cells;
    }),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  // Each 文件 cell opens its PDF from Excel/WPS (relative, so the folder can be moved or zipped).
  rows.forEach((r, i) => {
    const cell = sheet[XLSX.utils.encode_cell({ r: i + 1, c: 9 })] as XLSX.CellObject | undefined;
    if (cell) cell.l = { Target: path.relative(outDir, r.file.file).split(path.sep).join('/') };
  });
  sheet['!cols'] = (merged ? [...WIDTHS, 10] : WIDTHS).map((wch) => ({ wch }));
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: aoa.length - 1, c: headers.length - 1 } }),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '材料索引');
  if (problems.length > 0) {
    const missing = XLSX.utils.aoa_to_sheet([
      ['题名', '文件', '原因'],
      ...problems.map((p) => [p.title, p.file, p.message]),
    ]);
    missing['!cols'] = [{ wch: 30 }, { wch: 30 }, { wch: 80 }];
    XLSX.utils.book_append_sheet(book, missing, '未导出');
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** Entries in the export folder this run did not write (an earlier export's leftovers). */
function leftovers(outDir: string, folders: ExportFolder[], written: Set<string>): string[] {
  const ours = new Set(folders.map((f) => f.dir));
  const out: string[] = [];
  const visible = (n: string) => !n.startsWith('.') && !n.startsWith('~$');
  for (const entry of fs.readdirSync(outDir).filter(visible)) {
    const full = path.join(outDir, entry);
    if (entry === INDEX_FILE_NAME || ours.has(full)) continue;
    out.push(entry);
  }
  for (const dir of ours) {
    for (const entry of fs.readdirSync(dir).filter(visible)) {
      if (!written.has(path.join(dir, entry))) out.push(path.join(path.basename(dir), entry));
    }
  }
  return out.sort();
}

/**
 * Exports the project's items for online submission into `outDir`: a folder per indicator
 * that has items, `NN 题名.pdf` per item (or one PDF per indicator when `merge`), and
 * 材料索引.xlsx. An item that cannot be read is reported in `problems` and the rest goes on;
 * only cancelling (signal) or an unwritable folder stops the run. Every file is written
 * whole (temp file, then rename), so a cancelled run leaves no half-written file.
 */
export async function exportSubmission(project: Project, options: ExportOptions): Promise<ExportResult> {
  const cap = options.maxFileBytes;
  if (cap !== undefined && !(Number.isFinite(cap) && cap > 0)) {
    throw new AppError('INVALID_INPUT', `每个文件的大小上限“${cap}”无效，应为正数。`);
  }
  const settings = volumeSettings({
    date: options.date,
    duplex: false,
    numberPosition: 'bottom-center',
    bindingMarginMm: 0,
  });
  const plan = planBinding(project.db, {
    systemId: options.systemId,
    indicatorIds: options.indicatorIds,
    by: 'all',
    // One pass over everything: folders are per indicator, never split.
    maxPages: Number.MAX_SAFE_INTEGER,
  });
  const sections = sectionsOf(plan);
  const names = folderNames(sections);
  const outDir = path.resolve(options.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const merge = options.merge === true;
  const signal = options.signal;

  // An item linked to several indicators is composed once and written to each folder.
  const uses = new Map<number, number>();
  for (const s of sections) for (const i of s.items) uses.set(i.itemId, (uses.get(i.itemId) ?? 0) + 1);
  // Files read ahead in the order they will be composed (only those read whole: PDFs and single JPEGs).
  const order = merge
    ? sections.flatMap((s) => s.items)
    : [...new Map(sections.flatMap((s) => s.items.map((i) => [i.itemId, i] as const))).values()];
  const prefetch = new Prefetcher(
    order.flatMap((i) =>
      i.files
        .filter((f) => f.mime === 'application/pdf' || (f.mime === 'image/jpeg' && f.pageCount === 1))
        .map((f) => project.store.pathOf(f.sha256)),
    ),
  );
  const env: Env = {
    project,
    plan,
    settings,
    imageCache: path.join(projectPaths(project.dir).cache, 'bind'),
    fontFile: options.fontFile ?? null,
    read: (file) => prefetch.read(file),
    signal,
  };

  const total = sections.reduce((n, s) => n + s.items.length, 0);
  let done = 0;
  const progress = (message: string) => options.onProgress?.({ step: 'export', current: done, total, message });
  const result: ExportResult = {
    outDir,
    index: path.join(outDir, INDEX_FILE_NAME),
    folders: [],
    problems: [],
    warnings: [],
  };
  const reported = new Set<string>();
  const report = (problems: ExportProblem[]) => {
    for (const p of problems) {
      const key = `${p.itemId}\u0000${p.file}`;
      if (reported.has(key)) continue;
      reported.add(key);
      result.problems.push(p);
    }
  };
  const rows: IndexRow[] = [];
  const written = new Set<string>();
  const overCap: string[] = [];

  /** Composes (and fits under the cap) items as one PDF, reporting their problems. */
  const build = async (
    items: PlanItem[],
    meta: { title: string; author: string; bookmarks: boolean },
    label: string,
  ): Promise<Composed> => {
    let composed: Omit<Composed, 'overCap'>;
    let counted = 0;
    try {
      composed = await composeItems(env, items, meta, (item) => {
        done++;
        counted++;
        progress(`正在导出《${label}》：${item.title}`);
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      // Something the page code did not foresee: these items are left out, the run goes on.
      const why = String((e as Error)?.message ?? e);
      done += items.length - counted;
      const problems = items.map((item) => ({
        itemId: item.itemId,
        title: item.title,
        file: '',
        message: `材料“${item.title}”导出时出错（${why}），未能导出。`,
      }));
      return { bytes: new Uint8Array(), pieces: [], problems, overCap: false };
    }
    report(composed.problems);
    if (composed.pieces.length === 0) return { ...composed, overCap: false };
    if (cap !== undefined && composed.bytes.byteLength > cap) progress(`正在压缩《${label}》中的图片`);
    const fitted = await underCap(composed.bytes, cap, signal);
    return { ...composed, bytes: fitted.bytes, overCap: fitted.over };
  };

  const write = (file: string, composed: Composed) => {
    signal?.throwIfAborted();
    writeExported(file, composed.bytes);
    written.add(file);
    if (composed.overCap) overCap.push(path.relative(outDir, file));
  };

  const cache = new Map<number, Composed>();
  for (const [k, section] of sections.entries()) {
    signal?.throwIfAborted();
    const ind = section.indicator;
    const dir = path.join(outDir, names[k]!);
    const folder: ExportFolder = { indicatorId: ind.id, code: ind.code, title: ind.title, dir, files: [] };
    const label = labelOf(ind);
    const seqs = new Map(section.items.map((item, i) => [item, i + 1]));
    progress(`正在导出《${label}》`);
    if (merge) {
      const composed = await build(section.items, { title: label, author: plan.unitName, bookmarks: true }, label);
      if (composed.pieces.length > 0) {
        const file = path.join(dir, `${names[k]!}.pdf`);
        write(file, composed);
        for (const piece of composed.pieces) {
          const entry: ExportedFile = {
            file,
            itemId: piece.item.itemId,
            title: piece.item.title,
            pages: piece.pages,
            bytes: composed.bytes.byteLength,
            startPage: piece.startPage,
          };
          folder.files.push(entry);
          rows.push({ folder, seq: seqs.get(piece.item)!, item: piece.item, file: entry });
        }
      }
    } else {
      const width = Math.max(2, String(section.items.length).length);
      for (const item of section.items) {
        signal?.throwIfAborted();
        let composed = cache.get(item.itemId);
        if (composed) {
          done++;
          progress(`正在导出《${label}》：${item.title}`);
        } else {
          composed = await build(
            [item],
            { title: item.title, author: item.responsible || plan.unitName, bookmarks: false },
            label,
          );
        }
        const left = uses.get(item.itemId)! - 1;
        uses.set(item.itemId, left);
        if (left > 0) cache.set(item.itemId, composed);
        else cache.delete(item.itemId);
        if (composed.pieces.length === 0) continue;
        // NN is the item's place in the indicator, so names stay put when another item fails.
        const seq = seqs.get(item)!;
        const file = path.join(
          dir,
          `${String(seq).padStart(width, '0')} ${safeFileName(item.title, FILE_TITLE_MAX)}.pdf`,
        );
        write(file, composed);
        const entry: ExportedFile = {
          file,
          itemId: item.itemId,
          title: item.title,
          pages: composed.pieces[0]!.pages,
          bytes: composed.bytes.byteLength,
          startPage: 1,
        };
        folder.files.push(entry);
        rows.push({ folder, seq, item, file: entry });
      }
    }
    if (folder.files.length > 0) result.folders.push(folder);
  }

  signal?.throwIfAborted();
  writeFileAtomic(result.index, indexWorkbook(outDir, rows, result.problems, merge));

  if (cap !== undefined) {
    const advice = merge
      ? '可以改为每件材料一个文件导出（不合并），或把这个指标的材料分几次上传。'
      : '可以把这份材料拆成几件，或换用页数更少的原件后重新导出。';
    for (const f of overCap) {
      const size = fs.statSync(path.join(outDir, f)).size;
      result.warnings.push(
        `《${f}》尽量压缩图片后仍有 ${readableSize(size)}，超过每个文件 ${readableSize(cap)} 的上限。${advice}`,
      );
    }
  }
  if (sections.length === 0) {
    result.warnings.push('没有可导出的材料：请先把材料关联到指标（已剔除和回收站中的材料不导出）。');
  }
  if (options.indicatorIds?.length && plan.empty.length > 0) {
    const list = plan.empty.slice(0, 8).map((e) => `“${labelOf(e)}”`);
    const more = plan.empty.length > 8 ? ` 等 ${plan.empty.length} 个指标` : '';
    result.warnings.push(`${list.join('、')}${more}下还没有可导出的材料。`);
  }
  const longest = [...written].reduce((n, f) => Math.max(n, f.length), 0);
  if (longest > PATH_WARN) {
    result.warnings.push(
      `有的文件路径长达 ${longest} 个字符，在 Windows 中复制、压缩或上传时可能出错。请导出到路径更短的文件夹（例如 D:\\网上申报）。`,
    );
  }
  const old = leftovers(outDir, result.folders, written);
  if (old.length > 0) {
    const list = old.slice(0, 5).map((o) => `“${o}”`);
    const more = old.length > 5 ? ` 等 ${old.length} 项` : '';
    result.warnings.push(
      `导出文件夹中还有 ${list.join('、')}${more}不是本次导出的（可能是上次导出留下的），上传前请删除，或导出到一个空文件夹。`,
    );
  }
  options.onProgress?.({ step: 'export', current: total, total, message: '导出完成' });
  return result;
}
