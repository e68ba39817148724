import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cjkFontFile, embedCjkFont } from '../../electron/core/pdf/cjk-font';
import { wrapText } from '../../electron/core/pdf/text-wrap';

describe('Chinese text in PDFs', () => {
  it('wraps between characters, keeps Latin words and numbers whole, and never starts a line with closing punctuation', async () => {
    const doc = await PDFDocument.create();
    const text =
      '2025年第3季度缺少会议记录：至少1件，现有0件。请在“测评期间”内召开创建工作领导小组会议，并上传会议纪要（含签到表）、照片和简报，文号如固卫字[2019]142号。';
    const font = await embedCjkFont(doc, text, cjkFontFile('regular'));
    const width = 120;
    const lines = wrapText(text, font, 10, width);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).toBe(text);
    for (const l of lines) {
      expect('，。、；：）”'.includes(l[0]!)).toBe(false);
      expect('（“'.includes(l.at(-1)!)).toBe(false);
      // At most one punctuation mark may hang past the edge.
      expect(font.widthOfTextAtSize(l.slice(0, -1), 10)).toBeLessThanOrEqual(width);
    }
    // A number or a Latin word is never cut in two.
    for (let i = 1; i < lines.length; i++) {
      expect(/[A-Za-z0-9]$/.test(lines[i - 1]!) && /^[A-Za-z0-9]/.test(lines[i]!)).toBe(false);
    }
  });
});
