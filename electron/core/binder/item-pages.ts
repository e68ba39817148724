import fs from 'node:fs';
import { degrees, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Project } from '../project/project';
import { embedPrepared } from './embed-image';
import { imageInfo, jpegHeader, jpegInfo, prepareImage, turnedPlacement, type ImageInfo } from './images';
import {
  A4_LANDSCAPE,
  A4_PORTRAIT,
  fit,
  frameFor,
  fromDisplay,
  inset,
  MM,
  toDisplay,
  type FrameOptions,
  type PageFrame,
  type Rect,
  type Size,
} from './page-frame';
import type { ImagePreparer } from './image-ahead';
import { dropInternalLinks } from './pdf-structure';
import { appendContent, imageContent } from './raw-content';
import type { PlanFile, PlanItem } from './types';

/*
 * An item's pages in the volume. PDF pages (born-digital, scans, Office files through their
 * converted PDF) are copied whole (one copyPages per source) and their content scaled into
 * the page's safe area, keeping the binding margin and number band free; existing /Rotate
 * and the user's turn are kept as page rotation, so text stays text and landscape stays
 * landscape. Photos and scans are laid out one per A4 page, or two photos to a page (one
 * above the other) when asked. Text (numbers, captions) is drawn later, once every string
 * of the volume is known and the font is cut to them.
 */

/** A page that gets a stamped number (and perhaps a caption) once the font exists. */
export type ItemPage = {
  page: PDFPage;
  number: number;
  frame: PageFrame;
  /** The page's /Rotate: text is drawn turned back so it reads upright. */
  rotation: number;
  caption: { rect: Rect; text: string } | null;
};

export type FileProblem = { file: string; message: string };

/** A file that cannot be bound, with the sentence that says why and what to do. */
class Unbindable extends Error {}

export type ItemPagesResult = { pages: ItemPage[]; problems: FileProblem[]; photos: number };

/** Room under a photo for its caption (时间、地点、人物、事由). */
const CAPTION_HEIGHT = 38 * MM;
/** Space kept around laid-out content inside the safe area. */
const LAYOUT_INSET = 15 * MM;

export function captionText(item: PlanItem): string {
  const c = item.caption;
  return [
    c.time && `时间：${c.time}`,
    c.place && `地点：${c.place}`,
    c.people && `人物：${c.people}`,
    c.subject && `事由：${c.subject}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Photos get the photo layout (top of the page, caption below); other images (scans) fill the page. */
export function isPhotoItem(item: PlanItem): boolean {
  return item.type.includes('照片') || captionText(item) !== '';
}

/**
 * A photo item that may share its page with another (photosPerPage 2): one image, one
 * page. Several photos of one item (an activity's set) or anything else keep whole pages.
 */
export function sharesPhotoPage(item: PlanItem): boolean {
  const file = item.files.length === 1 ? item.files[0]! : null;
  return (
    file !== null &&
    file.pageCount === 1 &&
    file.mime.startsWith('image/') &&
    file.mime !== 'image/heic' &&
    isPhotoItem(item)
  );
}

const popStreams = new WeakMap<PDFDocument, PDFRef>();
/** One shared "Q" stream per document closes every wrapped page. */
function popStream(doc: PDFDocument): PDFRef {
  let ref = popStreams.get(doc);
  if (!ref) {
    ref = doc.context.register(doc.context.stream('\nQ\n'));
    popStreams.set(doc, ref);
  }
  return ref;
}

const norm = (deg: number) => (((Math.round(deg / 90) * 90) % 360) + 360) % 360;

/**
 * Moves a copied page onto an A4 page of its orientation: content scaled (never enlarged)
 * into the safe area, annotations moved with it, boxes reset. Returns its frame.
 */
function placeCopiedPage(doc: PDFDocument, page: PDFPage, userTurn: number, n: number, options: FrameOptions) {
  const box = page.getCropBox();
  const r = norm(page.getRotation().angle + userTurn);
  const shown = r % 180 ? { width: box.height, height: box.width } : { width: box.width, height: box.height };
  const size = shown.width > shown.height ? A4_LANDSCAPE : A4_PORTRAIT;
  const frame = frameFor(size, n, options);
  const placed = fit(shown, frame.safe, 1);
  const s = placed.scale;
  // New media box in user space (before /Rotate).
  const [uw, uh] = r % 180 ? [size.height, size.width] : [size.width, size.height];
  // The map is user → display (old) → scaled and moved → user (new); the turn cancels out,
  // leaving a scale by s and a shift, found from where the old origin lands.
  const [ox, oy] = toDisplay(r, box.width, box.height, -box.x, -box.y);
  const [tx, ty] = fromDisplay(r, uw, uh, placed.x + s * ox, placed.y + s * oy);
  const ctx = doc.context;
  page.node.normalize();
  // Plain streams: a few bytes each, where deflating costs more than it saves (raw-content.ts).
  const cm = [s, 0, 0, s, tx, ty].map((v) => String(Number(v.toFixed(5)))).join(' ');
  page.node.wrapContentStreams(ctx.register(ctx.stream(`q ${cm} cm\n`)), popStream(doc));
  const annots = page.node.Annots();
  for (let i = 0; annots && i < annots.size(); i++) {
    const annot = annots.lookupMaybe(i, PDFDict);
    for (const key of ['Rect', 'QuadPoints']) {
      const arr = annot?.lookupMaybe(PDFName.of(key), PDFArray);
      if (!arr) continue;
      const nums = arr.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0));
      annot!.set(PDFName.of(key), ctx.obj(nums.map((v, k) => (k % 2 === 0 ? s * v + tx : s * v + ty))));
    }
  }
  for (const key of ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox']) page.node.delete(PDFName.of(key));
  page.setMediaBox(0, 0, uw, uh);
  page.setRotation(degrees(r));
  return { frame, rotation: r };
}

export type ItemPagesContext = {
  project: Project;
  doc: PDFDocument;
  frame: FrameOptions;
  /** Where downscaled images are cached (project cache). */
  imageCache: string;
  signal?: AbortSignal;
  /** Called once per page added. */
  onPage?: () => void;
  /** Reads a stored file (ahead of time when it can). */
  read: (file: string) => Promise<Buffer>;
  /** Remakes images, a few ahead of their turn; without it each is made when its page is. */
  images?: ImagePreparer;
};

const PROBLEM = {
  missing: (n: string) =>
    `《${n}》的存档文件不见了（可能被删除或移动），这份文件未能装订。请先运行“校验项目”，再重新添加这份材料。`,
  pdf: (n: string) => `PDF《${n}》已损坏或不完整，无法读取，未能装订。请重新添加原件。`,
  encrypted: (n: string) => `PDF《${n}》已加密，未能装订。请在材料中输入密码解密后再装订。`,
  image: (n: string) => `图片《${n}》已损坏或格式不支持，无法读取，未能装订。请重新导出这张图片后再添加。`,
  heic: (n: string) => `《${n}》是 HEIC 照片，还没有转换为 JPEG，未能装订。请重新添加这张照片。`,
  office: (n: string) =>
    `《${n}》是 Word/WPS/Excel 文件，还没有转换为 PDF，未能装订。请安装 LibreOffice 后重新添加这份文件。`,
  other: (n: string) => `《${n}》不是可以装订的文件类型，未能装订。`,
};

async function pdfPages(ctx: ItemPagesContext, file: PlanFile, first: number): Promise<ItemPage[]> {
  const name = file.originalName;
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(await ctx.read(ctx.project.store.pathOf(file.sha256)), { updateMetadata: false });
  } catch (e) {
    const encrypted = (e as Error)?.constructor?.name === 'EncryptedPDFError' || /encrypt/i.test(String(e));
    throw new Unbindable(encrypted ? PROBLEM.encrypted(name) : PROBLEM.pdf(name));
  }
  if (source.getPageCount() === 0) throw new Unbindable(PROBLEM.pdf(name));
  dropInternalLinks(source);
  let copied: PDFPage[];
  try {
    copied = await ctx.doc.copyPages(source, source.getPageIndices());
  } catch {
    throw new Unbindable(PROBLEM.pdf(name));
  }
  return copied.map((page, i) => {
    ctx.doc.addPage(page);
    const { frame, rotation } = placeCopiedPage(ctx.doc, page, file.rotation, first + i, ctx.frame);
    ctx.onPage?.();
    return { page, number: first + i, frame, rotation, caption: null };
  });
}

/**
 * Where one image page's picture (and caption) goes on page `n`: photos on portrait pages
 * above their caption; a landscape scan on a landscape page. Pure, and the placed size does
 * not depend on `n` (only the side of the binding margin does), so the look-ahead
 * (ImagePreparer) can work out the same remade size before the page number is known.
 */
export function imagePlacement(
  display: Size,
  photo: boolean,
  hasCaption: boolean,
  n: number,
  options: FrameOptions,
): { size: Size; frame: PageFrame; placed: Rect; captionRect: Rect | null } {
  const size = !photo && display.width > display.height ? A4_LANDSCAPE : A4_PORTRAIT;
  const frame = frameFor(size, n, options);
  const area = inset(frame.safe, LAYOUT_INSET);
  if (!photo) return { size, frame, placed: fit(display, area), captionRect: null };
  const room = hasCaption ? { ...area, y: area.y + CAPTION_HEIGHT, height: area.height - CAPTION_HEIGHT } : area;
  const f = fit(display, room);
  const placed = { ...f, y: room.y + room.height - f.height };
  const captionRect = hasCaption
    ? {
        x: area.x,
        y: placed.y - 4 * MM - (CAPTION_HEIGHT - 6 * MM),
        width: area.width,
        height: CAPTION_HEIGHT - 6 * MM,
      }
    : null;
  return { size, frame, placed, captionRect };
}

async function imagePages(
  ctx: ItemPagesContext,
  item: PlanItem,
  file: PlanFile,
  first: number,
  caption: string,
): Promise<ItemPage[]> {
  const stored = ctx.project.store.pathOf(file.sha256);
  const photo = isPhotoItem(item);
  const out: ItemPage[] = [];
  // A single JPEG (nearly every photo and scan) is read once and its header parsed here.
  let original: Buffer | undefined;
  let jpeg: ImageInfo | null = null;
  if (file.mime === 'image/jpeg' && file.pageCount === 1) {
    original = await ctx.read(stored);
    // pdf-lib reads the header from the start of the buffer's memory: give it its own.
    if (original.byteOffset !== 0) original = Buffer.from(original);
    const header = jpegHeader(original);
    jpeg = header && jpegInfo(header, file.rotation);
  }
  for (let p = 1; p <= file.pageCount; p++) {
    ctx.signal?.throwIfAborted();
    const n = first + out.length;
    let info: ImageInfo;
    try {
      info = jpeg ?? (await imageInfo(stored, p, file.rotation));
    } catch {
      throw new Unbindable(PROBLEM.image(file.originalName));
    }
    const { size, frame, placed, captionRect } = imagePlacement(info.display, photo, caption !== '', n, ctx.frame);
    let image;
    try {
      const job = {
        file: stored,
        sha256: file.sha256,
        page: p,
        info,
        userTurn: file.rotation,
        placed,
        multiPage: file.pageCount > 1,
      };
      image = ctx.images
        ? await ctx.images.prepare(job, original)
        : await prepareImage(
            stored,
            file.sha256,
            p,
            info,
            file.rotation,
            placed,
            ctx.imageCache,
            file.pageCount > 1,
            original,
          );
    } catch {
      // Cancelled while waiting for it: that, not a bad image.
      ctx.signal?.throwIfAborted();
      throw new Unbindable(PROBLEM.image(file.originalName));
    }
    const embedded = await embedPrepared(ctx.doc, image);
    const page = ctx.doc.addPage([size.width, size.height]);
    const at = turnedPlacement(placed, image.turn);
    appendContent(ctx.doc, page, imageContent(page, embedded, at));
    out.push({
      page,
      number: n,
      frame,
      rotation: 0,
      caption: captionRect ? { rect: captionRect, text: caption } : null,
    });
    ctx.onPage?.();
  }
  return out;
}

/** Room under each of two photos on a page for its caption (four lines fit). */
const PAIR_CAPTION_HEIGHT = 28 * MM;
/** Space between the upper photo's caption and the lower photo. */
const PAIR_GAP = 8 * MM;

/**
 * Two single-image photo items on one portrait page numbered `n`, the first in the upper
 * half, each fitted upright above its caption; one ItemPage per item, both for the same
 * page. Null when either cannot be read: the caller binds them one by one instead, so the
 * reason is reported the usual way and the readable one still gets its page.
 */
export async function addPhotoPair(
  ctx: ItemPagesContext,
  items: readonly [PlanItem, PlanItem],
  n: number,
): Promise<ItemPage[] | null> {
  const frame = frameFor(A4_PORTRAIT, n, ctx.frame);
  const area = inset(frame.safe, LAYOUT_INSET);
  const half = (area.height - PAIR_GAP) / 2;
  const slots: Rect[] = [
    { x: area.x, y: area.y + half + PAIR_GAP, width: area.width, height: half },
    { x: area.x, y: area.y, width: area.width, height: half },
  ];
  const prepared: { image: Awaited<ReturnType<typeof prepareImage>>; placed: Rect; caption: ItemPage['caption'] }[] =
    [];
  for (const [i, item] of items.entries()) {
    ctx.signal?.throwIfAborted();
    const file = item.files[0]!;
    const stored = ctx.project.store.pathOf(file.sha256);
    const slot = slots[i]!;
    try {
      if (!fs.existsSync(stored)) return null;
      let original: Buffer | undefined;
      let info: ImageInfo | null = null;
      if (file.mime === 'image/jpeg') {
        original = await ctx.read(stored);
        if (original.byteOffset !== 0) original = Buffer.from(original);
        const header = jpegHeader(original);
        info = header && jpegInfo(header, file.rotation);
      }
      info ??= await imageInfo(stored, 1, file.rotation);
      const text = captionText(item);
      const room = text
        ? { ...slot, y: slot.y + PAIR_CAPTION_HEIGHT, height: slot.height - PAIR_CAPTION_HEIGHT }
        : slot;
      const f = fit(info.display, room);
      const placed = { ...f, y: room.y + room.height - f.height };
      const rect = {
        x: slot.x,
        y: placed.y - 3 * MM - (PAIR_CAPTION_HEIGHT - 5 * MM),
        width: slot.width,
        height: PAIR_CAPTION_HEIGHT - 5 * MM,
      };
      const image = await prepareImage(
        stored,
        file.sha256,
        1,
        info,
        file.rotation,
        placed,
        ctx.imageCache,
        false,
        original,
      );
      prepared.push({ image, placed, caption: text ? { rect, text } : null });
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      return null;
    }
  }
  const page = ctx.doc.addPage([A4_PORTRAIT.width, A4_PORTRAIT.height]);
  for (const p of prepared) {
    const embedded = await embedPrepared(ctx.doc, p.image);
    appendContent(ctx.doc, page, imageContent(page, embedded, turnedPlacement(p.placed, p.image.turn)));
  }
  ctx.onPage?.();
  return prepared.map((p) => ({ page, number: n, frame, rotation: 0, caption: p.caption }));
}

/**
 * Adds an item's files as pages numbered from `first`. A file that cannot be read is left
 * out with its reason; the rest of the item is still bound.
 */
export async function addItemPages(ctx: ItemPagesContext, item: PlanItem, first: number): Promise<ItemPagesResult> {
  const pages: ItemPage[] = [];
  const problems: FileProblem[] = [];
  let photos = 0;
  const caption = captionText(item);
  if (item.files.length === 0) {
    problems.push({ file: '', message: `材料“${item.title}”没有任何文件，未能装订。` });
  }
  for (const file of item.files) {
    ctx.signal?.throwIfAborted();
    const name = file.originalName;
    try {
      if (!fs.existsSync(ctx.project.store.pathOf(file.sha256))) throw new Unbindable(PROBLEM.missing(name));
      const n = first + pages.length;
      if (file.mime === 'application/pdf') pages.push(...(await pdfPages(ctx, file, n)));
      else if (file.mime === 'image/heic') throw new Unbindable(PROBLEM.heic(name));
      else if (file.mime.startsWith('image/')) {
        const added = await imagePages(ctx, item, file, n, caption);
        if (isPhotoItem(item)) photos += added.length;
        pages.push(...added);
      } else if (file.mime === 'application/x-office') throw new Unbindable(PROBLEM.office(name));
      else throw new Unbindable(PROBLEM.other(name));
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      const message =
        e instanceof Unbindable
          ? e.message
          : `《${name}》无法读取（${String((e as Error)?.message ?? e)}），未能装订。`;
      problems.push({ file: name, message });
    }
  }
  return { pages, problems, photos };
}
