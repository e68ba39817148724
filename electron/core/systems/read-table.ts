import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../../shared/ipc/result';

/*
 * Reads a spreadsheet the user was sent (.xlsx, old .xls, CSV in UTF-8 or GBK) into plain
 * text grids with merged cells filled, which is all the pure tree builder needs. The file
 * type is told from its bytes, not its name: offices rename files freely.
 */

export type SheetGrid = {
  name: string;
  /** Row-major text; rows[r][c] is sheet row r+1. Every cell of a merged range holds the master's text. */
  rows: string[][];
  /** Merged ranges, 0-based inclusive, as the sheet declared them (for highlighting in previews). */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
};

export type TableKind = 'xlsx' | 'xls' | 'csv';

export type Table = { fileName: string; kind: TableKind; sheets: SheetGrid[] };

/** Over this a sheet is surely not an assessment system; refuse rather than exhaust memory. */
const MAX_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 100_000;
const MAX_COLS = 200;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function readTableFile(file: string): Table {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件《${file}》。它可能已被移动或删除。`);
  }
  if (stat.size > MAX_BYTES) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `文件《${path.basename(file)}》有 ${Math.round(stat.size / 1024 / 1024)} MB，太大了，不像测评体系表。请确认选对了文件。`,
    );
  }
  return readTableBytes(path.basename(file), fs.readFileSync(file));
}

export function readTableBytes(fileName: string, bytes: Uint8Array): Table {
  if (bytes.byteLength === 0) {
    throw new AppError('UNSUPPORTED_FILE', `文件《${fileName}》是空的（0 字节）。请重新从原件另存一份。`);
  }
  if (bytes.byteLength > MAX_BYTES) {
    throw new AppError('UNSUPPORTED_FILE', `文件《${fileName}》太大了，不像测评体系表。请确认选对了文件。`);
  }
  if (startsWith(bytes, ZIP_MAGIC)) return readWorkbook(fileName, bytes, 'xlsx');
  if (startsWith(bytes, OLE_MAGIC)) return readWorkbook(fileName, bytes, 'xls');
  if (looksBinary(bytes)) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `文件《${fileName}》不是 Excel 表格或 CSV 文件。请选择 .xlsx、.xls 或 .csv 文件。`,
    );
  }
  return readCsv(fileName, decodeText(bytes));
}

/** NUL bytes never occur in UTF-8/GBK text; they do in images, PDFs and Word files. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  // UTF-16 text has many NULs too, but is recognised by its BOM first in decodeText.
  return nul > 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * CSV files from Excel on Chinese Windows are GBK ("ANSI") unless saved as "CSV UTF-8".
 * A BOM decides; otherwise strict UTF-8 is tried first (GBK text is almost never valid
 * UTF-8), then GB18030, the superset of GBK.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(fileName: string, text: string): Table {
  let wb: XLSX.WorkBook;
  try {
    // raw: keep "001" and "2026-03" as the text they are instead of guessing numbers and dates.
    wb = XLSX.read(text, { type: 'string', raw: true, dense: true });
  } catch (e) {
    throw unreadable(fileName, e);
  }
  const table = fromWorkbook(fileName, 'csv', wb);
  const first = table.sheets[0];
  if (first) first.name = path.parse(fileName).name || 'CSV';
  return table;
}

function readWorkbook(fileName: string, bytes: Uint8Array, kind: TableKind): Table {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellFormula: false, cellHTML: false });
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    if (/password|ECMA-376 Encrypted|EncryptedPackage/i.test(text)) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `表格《${fileName}》设置了打开密码，无法读取。请在 Excel 中打开它，取消密码（文件→信息→保护工作簿）后另存，再导入。`,
        { cause: e },
      );
    }
    throw unreadable(fileName, e);
  }
  return fromWorkbook(fileName, kind, wb);
}

function unreadable(fileName: string, cause: unknown): AppError {
  return new AppError(
    'UNSUPPORTED_FILE',
    `表格《${fileName}》已损坏或格式无法识别，读不出内容。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。`,
    { cause },
  );
}

function fromWorkbook(fileName: string, kind: TableKind, wb: XLSX.WorkBook): Table {
  const sheets = wb.SheetNames.map((name) => sheetGrid(fileName, name, wb.Sheets[name]!));
  if (sheets.length === 0) throw unreadable(fileName, new Error('no sheets'));
  return { fileName, kind, sheets };
}

function sheetGrid(fileName: string, name: string, ws: XLSX.WorkSheet): SheetGrid {
  const ref = ws['!ref'];
  if (!ref) return { name, rows: [], merges: [] };
  const range = XLSX.utils.decode_range(ref);
  const rowCount = range.e.r + 1;
  const colCount = Math.min(range.e.c + 1, MAX_COLS);
  if (rowCount > MAX_ROWS) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `表格《${fileName}》的工作表“${name}”有 ${rowCount} 行，超过了 ${MAX_ROWS} 行的上限。请删去无关的行后再导入。`,
    );
  }
  const dense = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const src = dense[r] ?? [];
    const row = new Array<string>(colCount);
    for (let c = 0; c < colCount; c++) row[c] = cellText(src[c]);
    rows.push(row);
  }
  const merges = (ws['!merges'] ?? []).map((m) => ({
    r1: m.s.r,
    c1: m.s.c,
    r2: m.e.r,
    c2: Math.min(m.e.c, colCount - 1),
  }));
  for (const m of merges) {
    const master = rows[m.r1]?.[m.c1] ?? '';
    for (let r = m.r1; r <= Math.min(m.r2, rowCount - 1); r++) {
      for (let c = m.c1; c <= m.c2; c++) rows[r]![c] = master;
    }
  }
  trimTrailingEmpty(rows);
  return { name, rows, merges };
}

/** The text a user sees in a cell: dates as 2026-03-05, numbers without Excel's display format. */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) return serialToIso(cell.v);
    return String(cell.v);
  }
  if (cell.t === 'b') return cell.v ? '是' : '否';
  if (cell.t === 'e') return '';
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return String(cell.v);
}

/** Excel date serial → YYYY-MM-DD, without going through a time zone. */
function serialToIso(serial: number): string {
  const d = XLSX.SSF.parse_date_code(serial);
  if (!d) return String(serial);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

/** Excel's used range often runs past the data (formatting applied to whole columns). */
function trimTrailingEmpty(rows: string[][]): void {
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  let width = 0;
  for (const row of rows) {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c]!.trim() !== '') {
        width = c + 1;
        break;
      }
    }
  }
  for (const row of rows) row.length = width;
}
