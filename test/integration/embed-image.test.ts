import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { embedPrepared, passthroughPng } from '../../electron/core/binder/embed-image';
import { appendContent, imageContent } from '../../electron/core/binder/raw-content';
import { tempDir } from '../helpers/temp-dir';

/** Left half red, right half blue, 200×100, with these channels. */
async function twoColourPng(channels: 3 | 4, options: { palette?: boolean; interlace?: boolean } = {}) {
  const half = (r: number, g: number, b: number) =>
    sharp({ create: { width: 100, height: 100, channels, background: { r, g, b, alpha: 1 } } })
      .png()
      .toBuffer();
  const composed = sharp({
    create: { width: 200, height: 100, channels, background: { r: 255, g: 255, b: 255, alpha: 1 } },
  }).composite([
    { input: await half(220, 20, 20), left: 0, top: 0 },
    { input: await half(20, 20, 220), left: 100, top: 0 },
  ]);
  // Compositing adds an alpha channel; the binder's own PNGs are flattened on white.
  const channelled = channels === 3 ? composed.removeAlpha() : composed.ensureAlpha();
  return channelled.png({ palette: options.palette ?? false, progressive: options.interlace ?? false }).toBuffer();
}

/** The image on a one-page PDF, drawn by poppler: the colour at two points. */
async function rendered(png: Buffer): Promise<{ left: number[]; right: number[] }> {
  const doc = await PDFDocument.create();
  const image = await embedPrepared(doc, { kind: 'png', bytes: png, width: 200, height: 100, turn: 0 });
  const page = doc.addPage([200, 100]);
  appendContent(doc, page, imageContent(page, image, { x: 0, y: 0, width: 200, height: 100, rotate: 0 }));
  const dir = tempDir('png');
  const file = path.join(dir, 'p.pdf');
  fs.writeFileSync(file, await doc.save());
  execFileSync('qpdf', ['--check', file]);
  execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', file, path.join(dir, 'out')]);
  const { data, info } = await sharp(path.join(dir, 'out.png'))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  return { left: at(50, 50), right: at(150, 50) };
}

const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 6);

describe('PNG images into the volume', () => {
  it('passes an 8-bit RGB PNG’s compressed data through, and it draws with the right colours', async () => {
    const png = await twoColourPng(3);
    const data = passthroughPng(png);
    expect(data).toMatchObject({ width: 200, height: 100, colors: 3 });
    const { left, right } = await rendered(png);
    expect(near(left, [220, 20, 20])).toBe(true);
    expect(near(right, [20, 20, 220])).toBe(true);
  });

  it('leaves PNGs with alpha, a palette or interlacing to pdf-lib, which draws them right too', async () => {
    for (const png of [
      await twoColourPng(4),
      await twoColourPng(3, { palette: true }),
      await twoColourPng(3, { interlace: true }),
    ]) {
      expect(passthroughPng(png)).toBeNull();
      const { left, right } = await rendered(png);
      expect(near(left, [220, 20, 20])).toBe(true);
      expect(near(right, [20, 20, 220])).toBe(true);
    }
  });
});
