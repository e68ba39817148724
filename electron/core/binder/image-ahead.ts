import fs from 'node:fs';
import {
  imageInfo,
  jpegHeader,
  jpegInfo,
  prepareImage,
  preparedName,
  resizeTarget,
  type ImageInfo,
  type PreparedImage,
} from './images';
import { captionText, imagePlacement, isPhotoItem } from './item-pages';
import type { FrameOptions, Size } from './page-frame';
import { pairedWithPrevious } from './plan';
import type { PlanSection } from './types';

/*
 * Remakes a volume's large photos a few pages ahead of their turn, two at a time, while
 * pages are assembled (one after another, inside the page loop, one of two cores idled and
 * a cold bind of phone photos took three times as long as a warm one). The look-ahead works
 * out exactly what the page loop will ask for (same ImageInfo, same placement through
 * imagePlacement, same remade size through resizeTarget) and keeps the work in flight by
 * that key, so the page loop awaits the same promise instead of starting a second resize.
 * A failure ahead is kept for the page loop, which reports it as it always did; work never
 * asked for is dropped quietly. Output is unchanged: the page loop still embeds in order.
 */

/** What the page loop asks for: prepareImage's arguments. */
export type PrepareJob = {
  file: string;
  sha256: string;
  page: number;
  info: ImageInfo;
  userTurn: number;
  placed: Size;
  multiPage: boolean;
};

/** One image page of a volume, in binding order, as the look-ahead sees it. */
export type AheadPage = {
  file: string;
  sha256: string;
  mime: string;
  page: number;
  pageCount: number;
  userTurn: number;
  photo: boolean;
  hasCaption: boolean;
};

export type ImagePreparerOptions = {
  cacheDir: string;
  frame: FrameOptions;
  signal?: AbortSignal;
  /** Images remade at once. */
  concurrency?: number;
  /** Image pages looked at ahead of the one being laid out. */
  ahead?: number;
};

/** Enough of a JPEG for its header (EXIF with thumbnail, ICC, then SOF) nearly always. */
const HEAD_BYTES = 256 * 1024;

/**
 * The image pages of a volume's sections in the order they are bound, leaving out photos
 * laid out two to a page (their size depends on the pair; they are made when their page is).
 */
export function aheadPages(
  sections: readonly PlanSection[],
  photosPerPage: 1 | 2,
  pathOf: (sha256: string) => string,
): AheadPage[] {
  const out: AheadPage[] = [];
  for (const section of sections) {
    const paired = pairedWithPrevious(section.items, photosPerPage);
    const live = section.items.filter((i) => !i.seeAlso);
    live.forEach((item, k) => {
      const next = live[k + 1];
      if (paired.has(item) || (next && paired.has(next))) return;
      const photo = isPhotoItem(item);
      const hasCaption = captionText(item) !== '';
      for (const f of item.files) {
        if (!f.mime.startsWith('image/') || f.mime === 'image/heic') continue;
        for (let page = 1; page <= f.pageCount; page++) {
          out.push({
            file: pathOf(f.sha256),
            sha256: f.sha256,
            mime: f.mime,
            page,
            pageCount: f.pageCount,
            userTurn: f.rotation,
            photo,
            hasCaption,
          });
        }
      }
    });
  }
  return out;
}

/** The same ImageInfo the page loop gets (item-pages.ts imagePages). */
async function infoOf(p: AheadPage): Promise<ImageInfo> {
  if (p.mime === 'image/jpeg' && p.pageCount === 1) {
    const fh = await fs.promises.open(p.file, 'r');
    let head: Buffer;
    let whole: boolean;
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
      head = buf.subarray(0, bytesRead);
      whole = bytesRead < HEAD_BYTES;
    } finally {
      await fh.close();
    }
    let header = jpegHeader(head);
    if (!header && !whole) header = jpegHeader(await fs.promises.readFile(p.file));
    const info = header && jpegInfo(header, p.userTurn);
    if (info) return info;
  }
  return imageInfo(p.file, p.page, p.userTurn);
}

const keyOf = (sha256: string, page: number, target: Parameters<typeof preparedName>[2], userTurn: number) =>
  `${preparedName(sha256, page, target)}@${userTurn}`;

/** `work`, or the signal's reason as soon as it is aborted. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class ImagePreparer {
  /** Remakes started or queued, by cache name and user turn, with how many pages ahead will ask for each. */
  private readonly inFlight = new Map<string, { work: Promise<PreparedImage>; wanted: number }>();
  /** Per look-ahead page (index): settles once its remake, if any, is in `inFlight`. Never rejects. */
  private readonly keying = new Map<number, Promise<void>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private cursor = 0;
  private closed = false;
  private readonly concurrency: number;
  private readonly ahead: number;

  constructor(
    private readonly pages: readonly AheadPage[],
    private readonly options: ImagePreparerOptions,
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.ahead = options.ahead ?? 4;
    this.lookAhead();
  }

  /** Stops starting work; what is queued is dropped, what runs finishes into the cache. */
  close(): void {
    this.closed = true;
    // Queued look-ahead settles now (rejected, and already caught), so nothing is left hanging.
    for (const run of this.queue.splice(0)) run();
    this.inFlight.clear();
    this.keying.clear();
  }

  private get stopped(): boolean {
    return this.closed || (this.options.signal?.aborted ?? false);
  }

  /** Runs `work` when a slot is free; `urgent` (the page loop waits for it) goes first. */
  private slot<T>(work: () => Promise<T>, urgent: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        if (!urgent && this.stopped) {
          reject(new Error('image look-ahead stopped'));
          return;
        }
        this.running++;
        work()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.pump();
          });
      };
      if (urgent) this.queue.unshift(run);
      else this.queue.push(run);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) this.queue.shift()!();
  }

  private lookAhead(): void {
    const end = Math.min(this.pages.length, this.cursor + this.ahead);
    for (let i = this.cursor; i < end; i++) this.plan(i);
  }

  private plan(index: number): void {
    if (this.keying.has(index) || this.stopped) return;
    const p = this.pages[index]!;
    const keyed = (async () => {
      const info = await infoOf(p);
      if (this.stopped) return;
      // The placed size does not depend on the page number (see imagePlacement).
      const { placed } = imagePlacement(info.display, p.photo, p.hasCaption, 1, this.options.frame);
      const multiPage = p.pageCount > 1;
      const target = resizeTarget(info, p.userTurn, placed, multiPage);
      if (!target) return;
      const key = keyOf(p.sha256, p.page, target, p.userTurn);
      const known = this.inFlight.get(key);
      // The same image again (an item bound in two places): one remake, asked for twice.
      if (known) {
        known.wanted++;
        return;
      }
      const { cacheDir } = this.options;
      const work = this.slot(
        () => prepareImage(p.file, p.sha256, p.page, info, p.userTurn, placed, cacheDir, multiPage),
        false,
      );
      // Kept for the page loop to see; never an unhandled rejection when it is not asked for.
      work.catch(() => undefined);
      this.inFlight.set(key, { work, wanted: 1 });
    })().catch(() => undefined); // the page loop finds the same fault itself and reports it
    this.keying.set(index, keyed);
  }

  /** prepareImage for the page loop: the look-ahead's work when it has it, else made now. */
  async prepare(job: PrepareJob, original?: Uint8Array): Promise<PreparedImage> {
    const { signal, cacheDir } = this.options;
    let at = -1;
    for (let i = this.cursor; i < this.pages.length; i++) {
      const p = this.pages[i]!;
      if (p.sha256 === job.sha256 && p.page === job.page) {
        at = i;
        break;
      }
    }
    if (at >= 0) this.cursor = at + 1;
    const keyed = at >= 0 ? this.keying.get(at) : undefined;
    if (at >= 0) this.keying.delete(at);
    this.lookAhead();
    const target = resizeTarget(job.info, job.userTurn, job.placed, job.multiPage);
    const make = () =>
      prepareImage(
        job.file,
        job.sha256,
        job.page,
        job.info,
        job.userTurn,
        job.placed,
        cacheDir,
        job.multiPage,
        original,
      );
    // Embedded as it is: nothing to remake.
    if (!target) return make();
    if (keyed) await keyed;
    const key = keyOf(job.sha256, job.page, target, job.userTurn);
    const entry = this.inFlight.get(key);
    if (entry && --entry.wanted <= 0) this.inFlight.delete(key);
    const ahead = entry?.work;
    return abortable(ahead ?? this.slot(make, true), signal);
  }
}
