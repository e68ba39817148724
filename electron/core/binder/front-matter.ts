import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { wrapText } from '../pdf/text-wrap';
import { A4_PORTRAIT, MM, type Rect } from './page-frame';
import { addLink } from './pdf-structure';

/*
 * The pages the binder lays out itself, after GB/T 9705: 封面, 卷内目录, 卷内备考表, and the
 * optional divider before each indicator. Each is described first as a model holding every
 * string it will print (so the font can be cut to exactly those characters), then drawn.
 * They carry no page number; a 25 mm binding margin on the left.
 */

export type Fonts = { regular: PDFFont; bold: PDFFont };

const PAGE = A4_PORTRAIT;
const MARGIN = { left: 25 * MM, right: 20 * MM, top: 22 * MM, bottom: 20 * MM };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const LINE = 0.6;

/** Characters drawn by these pages whatever the data (labels, digits, punctuation). */
export const FIXED_TEXT =
  '卷内目录备考表封面序号文号责任者题名日期页号备注本情况说明立人检查时间全宗名称类目案起止保管期限件数档第共' +
  '（）［］[]…—－-：，。·、 0123456789另有条详见查漏补缺报告续';

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, x = MARGIN.left, w = WIDTH) {
  const tw = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: x + (w - tw) / 2, y, size, font, color: BLACK });
}

/** Shrinks the size until the wrapped text fits `maxLines` lines (long titles on the cover). */
function fitWrap(text: string, font: PDFFont, size: number, width: number, maxLines: number, min = 9) {
  let s = size;
  let lines = wrapText(text, font, s, width);
  while (lines.length > maxLines && s > min) {
    s -= 1;
    lines = wrapText(text, font, s, width);
  }
  return { lines: lines.slice(0, maxLines), size: s };
}

// ── 封面 ────────────────────────────────────────────────────────────────────────────

export type CoverModel = {
  /** 案卷题名 */
  title: string;
  /** Rows of the form under the title: [label, value]. */
  rows: [string, string][];
  /** 档号, shown top right when set. */
  archiveCode: string;
};

export function coverText(m: CoverModel): string {
  return [m.title, m.archiveCode, ...m.rows.flat()].join('');
}

export function drawCover(doc: PDFDocument, at: number, m: CoverModel, f: Fonts): PDFPage {
  const page = doc.insertPage(at, [PAGE.width, PAGE.height]);
  // A frame like a printed 卷皮.
  const frame = { x: MARGIN.left, y: MARGIN.bottom, width: WIDTH, height: PAGE.height - MARGIN.top - MARGIN.bottom };
  page.drawRectangle({ ...frame, borderColor: BLACK, borderWidth: 1.6 });
  page.drawRectangle({
    x: frame.x + 4,
    y: frame.y + 4,
    width: frame.width - 8,
    height: frame.height - 8,
    borderColor: BLACK,
    borderWidth: 0.5,
  });
  const top = frame.y + frame.height;
  if (m.archiveCode) {
    const label = `档号：${m.archiveCode}`;
    const w = f.regular.widthOfTextAtSize(label, 10.5);
    page.drawText(label, { x: frame.x + frame.width - 16 - w, y: top - 30, size: 10.5, font: f.regular });
  }
  centred(page, '案  卷', f.bold, 30, top - 110);
  const inner = WIDTH - 80;
  const title = fitWrap(m.title, f.bold, 22, inner, 4, 14);
  let y = top - 190;
  for (const line of title.lines) {
    centred(page, line, f.bold, title.size, y);
    y -= title.size * 1.5;
  }
  // The form: label column and value column, one ruled row each.
  const rowH = 13 * MM;
  const labelW = 30 * MM;
  const x0 = frame.x + 28;
  const x1 = x0 + labelW;
  const x2 = frame.x + frame.width - 28;
  let rowTop = frame.y + 28 + m.rows.length * rowH;
  for (const [label, value] of m.rows) {
    const base = rowTop - rowH + 13;
    const spaced = label.length === 2 ? `${label[0]}    ${label[1]}` : label;
    page.drawText(spaced, { x: x0, y: base, size: 13, font: f.bold });
    const v = fitWrap(value, f.regular, 13, x2 - x1 - 8, 1, 8);
    page.drawText(v.lines[0] ?? '', { x: x1 + 4, y: base, size: v.size, font: f.regular });
    page.drawLine({ start: { x: x1, y: base - 5 }, end: { x: x2, y: base - 5 }, thickness: LINE, color: BLACK });
    rowTop -= rowH;
  }
  return page;
}

// ── 卷内目录 ────────────────────────────────────────────────────────────────────────

export type IndexRow =
  | { kind: 'heading'; text: string; depth: number }
  /** target: the page the row links to; null for a reference to another volume (no page here). */
  | { kind: 'item'; cells: [string, string, string, string, string, string, string]; target: PDFPage | null };

export type IndexModel = {
  /** The line under the title: 案卷题名 and 卷号. */
  caption: string;
  rows: IndexRow[];
};

const COLUMNS: { title: string; width: number; align: 'left' | 'center' }[] = [
  { title: '序号', width: 26, align: 'center' },
  { title: '文号', width: 80, align: 'left' },
  { title: '责任者', width: 70, align: 'left' },
  { title: '题名', width: 0, align: 'left' },
  { title: '日期', width: 46, align: 'center' },
  { title: '页号', width: 40, align: 'center' },
  { title: '备注', width: 32, align: 'left' },
];
COLUMNS[3]!.width = WIDTH - COLUMNS.reduce((n, c) => n + c.width, 0);

export function indexText(m: IndexModel): string {
  return [
    m.caption,
    ...COLUMNS.map((c) => c.title),
    ...m.rows.flatMap((r) => (r.kind === 'heading' ? [r.text] : r.cells)),
  ].join('');
}

const CELL = { size: 9, pad: 3, leading: 12.5 };
const MAX_CELL_LINES = 12;
const TITLE_BLOCK = 20 * MM;
const HEADER_H = 20;

type LaidRow = { row: IndexRow; lines: string[][]; height: number };

/** wrapText, then any run still too wide (a long 文号 or web address) broken between characters. */
function wrapCell(text: string, font: PDFFont, size: number, width: number): string[] {
  return wrapText(text, font, size, width).flatMap((line) => {
    if (font.widthOfTextAtSize(line, size) <= width) return [line];
    const out: string[] = [];
    let current = '';
    for (const ch of line) {
      if (current && font.widthOfTextAtSize(current + ch, size) > width) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
    return [...out, current];
  });
}

function layRows(m: IndexModel, f: Fonts): LaidRow[] {
  return m.rows.map((row) => {
    if (row.kind === 'heading') {
      const indent = row.depth * 10;
      const lines = wrapCell(row.text, f.bold, CELL.size + 0.5, WIDTH - 2 * CELL.pad - indent);
      return { row, lines: [lines], height: lines.length * CELL.leading + 2 * CELL.pad };
    }
    const lines = row.cells.map((c, i) => {
      const all = c ? wrapCell(c, f.regular, CELL.size, COLUMNS[i]!.width - 2 * CELL.pad) : [''];
      // A very long 备注 must not push one row past a page.
      return all.length > MAX_CELL_LINES ? [...all.slice(0, MAX_CELL_LINES - 1), '…'] : all;
    });
    const height = Math.max(...lines.map((l) => l.length)) * CELL.leading + 2 * CELL.pad + 1;
    return { row, lines, height };
  });
}

/** How many pages the index takes (needed for page labels and numbering before drawing). */
export function indexPageCount(m: IndexModel, f: Fonts): number {
  return paginate(layRows(m, f)).length;
}

function paginate(rows: LaidRow[]): LaidRow[][] {
  const room = PAGE.height - MARGIN.top - MARGIN.bottom - TITLE_BLOCK - HEADER_H;
  const pages: LaidRow[][] = [[]];
  let used = 0;
  rows.forEach((r, i) => {
    // A heading is never left alone at the foot of a page.
    const next = rows[i + 1];
    const need = r.row.kind === 'heading' && next ? r.height + next.height : r.height;
    if (used + need > room && pages.at(-1)!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(r);
    used += r.height;
  });
  return pages;
}

/** Draws the index from page `at` on; returns its pages. */
export function drawIndex(doc: PDFDocument, at: number, m: IndexModel, f: Fonts): PDFPage[] {
  const pages = paginate(layRows(m, f));
  return pages.map((rows, p) => {
    const page = doc.insertPage(at + p, [PAGE.width, PAGE.height]);
    const top = PAGE.height - MARGIN.top;
    centred(page, '卷 内 目 录', f.bold, 18, top - 18);
    const caption = p === 0 ? m.caption : `${m.caption}（续）`;
    const c = fitWrap(caption, f.regular, 10, WIDTH, 1, 7);
    page.drawText(c.lines[0] ?? '', {
      x: MARGIN.left,
      y: top - TITLE_BLOCK + 6,
      size: c.size,
      font: f.regular,
      color: GREY,
    });
    let y = top - TITLE_BLOCK;
    // Header row.
    page.drawRectangle({
      x: MARGIN.left,
      y: y - HEADER_H,
      width: WIDTH,
      height: HEADER_H,
      color: rgb(0.92, 0.92, 0.92),
    });
    let x = MARGIN.left;
    for (const col of COLUMNS) {
      const tw = f.bold.widthOfTextAtSize(col.title, 9.5);
      page.drawText(col.title, { x: x + (col.width - tw) / 2, y: y - HEADER_H + 6.5, size: 9.5, font: f.bold });
      x += col.width;
    }
    const tableTop = y;
    y -= HEADER_H;
    page.drawLine({ start: { x: MARGIN.left, y }, end: { x: MARGIN.left + WIDTH, y }, thickness: LINE, color: BLACK });
    const columnRuns: { from: number; to: number }[] = [];
    let runFrom = tableTop;
    for (const r of rows) {
      const rowTop = y;
      y -= r.height;
      if (r.row.kind === 'heading') {
        // Headings span the table: close the column rules above them.
        columnRuns.push({ from: runFrom, to: rowTop });
        const indent = r.row.depth * 10;
        page.drawRectangle({ x: MARGIN.left, y, width: WIDTH, height: r.height, color: rgb(0.97, 0.97, 0.97) });
        r.lines[0]!.forEach((line, i) => {
          page.drawText(line, {
            x: MARGIN.left + CELL.pad + indent,
            y: rowTop - CELL.pad - (i + 1) * CELL.leading + 3.5,
            size: CELL.size + 0.5,
            font: f.bold,
          });
        });
        runFrom = y;
      } else {
        let cx = MARGIN.left;
        r.lines.forEach((lines, ci) => {
          const col = COLUMNS[ci]!;
          lines.forEach((line, li) => {
            const tw = f.regular.widthOfTextAtSize(line, CELL.size);
            const lx = col.align === 'center' ? cx + (col.width - tw) / 2 : cx + CELL.pad;
            page.drawText(line, {
              x: lx,
              y: rowTop - CELL.pad - (li + 1) * CELL.leading + 3.5,
              size: CELL.size,
              font: f.regular,
            });
          });
          cx += col.width;
        });
        if (r.row.target) addLink(doc, page, { x: MARGIN.left, y, width: WIDTH, height: r.height }, r.row.target);
      }
      page.drawLine({
        start: { x: MARGIN.left, y },
        end: { x: MARGIN.left + WIDTH, y },
        thickness: LINE,
        color: BLACK,
      });
    }
    columnRuns.push({ from: runFrom, to: y });
    // Outer frame and column rules (not through heading rows).
    page.drawLine({
      start: { x: MARGIN.left, y: tableTop },
      end: { x: MARGIN.left + WIDTH, y: tableTop },
      thickness: LINE,
      color: BLACK,
    });
    for (const edge of [MARGIN.left, MARGIN.left + WIDTH]) {
      page.drawLine({ start: { x: edge, y: tableTop }, end: { x: edge, y }, thickness: LINE, color: BLACK });
    }
    let cx = MARGIN.left;
    for (const col of COLUMNS.slice(0, -1)) {
      cx += col.width;
      for (const run of columnRuns) {
        if (run.from - run.to < 0.5) continue;
        page.drawLine({ start: { x: cx, y: run.from }, end: { x: cx, y: run.to }, thickness: LINE, color: BLACK });
      }
    }
    return page;
  });
}

// ── 卷内备考表 ──────────────────────────────────────────────────────────────────────

export type NotesModel = {
  /** 本卷情况说明, paragraph by paragraph; the list lines after `listFrom` may be cut short. */
  paragraphs: string[];
  /** Said instead of the lines that do not fit: receives how many were left out. */
  more: (left: number) => string;
  fields: [string, string][];
};

export function notesText(m: NotesModel): string {
  return [...m.paragraphs, m.more(0), ...m.fields.flat()].join('');
}

export function drawNotes(doc: PDFDocument, m: NotesModel, f: Fonts): PDFPage {
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const top = PAGE.height - MARGIN.top;
  centred(page, '卷 内 备 考 表', f.bold, 18, top - 18);
  const box: Rect = {
    x: MARGIN.left,
    y: MARGIN.bottom + 34 * MM,
    width: WIDTH,
    height: top - 36 - MARGIN.bottom - 34 * MM,
  };
  page.drawRectangle({ ...box, borderColor: BLACK, borderWidth: 0.8 });
  let y = box.y + box.height - 22;
  page.drawText('本卷情况说明：', { x: box.x + 10, y, size: 12, font: f.bold });
  y -= 24;
  const size = 10.5;
  const leading = size * 1.65;
  const lines = m.paragraphs.flatMap((p) =>
    wrapText(p, f.regular, size, box.width - 20 - 2 * size).map((l, i) => ({ l, first: i === 0 })),
  );
  const room = Math.floor((y - box.y - 10) / leading);
  const shown = lines.length > room ? lines.slice(0, Math.max(0, room - 1)) : lines;
  for (const { l, first } of shown) {
    page.drawText(l, { x: box.x + 10 + (first && !l.startsWith('·') ? 2 * size : 0), y, size, font: f.regular });
    y -= leading;
  }
  if (shown.length < lines.length) {
    // Count whole list lines left out, so the sentence says something a reader can check.
    const left = lines.slice(shown.length).filter((x) => x.l.startsWith('·')).length;
    page.drawText(m.more(left), { x: box.x + 10, y, size, font: f.regular, color: GREY });
  }
  // 立卷人 / 检查人 / 立卷时间 under the box, right half, with lines to sign on.
  let fy = box.y - 14 * MM;
  for (const [label, value] of m.fields) {
    const x = MARGIN.left + WIDTH / 2;
    page.drawText(`${label}：`, { x, y: fy, size: 12, font: f.bold });
    const lx = x + f.bold.widthOfTextAtSize(`${label}：`, 12) + 4;
    page.drawText(value, { x: lx + 4, y: fy, size: 12, font: f.regular });
    page.drawLine({
      start: { x: lx, y: fy - 4 },
      end: { x: MARGIN.left + WIDTH, y: fy - 4 },
      thickness: LINE,
      color: BLACK,
    });
    fy -= 9 * MM;
  }
  return page;
}

// ── 分隔页 ──────────────────────────────────────────────────────────────────────────

export type DividerModel = { heading: string; content: string; requirement: string; items: string[] };

export function dividerText(m: DividerModel): string {
  return [m.heading, m.content, m.requirement, ...m.items, '测评内容材料要求本节材料'].join('');
}

/** Fills a divider page made earlier in its place among the item pages. */
export function drawDivider(page: PDFPage, m: DividerModel, f: Fonts): void {
  let y = PAGE.height - MARGIN.top - 60;
  const heading = fitWrap(m.heading, f.bold, 20, WIDTH, 3, 12);
  for (const line of heading.lines) {
    centred(page, line, f.bold, heading.size, y);
    y -= heading.size * 1.5;
  }
  y -= 20;
  const block = (label: string, body: string) => {
    if (!body) return;
    page.drawText(label, { x: MARGIN.left, y, size: 12, font: f.bold });
    y -= 20;
    for (const line of wrapText(body, f.regular, 11, WIDTH).slice(0, 8)) {
      page.drawText(line, { x: MARGIN.left, y, size: 11, font: f.regular });
      y -= 17;
    }
    y -= 10;
  };
  block('测评内容', m.content);
  block('材料要求', m.requirement);
  page.drawText('本节材料', { x: MARGIN.left, y, size: 12, font: f.bold });
  y -= 20;
  for (const item of m.items) {
    if (y < MARGIN.bottom + 20) break;
    for (const line of wrapText(item, f.regular, 10.5, WIDTH).slice(0, 2)) {
      page.drawText(line, { x: MARGIN.left, y, size: 10.5, font: f.regular });
      y -= 16;
    }
  }
}
