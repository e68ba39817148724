import { createRequire } from 'node:module';
import type { QpdfInstance } from '@neslinesli93/qpdf-wasm';

/*
 * Encrypted PDFs (government PDFs are often "protected" against printing or editing, and
 * some are opened by a password). pdf-lib cannot read them, so qpdf — compiled to
 * WebAssembly, the same on Windows as here, nothing to install — writes a decrypted copy.
 * The original is stored untouched; the copy is what previews, search and binding read.
 *
 * Permission-only encryption (an owner password, no user password) opens with the empty
 * password, so such files need no question at all.
 */

const require = createRequire(import.meta.url);

export type DecryptResult =
  | { ok: true; bytes: Uint8Array }
  /** needs-password: none was given; wrong-password: the one given does not open it. */
  | { ok: false; reason: 'needs-password' | 'wrong-password' | 'damaged' };

let instance: Promise<QpdfInstance> | null = null;
/** What qpdf printed during the current call (it prints through console, bound once at start-up). */
let printed: string[] = [];

function qpdf(): Promise<QpdfInstance> {
  instance ??= (async () => {
    const factory = (await import('@neslinesli93/qpdf-wasm')).default;
    const wasm = require.resolve('@neslinesli93/qpdf-wasm/dist/qpdf.wasm');
    // The module binds console.log/error while it starts; bind them to our collector instead
    // so its messages (e.g. "invalid password") are read here, not sprayed on the console.
    const { log, error } = console;
    console.log = (...args: unknown[]) => void printed.push(args.join(' '));
    console.error = (...args: unknown[]) => void printed.push(args.join(' '));
    try {
      return await factory({ locateFile: () => wasm });
    } finally {
      console.log = log;
      console.error = error;
    }
  })();
  return instance;
}

/** The parts of Emscripten's file system used here (the package's types list fewer). */
type MemFs = {
  writeFile: (file: string, data: Uint8Array) => void;
  readFile: (file: string) => Uint8Array;
  unlink: (file: string) => void;
};

let counter = 0;

/** Runs one qpdf command on `bytes` as its input file; returns the exit code and the output file. */
async function run(bytes: Uint8Array, args: (input: string, output: string) => string[]) {
  const q = await qpdf();
  const fs = q.FS as unknown as MemFs;
  const input = `/in-${++counter}.pdf`;
  const output = `/out-${counter}.pdf`;
  printed = [];
  fs.writeFile(input, bytes);
  try {
    const code = q.callMain(args(input, output));
    let out: Uint8Array | null = null;
    try {
      out = fs.readFile(output);
    } catch {
      out = null;
    }
    return { code, out, messages: printed.join('\n') };
  } finally {
    for (const f of [input, output]) {
      try {
        fs.unlink(f);
      } catch {
        // not written
      }
    }
  }
}

/** A decrypted copy of an encrypted PDF, with `password` if the file asks for one. */
export async function decryptPdf(bytes: Uint8Array, password = ''): Promise<DecryptResult> {
  const opened = await run(bytes, (input, output) => [`--password=${password}`, '--decrypt', input, output]);
  // 0: fine; 3: fine with warnings (qpdf repaired something small).
  if ((opened.code === 0 || opened.code === 3) && opened.out && opened.out.length > 0) {
    return { ok: true, bytes: opened.out };
  }
  if (/invalid password/i.test(opened.messages)) {
    return { ok: false, reason: password ? 'wrong-password' : 'needs-password' };
  }
  return { ok: false, reason: 'damaged' };
}

/** Encrypts a PDF (tests and fixtures: a user password, or '' for permission-only protection). */
export async function encryptPdf(bytes: Uint8Array, userPassword: string, ownerPassword: string): Promise<Uint8Array> {
  const result = await run(bytes, (input, output) => [
    '--encrypt',
    userPassword,
    ownerPassword,
    '256',
    '--print=none',
    '--modify=none',
    '--',
    input,
    output,
  ]);
  if (result.code !== 0 || !result.out) throw new Error(`qpdf could not encrypt: ${result.messages}`);
  return result.out;
}
