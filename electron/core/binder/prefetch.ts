import fs from 'node:fs';

/*
 * Reads the files of a volume a few ahead of their turn, so the disk is busy while pages
 * are assembled (one await per photo otherwise left the CPU idle for a third of a run of
 * scans). Bounded by count; every read is consumed once, or dropped.
 */
export class Prefetcher {
  private readonly pending = new Map<string, Promise<Buffer>>();
  private cursor = 0;

  constructor(
    private readonly paths: string[],
    private readonly ahead = 6,
  ) {}

  private start(file: string): void {
    if (this.pending.has(file)) return;
    const read = fs.promises.readFile(file);
    // A file that is never asked for (its item failed first) must not become an unhandled rejection.
    read.catch(() => undefined);
    this.pending.set(file, read);
  }

  read(file: string): Promise<Buffer> {
    const at = this.paths.indexOf(file, this.cursor);
    if (at >= 0) this.cursor = at + 1;
    const read = this.pending.get(file) ?? fs.promises.readFile(file);
    this.pending.delete(file);
    for (let i = this.cursor; i < Math.min(this.paths.length, this.cursor + this.ahead); i++)
      this.start(this.paths[i]!);
    return read;
  }
}
