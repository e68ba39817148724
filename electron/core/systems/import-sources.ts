import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result';
import { systemFileSchema, type SystemFile } from '../../../shared/systems/model';
import { decodeText, readTableBytes, type Table } from './read-table';

/*
 * The import wizard reads a file once and then asks for previews with different sheets and
 * mappings; the parsed file waits here between those calls. Only the last few are kept:
 * they are small, and a user imports one file at a time.
 */

export type ImportSource = ParsedSource & { id: string };

/** An ImportSource before it is given its id. */
export type ParsedSource =
  { fileName: string; kind: 'json'; system: SystemFile } | { fileName: string; kind: Table['kind']; table: Table };

const KEEP = 4;

export class ImportSources {
  private readonly sources = new Map<string, ImportSource>();

  add(source: ParsedSource): ImportSource {
    const withId: ImportSource = { ...source, id: randomUUID() };
    this.sources.set(withId.id, withId);
    while (this.sources.size > KEEP) this.sources.delete(this.sources.keys().next().value!);
    return withId;
  }

  get(id: string): ImportSource {
    const source = this.sources.get(id);
    if (!source) throw new AppError('NOT_FOUND', '导入的文件已失效（程序可能重启过）。请重新选择文件。');
    return source;
  }
}

/** Parses a file the user picked: the app's own JSON, or any spreadsheet. */
export function parseImportFile(fileName: string, bytes: Uint8Array): ParsedSource {
  if (looksLikeJson(bytes)) return { fileName, kind: 'json', system: parseSystemJson(fileName, bytes) };
  const table = readTableBytes(fileName, bytes);
  return { fileName, kind: table.kind, table };
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b; // '{'
  }
  return false;
}

export function parseSystemJson(fileName: string, bytes: Uint8Array): SystemFile {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes));
  } catch {
    throw new AppError('UNSUPPORTED_FILE', `文件《${fileName}》不是有效的 JSON 文件，可能已损坏。`);
  }
  const parsed = systemFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `文件《${fileName}》不是台账通导出的测评体系文件（${parsed.error.issues[0]?.path.join('.') ?? ''} 不符合格式）。请选择从台账通“导出为 JSON”得到的文件，或直接导入 Excel 表格。`,
    );
  }
  checkTree(fileName, parsed.data);
  return parsed.data;
}

/** Keys unique, parents listed before children, levels one deeper than the parent. */
function checkTree(fileName: string, file: SystemFile): void {
  const levelOf = new Map<string, number>();
  for (const [i, d] of file.indicators.entries()) {
    const where = `文件《${fileName}》第 ${i + 1} 个指标“${d.title}”`;
    if (levelOf.has(d.key)) throw new AppError('UNSUPPORTED_FILE', `${where}的编号 ${d.key} 重复。`);
    if (d.parentKey === null) {
      if (d.level !== 1) throw new AppError('UNSUPPORTED_FILE', `${where}没有上级，却不是一级指标。`);
    } else {
      const parentLevel = levelOf.get(d.parentKey);
      if (parentLevel === undefined) throw new AppError('UNSUPPORTED_FILE', `${where}的上级指标不在它前面。`);
      if (d.level !== parentLevel + 1) throw new AppError('UNSUPPORTED_FILE', `${where}的层级与上级不一致。`);
    }
    levelOf.set(d.key, d.level);
  }
}
