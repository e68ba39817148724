import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';

/**
 * Writes a whole file so that readers see either the old content or the new, never half:
 * temp file beside the target → fsync → rename. Used for exports and settings.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new AppError(
        'PERMISSION_DENIED',
        `无法写入《${target}》。如果这个文件正在 Excel 或 WPS 中打开，请先关闭它；或者换一个保存位置。`,
        { cause: e },
      );
    }
    throw e;
  }
}
