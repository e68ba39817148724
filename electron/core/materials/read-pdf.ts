import { decryptPdf } from './pdf-decrypt';
import { pdfPageTexts } from './pdf-reader';
import { FileProblem, inspectPdfBytes, type Inspection } from './inspect-file';

/*
 * Everything the importer takes from a PDF: pages and date (pdf-lib), a decrypted copy
 * when the file is encrypted (qpdf), and each page's text for search (pdf.js).
 */

export type ReadPdf = {
  info: Inspection;
  /** The decrypted copy to read instead of the original (null when the original is readable). */
  decrypted: Uint8Array | null;
  /** Text per page; empty strings for pages that are pictures (scans: OCR may fill them later). */
  texts: string[];
};

export async function readPdf(bytes: Uint8Array, name: string, password?: string): Promise<ReadPdf> {
  let decrypted: Uint8Array | null = null;
  let info: Inspection;
  try {
    info = await inspectPdfBytes(bytes, name);
  } catch (e) {
    // pdf-lib may also fail outright on encrypted object streams (AES-256): an /Encrypt
    // entry in the file says which of the two it was.
    const encrypted = e instanceof FileProblem && (e.code === 'ENCRYPTED' || namesEncrypt(bytes));
    if (!encrypted) throw e;
    const result = await decryptPdf(bytes, password ?? '');
    if (!result.ok) throw encryptionProblem(name, result.reason);
    decrypted = result.bytes;
    info = await inspectPdfBytes(decrypted, name);
  }
  return { info, decrypted, texts: await pageTexts(decrypted ?? bytes, info.pages) };
}

function namesEncrypt(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt');
}

/** Text is a help for search, never a reason to refuse a file pdf-lib could read. */
async function pageTexts(bytes: Uint8Array, pages: number): Promise<string[]> {
  try {
    return await pdfPageTexts(bytes);
  } catch {
    return Array.from({ length: pages }, () => '');
  }
}

function encryptionProblem(name: string, reason: 'needs-password' | 'wrong-password' | 'damaged'): FileProblem {
  if (reason === 'needs-password') {
    return new FileProblem('ENCRYPTED', `PDF《${name}》设有打开密码，输入密码后才能添加；原文件不会被改动。`);
  }
  if (reason === 'wrong-password') {
    return new FileProblem('ENCRYPTED', `PDF《${name}》的密码不正确。请向发文单位确认密码后重试。`);
  }
  return new FileProblem('CORRUPT', `PDF《${name}》已加密且已损坏，无法打开。请重新下载或向发文单位索取。`);
}
