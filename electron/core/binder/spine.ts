import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../pdf/cjk-font';
import type { VolumeSettings } from './compose';
import { A4_PORTRAIT, MM } from './page-frame';
import type { BindPlan, BoundVolume } from './types';

/*
 * 卷脊: a strip per volume to cut out and slide into the spine of a binder or box, as
 * wide as the spine (20/30/40/50 mm), with 单位, 年度, 案卷题名 and 卷号 written top to
 * bottom (Chinese spines read downwards; numbers and Latin codes stay upright in one piece).
 */

const STRIP_HEIGHT = 270 * MM;
const GAP = 6 * MM;

type Segment = { text: string; size: number; font: PDFFont };

/** Characters one under another; a run of digits/Latin letters is one upright token. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.\-·]+|\S/gu) ?? [];
}

function columnHeight(text: string, size: number): number {
  return tokens(text).length * size * 1.15;
}

/** The title shortened with … so its column fits `room`. */
function cutTo(text: string, size: number, room: number): string {
  const list = tokens(text);
  const fits = Math.max(1, Math.floor(room / (size * 1.15)) - 1);
  return `${list.slice(0, fits).join('')}…`;
}

function drawVertical(page: PDFPage, s: Segment, centreX: number, top: number, width: number): number {
  let y = top - s.size;
  for (const t of tokens(s.text)) {
    let size = s.size;
    while (size > 5 && s.font.widthOfTextAtSize(t, size) > width - 4) size -= 0.5;
    const w = s.font.widthOfTextAtSize(t, size);
    page.drawText(t, { x: centreX - w / 2, y, size, font: s.font, color: rgb(0, 0, 0) });
    y -= s.size * 1.15;
  }
  return top - columnHeight(s.text, s.size);
}

export async function spineSheet(
  plan: BindPlan,
  volumes: BoundVolume[],
  settings: VolumeSettings,
  widthMm: number,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const texts = volumes.map((v) => ({
    unit: plan.unitName,
    year: `${plan.year}年度`,
    title: v.title,
    no: v.parts > 1 ? `第${v.part}卷 共${v.parts}卷` : '',
  }));
  const all = `${texts.flatMap((t) => Object.values(t)).join('')}0123456789…`;
  const regular = await embedCjkFont(doc, all, cjkFontFile('regular', settings.fontFile));
  const boldFile = cjkFontFile('bold', settings.fontFile);
  const bold =
    boldFile === cjkFontFile('regular', settings.fontFile) ? regular : await embedCjkFont(doc, all, boldFile);
  const width = widthMm * MM;
  const perPage = Math.max(1, Math.floor((A4_PORTRAIT.width - 20 * MM + GAP) / (width + GAP)));
  const left0 = (A4_PORTRAIT.width - (perPage * width + (perPage - 1) * GAP)) / 2;
  const bottom = (A4_PORTRAIT.height - STRIP_HEIGHT) / 2;
  let page: PDFPage | null = null;
  texts.forEach((t, i) => {
    if (i % perPage === 0) page = doc.addPage([A4_PORTRAIT.width, A4_PORTRAIT.height]);
    const p = page!;
    const x = left0 + (i % perPage) * (width + GAP);
    p.drawRectangle({ x, y: bottom, width, height: STRIP_HEIGHT, borderColor: rgb(0.5, 0.5, 0.5), borderWidth: 0.5 });
    const cx = x + width / 2;
    const small = Math.min(11, width * 0.4);
    let y = bottom + STRIP_HEIGHT - 8 * MM;
    y = drawVertical(p, { text: t.unit, size: small, font: regular }, cx, y, width) - 4 * MM;
    y = drawVertical(p, { text: t.year, size: small, font: regular }, cx, y, width) - 4 * MM;
    p.drawLine({ start: { x, y: y + 2 * MM }, end: { x: x + width, y: y + 2 * MM }, thickness: 0.5 });
    const footer = t.no ? columnHeight(t.no, small) + 12 * MM : 8 * MM;
    const room = y - (bottom + footer);
    let size = Math.min(18, width * 0.55);
    while (size > 7 && columnHeight(t.title, size) > room) size -= 0.5;
    // Centred in the room left; a title too long even at the smallest size is cut at the foot.
    const used = Math.min(room, columnHeight(t.title, size));
    const title = columnHeight(t.title, size) > room ? cutTo(t.title, size, room) : t.title;
    drawVertical(p, { text: title, size, font: bold }, cx, y - (room - used) / 2, width);
    if (t.no) {
      const top = bottom + columnHeight(t.no, small) + 6 * MM;
      p.drawLine({ start: { x, y: top + 2 * MM }, end: { x: x + width, y: top + 2 * MM }, thickness: 0.5 });
      drawVertical(p, { text: t.no, size: small, font: regular }, cx, top, width);
    }
  });
  doc.setTitle(`卷脊 - ${plan.systemName}`);
  doc.setAuthor(plan.unitName);
  doc.setCreator('台账通');
  doc.setProducer('台账通');
  const when = new Date(`${settings.date}T00:00:00Z`);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return saveWithCjkFonts(doc, { useObjectStreams: true });
}
