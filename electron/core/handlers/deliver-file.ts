import path from 'node:path';
import { writeFileAtomic } from '../store/write-file-atomic';

/** A made file to the user: written where they chose (Electron), or handed back as data (browser download). */
export function deliverFile(fileName: string, bytes: Uint8Array, target?: string) {
  if (!target) return { fileName, path: null, dataBase64: Buffer.from(bytes).toString('base64') };
  writeFileAtomic(target, bytes);
  return { fileName: path.basename(target), path: target, dataBase64: null };
}
