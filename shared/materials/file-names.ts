import { toHalfWidth } from '../systems/normalize';

/*
 * What a file's name tells about the document: a title without numbering and extension,
 * a document number (文号) and a date. Names arrive messy: "IMG_20240315_093012.jpg",
 * "3.关于开展志愿服务活动的通知（固卫字[2019]142号）.docx", "微信图片_20240315.jpg".
 */

/** Names cameras and chat apps give files: they say nothing about the document. */
const MACHINE_NAME =
  /^(?:IMG|DSC|DSCN|DCIM|PXL|MVIMG|VID|Screenshot|微信图片|mmexport|wx_camera|QQ图片|截图|扫描件|Scan|image)[_\-\s]?[\d_\-\s]*$/i;

/** The name without extension, numbering prefixes ("1.", "（三）", "01-") and stray spaces. */
export function titleFromFileName(fileName: string): { title: string; madeUp: boolean } {
  const base =
    fileName
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .pop() ?? fileName;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const cleaned = toHalfWidth(stem)
    .replace(
      /^\s*(?:\d{1,3}[.、\-_\s]+|[（(][一二三四五六七八九十\d]+[)）]\s*|[一二三四五六七八九十]+、\s*|第[一二三四五六七八九十\d]+[条项]\s*)/,
      '',
    )
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned || MACHINE_NAME.test(cleaned)) return { title: cleaned || stem.trim() || base, madeUp: true };
  return { title: cleaned, madeUp: false };
}

/** 固卫字[2019]142号, 〔2020〕5号, 旬创办函字【2021】28号, 文明办发(2022)3号. */
const DOC_NO =
  /([\u4e00-\u9fa5A-Za-z]{0,12}?[字发函办]?\s*[[〔【(（]\s*(?:19|20)\d{2}\s*[\]〕】)）]\s*第?\s*\d{1,4}\s*号)/;

export function parseDocNo(text: string): string {
  const m = toHalfWidth(text).match(DOC_NO);
  if (!m) return '';
  return m[1]!.replace(/\s+/g, '').replace(/^[（(]/, '');
}

export type DateGuess = { date: string; source: 'exif' | 'filename' | 'pdf' | 'text' };

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** A date written in a file name: 20240315, 2024.3.15, 2024-03-15, 2024_03_15, 2024年3月15日. */
export function dateFromName(fileName: string): string | null {
  const s = toHalfWidth(fileName);
  const spelled = s.match(/((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/);
  if (spelled) return valid(Number(spelled[1]), Number(spelled[2]), Number(spelled[3]));
  const separated = s.match(/(?<!\d)((?:19|20)\d{2})[.\-_/](\d{1,2})[.\-_/](\d{1,2})(?!\d)/);
  if (separated) return valid(Number(separated[1]), Number(separated[2]), Number(separated[3]));
  const compact = s.match(/(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
}
