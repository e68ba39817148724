/*
 * A file's type from its first bytes. Extensions lie (a ".jpg" that is a PDF, a Word file
 * renamed by a chat app), so the name is only used to tell Office formats apart.
 */

export type FileKind = 'jpeg' | 'png' | 'tiff' | 'webp' | 'gif' | 'bmp' | 'pdf' | 'heic' | 'office' | 'unknown';

/** Pictures sharp reads itself (BMP and HEIC are converted first, see check-file.ts). */
export const IMAGE_KINDS: ReadonlySet<FileKind> = new Set(['jpeg', 'png', 'tiff', 'webp', 'gif']);

export const MIME: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  heic: 'image/heic',
  office: 'application/x-office',
  unknown: 'application/octet-stream',
};

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

/** Head = the first few KB of the file. */
export function detectKind(head: Uint8Array): FileKind {
  const b = head;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG') return 'png';
  if (
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)
  )
    return 'tiff';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  if (ascii(b, 0, 2) === 'BM' && b.length > 26) return 'bmp';
  // PDF readers accept the header anywhere in the first KB (some scanners prepend junk).
  if (ascii(b, 0, Math.min(b.length, 1024)).includes('%PDF-')) return 'pdf';
  if (ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(ascii(b, 8, 12))) return 'heic';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'office';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const text = ascii(b, 0, Math.min(b.length, 4096));
    // OOXML (docx/xlsx/pptx) and OpenDocument (odt) are zips with these first entries.
    if (/\[Content_Types\]\.xml|word\/|xl\/|ppt\/|mimetypeapplication\/vnd\.oasis/.test(text)) return 'office';
    return 'unknown';
  }
  return 'unknown';
}
