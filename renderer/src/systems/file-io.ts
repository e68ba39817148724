import { api } from '../api';
import type { FileFilter } from '../../../shared/ipc/contract';

/** The bytes of a file the user dropped or chose in the browser, as base64 for the contract. */
export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Hands bytes the core made to the browser's download (the bridge has no save dialog). */
export function downloadBase64(fileName: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Produced = { fileName: string; path: string | null; dataBase64: string | null };

/**
 * Saves a file the core produces: with native dialogs the user picks where and the core
 * writes it there; in the browser the bytes come back and are downloaded. Resolves to a
 * sentence for the user, or null when they cancelled.
 */
export async function saveProduced(
  nativeDialogs: boolean,
  defaultName: string,
  filters: FileFilter[],
  produce: (path?: string) => Promise<Produced>,
): Promise<string | null> {
  if (nativeDialogs) {
    const { path } = await api.call('dialog.saveFile', { defaultName, filters });
    if (!path) return null;
    const out = await produce(path);
    return `已保存到《${out.path ?? path}》`;
  }
  const out = await produce();
  if (out.dataBase64) downloadBase64(out.fileName, out.dataBase64);
  return `已下载《${out.fileName}》`;
}
