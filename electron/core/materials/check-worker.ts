import { parentPort } from 'node:worker_threads';
import { checkFile, type CheckOptions } from './check-file';
import { FileProblem } from './inspect-file';
import { pdfPageTexts } from './pdf-reader';

/*
 * A worker thread that checks files for the importer (check-pool.ts), so decoding photos,
 * parsing PDFs and reading their text never block the thread that serves the window.
 */

export type CheckRequest = { id: number; file: string; options: Omit<CheckOptions, 'signal'> };
export type CheckCancel = { cancel: number };
/** Answered once the worker has loaded everything it checks with. */
export type CheckPing = { ping: number };
export type CheckReply =
  | { id: number; ok: true; checked: Awaited<ReturnType<typeof checkFile>> }
  | { id: number; ok: false; problem: { code: FileProblem['code']; message: string } | null; message: string };

const running = new Map<number, AbortController>();

parentPort?.on('message', (msg: CheckRequest | CheckCancel | CheckPing) => {
  if ('ping' in msg) {
    void warmUp().then(() => parentPort?.postMessage({ pong: msg.ping }));
    return;
  }
  if ('cancel' in msg) {
    running.get(msg.cancel)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  checkFile(msg.file, { ...msg.options, signal: controller.signal })
    .then((checked) => {
      // Hand the buffers over instead of copying them (thumbnails, converted PDFs).
      const transfer = [checked.thumb, checked.converted]
        .filter((b): b is NonNullable<typeof b> => b !== null && ownsItsMemory(b))
        .map((b) => b.buffer as ArrayBuffer);
      parentPort?.postMessage({ id: msg.id, ok: true, checked } satisfies CheckReply, transfer);
    })
    .catch((e: unknown) => {
      const problem = e instanceof FileProblem ? { code: e.code, message: e.message } : null;
      parentPort?.postMessage({ id: msg.id, ok: false, problem, message: String((e as Error)?.message ?? e) });
    })
    .finally(() => running.delete(msg.id));
});

/** Loads the PDF reader (the slowest module to load) before the first file needs it. */
async function warmUp(): Promise<void> {
  await pdfPageTexts(EMPTY_PDF).catch(() => undefined);
}
const EMPTY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
);

/** Small Node buffers are slices of one shared allocation; transferring that would take it from everyone. */
function ownsItsMemory(b: Uint8Array): boolean {
  return b.byteLength > 0 && b.byteOffset === 0 && b.buffer.byteLength === b.byteLength;
}
