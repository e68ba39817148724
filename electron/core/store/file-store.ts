import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export type PutResult = {
  sha256: string;
  size: number;
  /** True when identical bytes were already stored. */ existed: boolean;
};

const SHA256_RE = /^[0-9a-f]{64}$/;

/** The SHA-256 of a file's bytes, read as a stream (photos and scans can be large). */
export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { signal }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The content-addressed store of originals: `files/ab/<sha256>`. Files are written to a
 * temp folder outside `files/`, fsynced, then renamed into place, so a crash can never
 * leave a partial file under `files/`. Stored files are never modified or overwritten.
 */
export class FileStore {
  constructor(
    readonly root: string,
    private readonly tmpDir: string,
  ) {}

  pathOf(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /** Copies a file into the store, hashing while copying (one read of the source). */
  async putFile(source: string, signal?: AbortSignal): Promise<PutResult> {
    return this.putReadable(fs.createReadStream(source), signal);
  }

  async putBuffer(bytes: Uint8Array): Promise<PutResult> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (this.has(sha256)) return { sha256, size: bytes.byteLength, existed: true };
    const tmp = this.tempPath();
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return this.commit(tmp, sha256, bytes.byteLength);
  }

  /** Stores whatever a stream yields (e.g. a converter's output), hashing on the way. */
  async putReadable(input: NodeJS.ReadableStream, signal?: AbortSignal): Promise<PutResult> {
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const tmp = this.tempPath();
    const out = fs.createWriteStream(tmp, { flags: 'wx' });
    try {
      await pipeline(input, tap, out, { signal });
      const fd = fs.openSync(tmp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    return this.commit(tmp, hash.digest('hex'), size);
  }

  private commit(tmp: string, sha256: string, size: number): PutResult {
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) {
      fs.rmSync(tmp, { force: true });
      return { sha256, size, existed: true };
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(tmp, target);
    syncDir(path.dirname(target));
    return { sha256, size, existed: false };
  }

  private tempPath(): string {
    fs.mkdirSync(this.tmpDir, { recursive: true });
    return path.join(this.tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}.part`);
  }

  /** Hashes a stored file again; resolves to its actual digest (or null when absent). */
  async rehash(sha256: string, signal?: AbortSignal): Promise<string | null> {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) return null;
    return hashFile(file, signal);
  }

  /**
   * Deletes a stored original. Only emptying the trash calls this, after the database no
   * longer references the file; an absent file is fine (a second attempt after a crash).
   */
  remove(sha256: string): void {
    fs.rmSync(this.pathOf(sha256), { force: true });
  }

  /** Every sha256-named file under the store (other names are ignored). */
  *list(): Generator<string> {
    if (!fs.existsSync(this.root)) return;
    for (const prefix of fs.readdirSync(this.root)) {
      const dir = path.join(this.root, prefix);
      if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(dir).isDirectory()) continue;
      for (const name of fs.readdirSync(dir)) if (SHA256_RE.test(name) && name.startsWith(prefix)) yield name;
    }
  }

  /** Removes temp files left by a crash; called when the project is opened for writing. */
  cleanTemp(): void {
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }
}

/** Makes a rename durable on POSIX; Windows cannot open directories and does not need it. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: durability of the directory entry, not correctness of the data.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
