import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/*
 * Draws the app icon (a rounded blue square with a white ledger book) and writes
 * build/icon.png (512×512) and build/icon.ico (16–256, see ICO_SIZES). Run: npx tsx build/make-icons.ts
 *
 * No image library is needed on the build machine: shapes are rasterised here with
 * supersampled coverage, PNG is encoded with node:zlib, and the .ico is assembled by hand.
 * The generated files are committed; rerun this only to change the design.
 */

type Rgba = [number, number, number, number];
type Shape = { inside: (x: number, y: number) => boolean; color: (x: number, y: number) => Rgba };

/** The design lives on a 512×512 canvas; every output size samples it. */
const CANVAS = 512;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

const hex = (h: string, a = 255): Rgba => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  a,
];
const solid = (c: Rgba) => (): Rgba => c;
const mix = (a: Rgba, b: Rgba, t: number): Rgba => a.map((v, i) => v + ((b[i] ?? 0) - v) * t) as Rgba;

// Painted back to front.
const SHAPES: Shape[] = [
  // Background tile: a vertical blue gradient.
  {
    inside: roundedRect(24, 24, 488, 488, 104),
    color: (_x, y) => mix(hex('#3b82f6'), hex('#1d4ed8'), (y - 24) / 464),
  },
  // Book shadow, then the book.
  { inside: roundedRect(146, 118, 390, 420, 28), color: solid(hex('#0f2f7a', 90)) },
  { inside: roundedRect(132, 100, 376, 404, 28), color: solid(hex('#ffffff')) },
  // Spine.
  { inside: roundedRect(132, 100, 190, 404, 28), color: solid(hex('#dbe7ff')) },
  { inside: (x, y) => x >= 176 && x <= 190 && y >= 100 && y <= 404, color: solid(hex('#dbe7ff')) },
  // Ledger rows.
  { inside: roundedRect(222, 160, 340, 184, 12), color: solid(hex('#2563eb')) },
  { inside: roundedRect(222, 222, 340, 246, 12), color: solid(hex('#2563eb')) },
  { inside: roundedRect(222, 284, 304, 308, 12), color: solid(hex('#2563eb')) },
  // A green tick: "查漏补缺" done.
  {
    inside: (x, y) => nearSegment(x, y, 300, 340, 328, 368, 16) || nearSegment(x, y, 328, 368, 388, 296, 16),
    color: solid(hex('#16a34a')),
  },
];

function nearSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number, r: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= r * r;
}

/** "Over" compositing of one colour onto another, both straight (non-premultiplied) alpha. */
function over(dst: Rgba, src: Rgba): Rgba {
  const sa = src[3] / 255;
  const da = dst[3] / 255;
  const a = sa + da * (1 - sa);
  if (a === 0) return [0, 0, 0, 0];
  const c = (i: number) => ((src[i] ?? 0) * sa + (dst[i] ?? 0) * da * (1 - sa)) / a;
  return [c(0), c(1), c(2), a * 255];
}

/** RGBA pixels (straight alpha) of the icon at `size`×`size`. */
function render(size: number): Buffer {
  // More samples for small sizes, where each pixel covers a large part of the design.
  const grid = size <= 64 ? 8 : size <= 256 ? 4 : 3;
  const scale = CANVAS / size;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied samples so transparent edges do not darken.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const x = (px + (sx + 0.5) / grid) * scale;
          const y = (py + (sy + 0.5) / grid) * scale;
          let c: Rgba = [0, 0, 0, 0];
          for (const shape of SHAPES) if (shape.inside(x, y)) c = over(c, shape.color(x, y));
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const n = grid * grid;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      out[i] = alpha ? Math.round(r / a) : 0;
      out[i + 1] = alpha ? Math.round(g / a) : 0;
      out[i + 2] = alpha ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // Bytes 10–12 (compression, filter, interlace) stay 0.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A classic 32-bit DIB icon image (BITMAPINFOHEADER, bottom-up BGRA, then an AND mask).
 * Small sizes use this rather than PNG because some Windows tools (older NSIS, resource
 * editors) only read DIB entries; the 256 entry is PNG as Windows Vista+ expects.
 */
function encodeDib(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // height covers the XOR and AND bitmaps together
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = ((size - 1 - y) * size + x) * 4;
      pixels[dst] = rgba[src + 2] ?? 0;
      pixels[dst + 1] = rgba[src + 1] ?? 0;
      pixels[dst + 2] = rgba[src] ?? 0;
      pixels[dst + 3] = rgba[src + 3] ?? 0;
    }
  }
  // AND mask rows are padded to 32 bits; all zero because the alpha channel does the masking.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, pixels, mask]);
}

function encodeIco(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size; // 0 means 256
    e[1] = size >= 256 ? 0 : size;
    e[2] = 0; // palette colours
    e[3] = 0;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    entries.push(e);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

/**
 * Windows picks the entry for each place and scaling without resampling when it can: 16/32/48
 * at 100 %, 20/40/64 at 125 %, 24/48/72→96 at 150 % (users here run 125–150 %), 256 for large
 * Explorer views. Missing sizes would be scaled down from the next one and look blurred.
 */
const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 96];

const here = path.dirname(fileURLToPath(import.meta.url));

fs.writeFileSync(path.join(here, 'icon.png'), encodePng(render(512), 512));
fs.writeFileSync(
  path.join(here, 'icon.ico'),
  encodeIco([
    ...ICO_SIZES.map((size) => ({ size, data: encodeDib(render(size), size) })),
    { size: 256, data: encodePng(render(256), 256) },
  ]),
);
console.log('已生成 build/icon.png 与 build/icon.ico');
